-- What a service lets responders do to it from an incident: an HTTP call that pulls a lever
-- (a feature flag off, a failover), and the call that undoes it, if there is one.
-- Header values may hold credentials (an API token): they are encrypted with FIREBREAK_SECRET_KEY,
-- the headers stored as a JSON object of name -> encrypted value.
create table catalog_mitigation_action (
    id               uuid not null primary key,
    service_id       uuid not null references catalog_service (id) on delete cascade,
    name             varchar(100) not null,
    -- the name in lower case: one service has one "Checkout flag off"
    name_key         varchar(100) not null,
    lever            varchar(40) not null,
    run_method       varchar(10) not null,
    run_url          varchar(2000) not null,
    run_headers      text not null,
    run_body         text,
    rollback_method  varchar(10),
    rollback_url     varchar(2000),
    rollback_headers text,
    rollback_body    text,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null
);
create unique index catalog_mitigation_action_name_uq on catalog_mitigation_action (service_id, name_key);
