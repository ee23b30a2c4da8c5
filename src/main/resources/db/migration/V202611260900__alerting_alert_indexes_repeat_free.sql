-- A repeat of an open alert changes its count, last-seen time, summary and payload, and nothing
-- that an index holds, so PostgreSQL can write the new version beside the old one (a HOT update)
-- without touching any index. The list indexes held last_seen_at, which made every repeat an update
-- of four indexes. Lists now come newest alert first, by first_seen_at, which never changes.
drop index alert_service_idx;
drop index alert_status_idx;
create index alert_service_idx on alert (service_id, first_seen_at);
create index alert_status_idx on alert (status, first_seen_at);
