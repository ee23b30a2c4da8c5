-- Reports (insights) read incidents by when they were detected.
create index incident_detected_at_idx on incident (detected_at);
