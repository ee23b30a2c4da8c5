-- One row per alert. open_key repeats dedup_key while the alert is open and is null once it is
-- resolved, so "one open alert per integration and dedup key" is a plain unique index that H2
-- and PostgreSQL both enforce (several nulls are allowed).
create table alert (
    id              uuid not null primary key,
    integration_id  uuid not null,
    service_id      uuid not null,
    dedup_key       varchar(255) not null,
    open_key        varchar(255),
    status          varchar(16) not null,
    severity        varchar(16) not null,
    summary         varchar(1024) not null,
    source          varchar(1024),
    occurrences     int not null,
    first_seen_at   timestamp with time zone not null,
    last_seen_at    timestamp with time zone not null,
    acknowledged_at timestamp with time zone,
    resolved_at     timestamp with time zone,
    payload         text not null
);
create unique index alert_open_uq on alert (integration_id, open_key);
create index alert_service_idx on alert (service_id, last_seen_at);
create index alert_status_idx on alert (status, last_seen_at);
