package dev.firebreak.incident;

import java.time.Instant;

/** The incident was closed: nothing about it changes any more. */
public record IncidentClosed(long incidentNumber, Instant at) implements IncidentEvents {
}
