package dev.firebreak.incident;

import java.time.Instant;

/** An incident's severity changed (from is null when it was unclassified). */
public record IncidentSeverityChanged(long incidentNumber, Severity from, Severity to, Instant at) implements IncidentEvents {
}
