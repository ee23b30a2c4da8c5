package dev.firebreak.statuspage.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One public update of an incident or a maintenance, with what it did to each component it names.
 *
 * @param subjectId the public incident or the maintenance it belongs to
 */
record PublicUpdate(UUID id, UUID subjectId, String status, String body, List<AffectedComponent> affected,
		Instant displayAt, Instant createdAt) {

	/** A component an update changed (or confirmed): {@code code} is the component's id. */
	record AffectedComponent(String code, String name, String oldStatus, String newStatus) {
	}
}
