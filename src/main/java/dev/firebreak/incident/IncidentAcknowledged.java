package dev.firebreak.incident;

import java.time.Instant;

/** Someone took the incident on: it left triage or was acknowledged by the paged person. */
public record IncidentAcknowledged(long incidentNumber, Instant at) implements IncidentEvents {
}
