package dev.firebreak.postmortem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An action item was added to an incident; its owner has it to do by {@code dueOn}. */
public record ActionItemCreated(UUID actionItemId, long incidentNumber, UUID ownerId, LocalDate dueOn,
		ActionItemPriority priority, Instant at) {
}
