-- Planned work on a service: while a window is open, its alerts are recorded but open no
-- incident and page nobody.
create table catalog_maintenance (
    id          uuid not null primary key,
    service_id  uuid not null,
    starts_at   timestamp with time zone not null,
    ends_at     timestamp with time zone not null,
    reason      varchar(500) not null,
    created_by  uuid,
    created_at  timestamp with time zone not null
);
create index catalog_maintenance_service_idx on catalog_maintenance (service_id, ends_at);
