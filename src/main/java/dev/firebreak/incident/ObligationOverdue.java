package dev.firebreak.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * An obligation was missed.
 *
 * @param ownerId who owed it; null when nobody held its role
 * @param commanderId the incident commander when the rule escalates a missed one to them; else null
 */
public record ObligationOverdue(long incidentNumber, String key, ObligationKind kind, String title, Instant dueAt,
		UUID ownerId, UUID commanderId) {
}
