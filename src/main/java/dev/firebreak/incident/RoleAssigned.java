package dev.firebreak.incident;

import java.time.Instant;
import java.util.UUID;

/** A person took a role on an incident that nobody held. */
public record RoleAssigned(long incidentNumber, IncidentRole role, UUID accountId, Instant at) implements IncidentEvents {
}
