-- A service's own choice of what its alerts open, by alert severity: SEV1..SEV4 or NONE, and how
-- long after an incident opens its alerts still join it. No row: the installation's defaults.
create table incident_alert_routing (
    service_id              uuid not null primary key,
    critical                varchar(8) not null,
    error                   varchar(8) not null,
    warning                 varchar(8) not null,
    info                    varchar(8) not null,
    grouping_window_seconds bigint not null,
    updated_at              timestamp with time zone not null
);
