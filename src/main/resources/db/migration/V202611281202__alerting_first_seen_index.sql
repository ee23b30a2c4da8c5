-- Reports (insights' noise report) read every service's alerts by when they were first seen;
-- first_seen_at never changes, so repeats of an alert still update no index.
create index alert_first_seen_idx on alert (first_seen_at);
