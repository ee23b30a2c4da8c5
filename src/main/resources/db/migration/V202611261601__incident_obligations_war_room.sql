-- what each incident owes, by the book: one row per obligation, opened again with a new due time
create table incident_obligation (
    incident_number bigint not null references incident (number),
    obligation_key  varchar(64) not null,
    kind            varchar(16) not null,
    title           varchar(300) not null,
    due_at          timestamp with time zone not null,
    owner_role      varchar(32) not null,
    -- a named owner instead of the role's holder (the post-mortem owner)
    owner_id        uuid,
    tells_commander boolean not null,
    opened_at       timestamp with time zone not null,
    met_at          timestamp with time zone,
    outcome         varchar(2000),
    waived          boolean not null,
    primary key (incident_number, obligation_key)
);

create table incident_war_room (
    incident_number    bigint not null primary key references incident (number),
    opened_at          timestamp with time zone not null,
    reason             varchar(500) not null,
    last_checkpoint_at timestamp with time zone
);

create table incident_decision (
    id              uuid not null primary key,
    incident_number bigint not null references incident (number),
    decision        varchar(2000) not null,
    rationale       varchar(10000),
    decided_by      uuid not null,
    decided_at      timestamp with time zone not null
);
create index incident_decision_incident_idx on incident_decision (incident_number, decided_at);

-- what the resolution said: the gate's answers, an override, the post-mortem requirement
create table incident_resolution (
    incident_number     bigint not null primary key references incident (number),
    resolved_at         timestamp with time zone not null,
    resolved_by         uuid,
    root_cause          varchar(10000),
    root_cause_deferred boolean not null,
    containment         varchar(2000),
    guardrails          varchar(10000),
    follow_ups          varchar(10000),
    override_reason     varchar(2000),
    unmet               varchar(10000),
    postmortem_required boolean not null,
    postmortem_reason   varchar(500),
    postmortem_owner    uuid
);
