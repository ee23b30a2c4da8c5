-- Escalation policies: ordered levels of targets, attached to services.
create table escalation_policy (
    id          uuid primary key,
    name        varchar(200) not null,
    -- the name in lower case: "Payments" and "payments" are one policy
    name_key    varchar(200) not null,
    description varchar(2000) not null default '',
    repeat      int not null check (repeat >= 0),
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null
);
create unique index escalation_policy_name_uq on escalation_policy (name_key);

create table escalation_level (
    policy_id     uuid not null references escalation_policy (id) on delete cascade,
    position      int not null,
    -- null: the ack target of the incident's severity
    delay_seconds bigint check (delay_seconds > 0),
    primary key (policy_id, position)
);

create table escalation_target (
    policy_id   uuid not null,
    position    int not null,
    target_type varchar(16) not null,
    target_id   uuid not null,
    primary key (policy_id, position, target_type, target_id),
    foreign key (policy_id, position) references escalation_level (policy_id, position) on delete cascade
);

-- one policy per service; a policy may serve several
create table escalation_service_policy (
    service_id uuid primary key,
    policy_id  uuid not null references escalation_policy (id) on delete cascade
);
create index escalation_service_policy_policy_idx on escalation_service_policy (policy_id);

-- a policy running for an incident: at most one per (incident, policy)
create table escalation (
    id              uuid primary key,
    incident_number bigint not null,
    policy_id       uuid not null,
    urgency         varchar(8) not null,
    cycle           int not null,
    level           int not null,
    status          varchar(16) not null,
    started_at      timestamp with time zone not null,
    next_at         timestamp with time zone,
    updated_at      timestamp with time zone not null,
    unique (incident_number, policy_id)
);
