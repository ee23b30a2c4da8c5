package dev.firebreak.incident;

import java.time.Instant;

/** User impact stopped: a mitigation worked, or the incident entered monitoring. */
public record IncidentMitigated(long incidentNumber, Instant at) implements IncidentEvents {
}
