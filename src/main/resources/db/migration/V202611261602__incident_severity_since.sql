-- since when the incident has had its severity: a SEV2's mitigation deadlines run from the moment it became one
alter table incident add column severity_at timestamp with time zone;
update incident set severity_at = declared_at where severity is not null;
