package dev.firebreak.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An incident was declared. */
public record IncidentDeclared(long incidentNumber, Severity severity, IncidentSource source, List<UUID> serviceIds, boolean dataLossSuspected, boolean isPrivate, Instant declaredAt) implements IncidentEvents {
}
