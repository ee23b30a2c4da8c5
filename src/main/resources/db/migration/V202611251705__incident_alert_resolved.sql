-- Whether each gathered alert is resolved, so "every alert of the incident is resolved" is one
-- lookup however many alerts a storm piled onto it. Links made before are filled in once.
alter table incident_alert add column resolved boolean default false not null;
update incident_alert set resolved = true where alert_id in (select id from alert where status = 'RESOLVED');
create index incident_alert_open_idx on incident_alert (incident_number, resolved);
