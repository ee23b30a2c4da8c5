-- A heartbeat integration's schedule and state. deadline_at is when silence becomes an alert:
-- the last success plus period and grace, or a start plus grace; null while new or down.
create table alert_heartbeat (
    integration_id  uuid not null primary key,
    period_seconds  bigint not null,
    grace_seconds   bigint not null,
    severity        varchar(16) not null,
    state           varchar(8) not null,
    last_ping_at    timestamp with time zone,
    last_ping_kind  varchar(8),
    started_at      timestamp with time zone,
    start_rid       varchar(36),
    deadline_at     timestamp with time zone
);
create index alert_heartbeat_deadline_idx on alert_heartbeat (deadline_at);

-- The latest pings of each heartbeat (the last 100 are kept), with what a POST said.
create table alert_heartbeat_ping (
    id              uuid not null primary key,
    integration_id  uuid not null,
    kind            varchar(8) not null,
    exit_code       int,
    rid             varchar(36),
    duration_ms     bigint,
    method          varchar(8) not null,
    address         varchar(64),
    body            text,
    at              timestamp with time zone not null
);
create index alert_heartbeat_ping_idx on alert_heartbeat_ping (integration_id, at);
