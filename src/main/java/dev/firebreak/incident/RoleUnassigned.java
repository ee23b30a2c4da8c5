package dev.firebreak.incident;

import java.time.Instant;
import java.util.UUID;

/** A person left a role, which nobody holds now (for experts: one expert less). */
public record RoleUnassigned(long incidentNumber, IncidentRole role, UUID accountId, Instant at) implements IncidentEvents {
}
