-- Which alerts an incident gathered. The alerts are the alerting module's: referred to by id.
create table incident_alert (
    alert_id        uuid not null primary key,
    incident_number bigint not null references incident (number),
    linked_at       timestamp with time zone not null
);
create index incident_alert_incident_idx on incident_alert (incident_number);
