-- When an incident was flagged "unacknowledged after escalation": every level of a policy of its
-- services was paged, every repeat too, and nobody acknowledged. Cleared by the acknowledgement.
alter table incident add column unacknowledged_after_escalation_at timestamp with time zone;
