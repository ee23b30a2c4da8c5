-- Deploys and configuration changes of a service, as monitoring and CI tools report them: the
-- first suspect when an incident begins.
create table catalog_change (
    id          uuid not null primary key,
    service_id  uuid not null references catalog_service (id) on delete cascade,
    summary     varchar(1024) not null,
    source      varchar(1024),
    happened_at timestamp with time zone not null,
    received_at timestamp with time zone not null,
    payload     text not null
);
create index catalog_change_service_idx on catalog_change (service_id, happened_at);
