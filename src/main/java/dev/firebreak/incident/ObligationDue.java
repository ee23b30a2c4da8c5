package dev.firebreak.incident;

import java.time.Instant;
import java.util.UUID;

/** An obligation comes due within the policy's reminder time: its owner is reminded. */
public record ObligationDue(long incidentNumber, String key, ObligationKind kind, String title, Instant dueAt,
		UUID ownerId) {
}
