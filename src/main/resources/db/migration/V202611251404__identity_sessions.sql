-- Browser sessions live in the database, so any instance of a cluster serves any signed-in person
-- and a restart signs nobody out. The layout is Spring Session's own (JdbcIndexedSessionRepository).
create table identity_session (
    primary_id            char(36) not null primary key,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(320)
);
create unique index identity_session_ix1 on identity_session (session_id);
create index identity_session_ix2 on identity_session (expiry_time);
create index identity_session_ix3 on identity_session (principal_name);

create table identity_session_attributes (
    session_primary_id char(36) not null references identity_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    primary key (session_primary_id, attribute_name)
);
