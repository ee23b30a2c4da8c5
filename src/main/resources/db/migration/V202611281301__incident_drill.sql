-- A drill incident: opened by a fire drill's alert. It runs the real response (paging, roles,
-- war room) but never reaches the status page and needs no post-mortem; drill and real
-- incidents never gather each other's alerts.
alter table incident add column drill boolean default false not null;
