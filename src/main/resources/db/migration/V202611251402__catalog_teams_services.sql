create table catalog_team (
    id          uuid not null primary key,
    name        varchar(100) not null,
    -- the name in lower case: "Payments" and "payments" are one team
    name_key    varchar(100) not null,
    description varchar(2000),
    time_zone   varchar(64) not null,
    created_at  timestamp with time zone not null
);
create unique index catalog_team_name_uq on catalog_team (name_key);

create table catalog_team_member (
    team_id    uuid not null references catalog_team (id) on delete cascade,
    account_id uuid not null,
    primary key (team_id, account_id)
);

create table catalog_service (
    id            uuid not null primary key,
    name          varchar(100) not null,
    name_key      varchar(100) not null,
    description   varchar(2000),
    owner_team_id uuid references catalog_team (id),
    tier          int not null,
    created_at    timestamp with time zone not null
);
create unique index catalog_service_name_uq on catalog_service (name_key);
create index catalog_service_owner_idx on catalog_service (owner_team_id);
