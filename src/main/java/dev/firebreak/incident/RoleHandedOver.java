package dev.firebreak.incident;

import java.time.Instant;
import java.util.UUID;

/** A role passed from one person to another. */
public record RoleHandedOver(long incidentNumber, IncidentRole role, UUID fromAccountId, UUID toAccountId, Instant at) implements IncidentEvents {
}
