-- An escalation runs for an incident, or for a high-urgency alert that opened none (a service
-- routes its critical or error alerts to "none"): exactly one of the two. At most one per
-- (alert, policy), as at most one per (incident, policy).
alter table escalation alter column incident_number drop not null;
alter table escalation add column alert_id uuid;
alter table escalation add constraint escalation_subject_ck check ((incident_number is null) <> (alert_id is null));
create unique index escalation_alert_policy_uq on escalation (alert_id, policy_id);
