-- Subscribers of the status page: e-mail addresses (double opt-in) and webhook endpoints (added
-- by an administrator), each hearing of everything or of the components it chose; one delivery
-- row per subscriber and thing told, so a redelivered event tells nobody twice.
create table statuspage_subscriber (
    id                  uuid primary key,
    kind                varchar(8) not null,
    email               varchar(254),
    -- the address lower-cased: one subscriber per address
    email_key           varchar(254) unique,
    endpoint_url        varchar(2000),
    description         varchar(200),
    -- the webhook's signing secret, encrypted with the secret key (shown once, used to sign)
    signing_secret      varchar(500),
    everything          boolean not null,
    confirmed_at        timestamp with time zone,
    -- an open request to subscribe (or to change the components): its link's nonce, when it was
    -- mailed, until when it holds, and the components asked for as a JSON list ([] = everything)
    confirm_nonce       varchar(64),
    confirm_sent_at     timestamp with time zone,
    confirm_expires_at  timestamp with time zone,
    pending_components  varchar(8000),
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null
);

create index statuspage_subscriber_unconfirmed on statuspage_subscriber (confirmed_at, confirm_expires_at);

create table statuspage_subscriber_component (
    subscriber_id   uuid not null references statuspage_subscriber (id) on delete cascade,
    component_id    uuid not null references statuspage_component (id) on delete cascade,
    primary key (subscriber_id, component_id)
);

create index statuspage_subscriber_component_by_component on statuspage_subscriber_component (component_id);

-- topic: what is told, e.g. update:<update id>, reminder:<maintenance id>:<start>, component:<id>:<at>
create table statuspage_subscriber_delivery (
    id              uuid primary key,
    subscriber_id   uuid not null references statuspage_subscriber (id) on delete cascade,
    topic           varchar(200) not null,
    kind            varchar(16) not null,
    subject         varchar(500),
    payload         text,
    status          varchar(16) not null,
    attempts        integer not null,
    last_error      varchar(1000),
    created_at      timestamp with time zone not null,
    last_attempt_at timestamp with time zone,
    sent_at         timestamp with time zone,
    unique (subscriber_id, topic)
);

-- the public subscribe form's requests per client address, kept for the throttle's window
create table statuspage_subscribe_request (
    address     varchar(64) not null,
    at          timestamp with time zone not null
);

create index statuspage_subscribe_request_by_address on statuspage_subscribe_request (address, at);
