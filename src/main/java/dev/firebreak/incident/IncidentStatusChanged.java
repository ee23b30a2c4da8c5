package dev.firebreak.incident;

import java.time.Instant;

/** An incident moved from one status to another. */
public record IncidentStatusChanged(long incidentNumber, IncidentStatus from, IncidentStatus to, Instant at) implements IncidentEvents {
}
