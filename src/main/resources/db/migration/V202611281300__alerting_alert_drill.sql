-- A fire drill's alert: raised by a person practising the response, never by a monitoring tool.
-- It pages as a real alert would, and never joins a real incident.
alter table alert add column drill boolean default false not null;
