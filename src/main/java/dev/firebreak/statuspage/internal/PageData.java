package dev.firebreak.statuspage.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the public page, its JSON and its feeds show, read in one go at one instant.
 *
 * @param revision the page's revision it was read at
 * @param url the page's public address
 * @param bars each component's uptime
 * @param incidents the most recent public incidents, newest first (unresolved ones included however old)
 * @param updates the updates of those incidents and maintenances, newest first, by their id
 */
record PageData(PageSettings settings, long revision, Instant now, String url, List<Group> groups,
		List<PageComponent> components, Map<UUID, Uptime.Bar> bars, List<PublicIncident> incidents,
		List<Maintenance> maintenances, Map<UUID, List<PublicUpdate>> updates,
		Map<UUID, List<UUID>> incidentComponents) {

	List<PublicIncident> unresolved() {
		return incidents.stream().filter(i -> !i.isResolved()).toList();
	}

	List<Maintenance> maintenances(MaintenanceStatus... statuses) {
		var wanted = List.of(statuses);
		return maintenances.stream().filter(m -> wanted.contains(m.status())).toList();
	}

	List<PublicUpdate> updatesOf(UUID subject) {
		return updates.getOrDefault(subject, List.of());
	}

	/** The time of the latest change the page shows. */
	Instant lastChange() {
		return settings.updatedAt();
	}
}
