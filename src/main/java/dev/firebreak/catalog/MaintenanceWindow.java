package dev.firebreak.catalog;

import java.time.Instant;
import java.util.UUID;

/** Planned work on a service, from {@code startsAt} until {@code endsAt}: its alerts page nobody meanwhile. */
public record MaintenanceWindow(UUID id, UUID serviceId, Instant startsAt, Instant endsAt, String reason,
		UUID createdBy, Instant createdAt) {

	public boolean isOpenAt(Instant instant) {
		return !instant.isBefore(startsAt) && instant.isBefore(endsAt);
	}
}
