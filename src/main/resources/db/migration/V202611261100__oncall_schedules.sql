-- Schedules: who is on call when. A schedule has layers (rotations), a higher position wins
-- where it has someone; overrides replace the result for a stretch of time.
create table oncall_schedule (
    id           uuid not null primary key,
    name         varchar(100) not null,
    name_key     varchar(100) not null,
    description  varchar(2000),
    time_zone    varchar(64) not null,
    team_id      uuid,
    created_at   timestamp with time zone not null
);
create unique index oncall_schedule_name_uq on oncall_schedule (name_key);

-- Start and end are local date-times in the schedule's zone: hand-offs keep their wall-clock
-- time across daylight saving.
create table oncall_layer (
    id           uuid not null primary key,
    schedule_id  uuid not null references oncall_schedule (id) on delete cascade,
    position     int not null,
    name         varchar(100) not null,
    shift_count  int not null,
    shift_unit   varchar(8) not null,
    start_local  timestamp not null,
    end_local    timestamp,
    created_at   timestamp with time zone not null
);
create index oncall_layer_schedule_idx on oncall_layer (schedule_id, position);

create table oncall_layer_participant (
    layer_id    uuid not null references oncall_layer (id) on delete cascade,
    position    int not null,
    account_id  uuid not null,
    primary key (layer_id, position)
);

-- A window in which the layer has someone on call: every day (time_of_day) or once a week
-- from a day and time to a day and time (day_of_week).
create table oncall_layer_restriction (
    layer_id    uuid not null references oncall_layer (id) on delete cascade,
    position    int not null,
    kind        varchar(16) not null,
    start_day   varchar(9),
    start_time  varchar(5) not null,
    end_day     varchar(9),
    end_time    varchar(5) not null,
    primary key (layer_id, position)
);

create table oncall_override (
    id                   uuid not null primary key,
    schedule_id          uuid not null references oncall_schedule (id) on delete cascade,
    account_id           uuid not null,
    replaced_account_id  uuid,
    starts_at            timestamp with time zone not null,
    ends_at              timestamp with time zone not null,
    created_by           uuid,
    created_at           timestamp with time zone not null
);
create index oncall_override_schedule_idx on oncall_override (schedule_id, ends_at);

-- The secret of a calendar feed URL, of a schedule or of a person: a SHA-256 hash to find the
-- feed by the token in the URL, and AES-GCM ciphertext to show the URL again to its owner.
create table oncall_calendar_feed (
    id                uuid not null primary key,
    kind              varchar(16) not null,
    subject_id        uuid not null,
    token_hash        varchar(64) not null,
    token_ciphertext  varchar(200) not null,
    created_at        timestamp with time zone not null,
    rotated_at        timestamp with time zone not null
);
create unique index oncall_calendar_feed_token_uq on oncall_calendar_feed (token_hash);
create unique index oncall_calendar_feed_subject_uq on oncall_calendar_feed (kind, subject_id);
