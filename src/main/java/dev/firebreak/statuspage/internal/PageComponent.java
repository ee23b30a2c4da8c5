package dev.firebreak.statuspage.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.firebreak.statuspage.ComponentStatus;

/**
 * A part of the product customers see, mapped to the catalog services it runs on.
 *
 * @param status what the page shows: the person's word when given, else the worst an incident or a
 *        maintenance in progress does to it
 * @param manualStatus a person's word, held until a person takes it back; null when none
 * @param startDate the first day its uptime counts
 */
record PageComponent(UUID id, UUID groupId, String name, String description, int position, ComponentStatus status,
		ComponentStatus manualStatus, boolean onlyShowIfDegraded, boolean showcase, LocalDate startDate,
		List<UUID> serviceIds, Instant createdAt, Instant updatedAt) {
}
