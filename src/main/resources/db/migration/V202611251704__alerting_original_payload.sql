-- The payload of the event that opened the alert, kept as it was; payload holds the latest one.
alter table alert add column original_payload text;
