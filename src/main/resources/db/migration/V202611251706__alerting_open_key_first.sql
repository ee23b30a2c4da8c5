-- The open-alert index leads with the dedup key: a batch looks up its keys with
-- "open_key in (...) and integration_id in (...)", and H2 uses only an index's leading column
-- for that, which by integration meant reading every alert the integration ever had.
drop index alert_open_uq;
create unique index alert_open_uq on alert (open_key, integration_id);
