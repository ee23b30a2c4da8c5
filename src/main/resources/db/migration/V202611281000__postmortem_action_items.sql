-- Action items of incidents (and so of their post-mortems): each with an owner, a due day, a
-- priority and a measurable definition of done. The incident is held by its number; the
-- incident module's tables are not referenced (modules own their tables).
create table postmortem_action_item (
    id                 uuid primary key,
    incident_number    bigint not null,
    title              varchar(200) not null,
    owner_id           uuid not null,
    due_on             date not null,
    priority           varchar(2) not null,
    definition_of_done varchar(2000) not null,
    status             varchar(8) not null,
    evidence           varchar(2000),
    completed_by       uuid,
    completed_at       timestamp with time zone,
    created_by         uuid,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null
);

create index postmortem_action_item_by_incident on postmortem_action_item (incident_number);
create index postmortem_action_item_by_owner on postmortem_action_item (owner_id, status, due_on);
create index postmortem_action_item_by_due on postmortem_action_item (status, due_on);

-- Endpoints of trackers (Jira, Linear) that mirror action items, registered by administrators;
-- the signing secret is encrypted with the secret key (shown once, kept to sign).
create table postmortem_action_item_webhook (
    id             uuid primary key,
    url            varchar(2000) not null,
    signing_secret varchar(500) not null,
    created_by     uuid,
    created_at     timestamp with time zone not null
);

-- One row per endpoint and event (action_item.created:<item>, action_item.completed:<item>:<at>),
-- so a redelivered event is not posted twice; the payload is the JSON posted on every attempt.
create table postmortem_action_item_delivery (
    id              uuid primary key,
    webhook_id      uuid not null references postmortem_action_item_webhook (id) on delete cascade,
    event_key       varchar(200) not null,
    payload         text not null,
    status          varchar(16) not null,
    attempts        integer not null,
    last_error      varchar(1000),
    created_at      timestamp with time zone not null,
    last_attempt_at timestamp with time zone,
    sent_at         timestamp with time zone,
    unique (webhook_id, event_key)
);
