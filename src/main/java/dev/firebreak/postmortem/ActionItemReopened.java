package dev.firebreak.postmortem;

import java.time.Instant;
import java.util.UUID;

/**
 * An action item marked done was opened again, for {@code reason}. {@code eventId} tells one
 * reopening from another.
 */
public record ActionItemReopened(UUID eventId, UUID actionItemId, long incidentNumber, UUID ownerId, UUID reopenedBy, String reason,
		Instant at) {
}
