-- The runbook a page pointed to (null: none), so on-call health can count pages without one;
-- pages are read by time for on-call health.
alter table notification_page add column runbook_id uuid;
create index notification_page_accepted_at on notification_page (accepted_at);
