-- One row per fire drill: what was run, and how the response went, recorded against the
-- service's runbook. Services, runbooks, alerts, incidents and accounts are other modules':
-- referred to by id, not by foreign key across modules.
create table drill_drill (
    id                  uuid not null primary key,
    service_id          uuid not null,
    runbook_id          uuid,
    severity            varchar(4) not null,
    summary             varchar(1024) not null,
    started_by          uuid not null,
    started_at          timestamp with time zone not null,
    alert_id            uuid not null,
    incident_number     bigint not null,
    first_page_at       timestamp with time zone,
    acknowledged_at     timestamp with time zone,
    acknowledged_by     uuid,
    mitigated_at        timestamp with time zone,
    ended_at            timestamp with time zone,
    ended_by            uuid,
    -- the targets of the drill's severity when it started, so a later policy change leaves old reports as they were
    ack_target_seconds      bigint not null,
    mitigate_target_seconds bigint not null
);
create index drill_drill_service_idx on drill_drill (service_id, started_at);
create unique index drill_drill_incident_uq on drill_drill (incident_number);

-- The drill incident's obligations that were missed: resolving an incident withdraws the ones
-- still open, and the drill report must still say they were missed.
create table drill_missed_obligation (
    drill_id        uuid not null references drill_drill (id),
    obligation_key  varchar(100) not null,
    kind            varchar(32) not null,
    title           varchar(500) not null,
    due_at          timestamp with time zone not null,
    owner_id        uuid,
    primary key (drill_id, obligation_key, due_at)
);
