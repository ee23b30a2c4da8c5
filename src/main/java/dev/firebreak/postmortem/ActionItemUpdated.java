package dev.firebreak.postmortem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An open action item was edited: its title, owner, due day, priority or definition of done may have
 * changed. {@code eventId} tells one edit from another, even two in the same instant; {@code at} is
 * its new {@code updated_at}.
 */
public record ActionItemUpdated(UUID eventId, UUID actionItemId, long incidentNumber, UUID ownerId, LocalDate dueOn,
		ActionItemPriority priority, UUID updatedBy, Instant at) {
}
