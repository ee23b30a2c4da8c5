-- The routing key is stored twice, neither time in the clear: a SHA-256 hash to find the
-- integration by the key a client sends, and AES-GCM ciphertext (key outside the database) to
-- show it to an administrator again.
create table alert_integration (
    id              uuid not null primary key,
    service_id      uuid not null,
    type            varchar(20) not null,
    name            varchar(100) not null,
    key_hash        varchar(64) not null,
    key_ciphertext  varchar(200) not null,
    -- events per second this key may send; null: the installation's default
    rate_per_second int,
    created_at      timestamp with time zone not null,
    key_rotated_at  timestamp with time zone not null
);
create unique index alert_integration_key_uq on alert_integration (key_hash);
create index alert_integration_service_idx on alert_integration (service_id);
