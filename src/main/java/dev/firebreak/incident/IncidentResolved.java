package dev.firebreak.incident;

import java.time.Instant;

/** The incident was resolved. */
public record IncidentResolved(long incidentNumber, Instant at) implements IncidentEvents {
}
