-- How a person is reached: their contact methods, each verified with a code sent through it.
create table notification_contact_method (
    id               uuid not null primary key,
    account_id       uuid not null,
    type             varchar(16) not null,
    address          varchar(2000) not null,
    label            varchar(100) not null,
    -- a push webhook's signing secret, encrypted with FIREBREAK_SECRET_KEY; null for the others
    secret           varchar(200),
    verified_at      timestamp with time zone,
    -- fingerprint of the pending verification code (never the code itself), its expiry and wrong tries
    code_hash        varchar(64),
    code_expires_at  timestamp with time zone,
    code_attempts    int not null default 0,
    created_at       timestamp with time zone not null
);
create unique index notification_contact_method_uq on notification_contact_method (account_id, type, address);
-- an SMS reply is matched to its sender's verified number
create index notification_contact_method_address_idx on notification_contact_method (type, address);

-- A person's own rules: for each urgency, which contact method after how many minutes.
create table notification_rule (
    id                 uuid not null primary key,
    account_id         uuid not null,
    urgency            varchar(8) not null,
    contact_method_id  uuid not null references notification_contact_method (id) on delete cascade,
    delay_minutes      int not null,
    created_at         timestamp with time zone not null
);
create unique index notification_rule_uq on notification_rule (account_id, urgency, contact_method_id, delay_minutes);

-- One row per page asked for: its key makes page() idempotent across instances.
create table notification_page (
    page_key         varchar(300) not null primary key,
    account_id       uuid not null,
    urgency          varchar(8) not null,
    subject_key      varchar(100) not null,
    reason           varchar(500),
    accepted_at      timestamp with time zone not null
);

-- Chat channels an administrator set up; the URL and signing secret are encrypted at rest.
create table notification_chat_channel (
    id          uuid not null primary key,
    name        varchar(100) not null,
    type        varchar(16) not null,
    url         varchar(2000) not null,
    url_host    varchar(300) not null,
    secret      varchar(200),
    created_at  timestamp with time zone not null
);
create unique index notification_chat_channel_name_uq on notification_chat_channel (name);

-- The delivery log: one row per message to one contact method (or channel). delivery_key is the
-- idempotency key (page key + contact method, notice key + person, notice key + channel).
create table notification_delivery (
    id                 uuid not null primary key,
    delivery_key       varchar(500) not null,
    kind               varchar(16) not null,
    page_key           varchar(300),
    step               int not null default 0,
    subject_key        varchar(100),
    incident_number    bigint,
    alert_id           uuid,
    account_id         uuid,
    channel_id         uuid,
    contact_method_id  uuid,
    contact_type       varchar(16),
    address            varchar(2000),
    -- the words of a notice or announcement (a page's words are written from its subject when sent)
    title              varchar(500),
    body               varchar(10000),
    link               varchar(2000),
    reason             varchar(500),
    note               varchar(500),
    status             varchar(16) not null,
    attempts           int not null default 0,
    provider_answer    varchar(2000),
    -- deliveries sent together in one bundled message share it
    message_id         uuid,
    due_at             timestamp with time zone not null,
    created_at         timestamp with time zone not null,
    sent_at            timestamp with time zone,
    cancelled_at       timestamp with time zone
);
create unique index notification_delivery_key_uq on notification_delivery (delivery_key);
create index notification_delivery_subject_idx on notification_delivery (subject_key, created_at);
create index notification_delivery_page_idx on notification_delivery (page_key, step);
create index notification_delivery_target_idx on notification_delivery (contact_type, address, status);
create index notification_delivery_provider_idx on notification_delivery (provider_answer);
create index notification_delivery_account_idx on notification_delivery (account_id, incident_number);
