-- A short code per alert a page was written about, to acknowledge it by a reply ("Reply A7 to
-- ack"): an alert's id is a UUID, too long to type on a phone or say in a call. Incidents need
-- none: their number is their code.
create sequence notification_alert_code_seq;
create table notification_alert_code (
    alert_id    uuid not null primary key,
    code        bigint not null,
    created_at  timestamp with time zone not null
);
create unique index notification_alert_code_uq on notification_alert_code (code);
