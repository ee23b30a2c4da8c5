package dev.firebreak.statuspage.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Planned work on components, public from the moment it is planned.
 *
 * @param verifyUntil when a maintenance still verifying completes by itself
 * @param remindedAt when subscribers were reminded; null until then
 */
record Maintenance(UUID id, String name, MaintenanceStatus status, Instant scheduledFor, Instant scheduledUntil,
		Instant verifyUntil, Instant remindedAt, Instant startedAt, Instant completedAt, UUID createdBy,
		Instant createdAt, Instant updatedAt, List<UUID> componentIds) {

	Maintenance with(MaintenanceStatus next, Instant at) {
		return new Maintenance(id, name, next, scheduledFor, scheduledUntil, verifyUntil, remindedAt,
				next == MaintenanceStatus.IN_PROGRESS && startedAt == null ? at : startedAt,
				next == MaintenanceStatus.COMPLETED ? at : completedAt, createdBy, createdAt, at, componentIds);
	}
}
