-- One row per service whose alerts reached the incident module: locked while that service's new
-- alerts open or join an incident and while its resolved alerts are marked, so that two
-- batches of one storm, handled at once (or by two instances), open one incident between them.
create table incident_grouping_lock (
    service_id uuid not null primary key
);
