-- An alert that arrived while its service was in a maintenance window: recorded, opens nothing.
alter table alert add column during_maintenance boolean default false not null;
