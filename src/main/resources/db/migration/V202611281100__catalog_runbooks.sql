-- Runbooks: Markdown documents with the six sections a responder needs when paged (symptom,
-- impact, investigation, mitigation, escalation, context), linked to services and to alert fields.
create table catalog_runbook (
    id               uuid not null primary key,
    title            varchar(200) not null,
    markdown         text not null,
    -- writing a runbook counts as its first review; staleness is measured from here
    last_reviewed_at timestamp with time zone not null,
    last_reviewed_by uuid,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null
);

-- The services a runbook is about (many to many); a runbook without any may match any service's alerts.
create table catalog_runbook_service (
    runbook_id uuid not null references catalog_runbook (id) on delete cascade,
    service_id uuid not null references catalog_service (id) on delete cascade,
    primary key (runbook_id, service_id)
);
create index catalog_runbook_service_service_idx on catalog_runbook_service (service_id);

-- The alert fields that lead to a runbook: an Alertmanager/Grafana label or an Events v2 payload
-- field (class, component, group, source) with its exact value.
create table catalog_runbook_matcher (
    runbook_id uuid not null references catalog_runbook (id) on delete cascade,
    field      varchar(100) not null,
    field_value varchar(200) not null,
    primary key (runbook_id, field, field_value)
);
create index catalog_runbook_matcher_field_idx on catalog_runbook_matcher (field, field_value);
