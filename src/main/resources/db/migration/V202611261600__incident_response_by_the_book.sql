-- a SEV2 left unmitigated past the policy's time is run with SEV1 procedures from this moment
alter table incident add column sev1_procedures_at timestamp with time zone;
