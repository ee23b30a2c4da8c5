-- One post-mortem per incident: the people-written sections, the review meeting, and the facts of
-- the record frozen (as JSON) when it is published.
create table postmortem (
    id                   uuid primary key,
    incident_number      bigint not null unique,
    status               varchar(20) not null,
    owner_id             uuid,
    reason               varchar(500) not null,
    what_happened        varchar(10000),
    why_1                varchar(2000),
    why_2                varchar(2000),
    why_3                varchar(2000),
    why_4                varchar(2000),
    why_5                varchar(2000),
    not_detected_sooner  varchar(10000),
    slowed_response      varchar(10000),
    prevents_recurrence  varchar(10000),
    went_well            varchar(10000),
    went_poorly          varchar(10000),
    review_held_at       timestamp with time zone,
    review_attendees     varchar(2000),
    review_notes         varchar(10000),
    review_recorded_by   uuid,
    review_recorded_at   timestamp with time zone,
    frozen_facts         text,
    created_by           uuid,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    published_at         timestamp with time zone
);

create index postmortem_status_owner on postmortem (status, owner_id);
