-- A person's own working hours, in their account's time zone; without a row the policy's
-- business hours apply. days holds ISO day numbers (1 = Monday .. 7 = Sunday), comma-separated.
create table identity_working_hours (
    account_id  uuid not null primary key references identity_account (id),
    start_time  varchar(5) not null,
    end_time    varchar(5) not null,
    days        varchar(13) not null,
    updated_at  timestamp with time zone not null
);
