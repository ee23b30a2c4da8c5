-- The public status page: its settings, components in groups mapped to catalog services, the time
-- each component spent in each status (uptime), public incidents with their updates, and
-- scheduled maintenance. "revision" counts changes, so every instance knows when to render again.
create table statuspage_settings (
    id              integer primary key,
    page_id         varchar(40),
    name            varchar(200) not null,
    logo_url        varchar(1000),
    logo_alt        varchar(200),
    brand_colour    varchar(7) not null,
    time_zone       varchar(64) not null,
    host_name       varchar(255),
    revision        bigint not null,
    updated_at      timestamp with time zone not null
);

insert into statuspage_settings (id, name, brand_colour, time_zone, revision, updated_at)
values (1, 'Service status', '#1f5fbf', 'UTC', 0, current_timestamp);

create table statuspage_group (
    id              uuid primary key,
    name            varchar(200) not null,
    description     varchar(1000),
    position        integer not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null
);

create table statuspage_component (
    id                      uuid primary key,
    group_id                uuid references statuspage_group (id),
    name                    varchar(200) not null,
    description             varchar(1000),
    position                integer not null,
    status                  varchar(32) not null,
    manual_status           varchar(32),
    only_show_if_degraded   boolean not null,
    showcase                boolean not null,
    start_date              date not null,
    created_at              timestamp with time zone not null,
    updated_at              timestamp with time zone not null
);

create table statuspage_component_service (
    component_id    uuid not null references statuspage_component (id) on delete cascade,
    service_id      uuid not null,
    primary key (component_id, service_id)
);

create index statuspage_component_service_by_service on statuspage_component_service (service_id);

create table statuspage_status_span (
    id              uuid primary key,
    component_id    uuid not null references statuspage_component (id) on delete cascade,
    status          varchar(32) not null,
    started_at      timestamp with time zone not null,
    ended_at        timestamp with time zone
);

create index statuspage_status_span_by_component on statuspage_status_span (component_id, started_at);

create table statuspage_incident (
    id              uuid primary key,
    incident_number bigint not null unique,
    name            varchar(300) not null,
    status          varchar(16) not null,
    impact          varchar(16) not null,
    started_at      timestamp with time zone not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    monitoring_at   timestamp with time zone,
    resolved_at     timestamp with time zone
);

create index statuspage_incident_by_created on statuspage_incident (created_at);

-- what an incident that is not resolved does to a component
create table statuspage_incident_component (
    incident_id     uuid not null references statuspage_incident (id) on delete cascade,
    component_id    uuid not null references statuspage_component (id) on delete cascade,
    status          varchar(32) not null,
    active          boolean not null,
    primary key (incident_id, component_id)
);

create table statuspage_incident_update (
    id                  uuid primary key,
    incident_id         uuid not null references statuspage_incident (id) on delete cascade,
    status              varchar(16) not null,
    body                varchar(10000) not null,
    affected_components varchar(200000) not null,
    display_at          timestamp with time zone not null,
    created_at          timestamp with time zone not null
);

create index statuspage_incident_update_by_incident on statuspage_incident_update (incident_id, created_at);

create table statuspage_maintenance (
    id                  uuid primary key,
    name                varchar(300) not null,
    status              varchar(16) not null,
    scheduled_for       timestamp with time zone not null,
    scheduled_until     timestamp with time zone not null,
    verify_until        timestamp with time zone not null,
    reminded_at         timestamp with time zone,
    started_at          timestamp with time zone,
    completed_at        timestamp with time zone,
    created_by          uuid,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null
);

create index statuspage_maintenance_by_schedule on statuspage_maintenance (scheduled_for);

create table statuspage_maintenance_component (
    maintenance_id  uuid not null references statuspage_maintenance (id) on delete cascade,
    component_id    uuid not null references statuspage_component (id) on delete cascade,
    primary key (maintenance_id, component_id)
);

-- the catalog maintenance windows that keep the mapped services from paging
create table statuspage_maintenance_window (
    maintenance_id  uuid not null references statuspage_maintenance (id) on delete cascade,
    window_id       uuid not null,
    primary key (maintenance_id, window_id)
);

create table statuspage_maintenance_update (
    id                  uuid primary key,
    maintenance_id      uuid not null references statuspage_maintenance (id) on delete cascade,
    status              varchar(16) not null,
    body                varchar(10000) not null,
    affected_components varchar(200000) not null,
    created_at          timestamp with time zone not null
);

create index statuspage_maintenance_update_by_maintenance on statuspage_maintenance_update (maintenance_id, created_at);
