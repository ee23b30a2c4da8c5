package dev.firebreak.postmortem;

import java.time.Instant;
import java.util.UUID;

/**
 * An action item was marked done. {@code at} tells one completion from another when an item was
 * reopened and done again.
 */
public record ActionItemCompleted(UUID actionItemId, long incidentNumber, UUID ownerId, UUID completedBy, Instant at) {
}
