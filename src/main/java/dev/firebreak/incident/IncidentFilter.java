package dev.firebreak.incident;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Which incidents to list; an empty set or null means any. {@code since} compares with the declaration time. */
public record IncidentFilter(Set<IncidentStatus> statuses, Set<Severity> severities, UUID serviceId, Instant since) {

	public IncidentFilter {
		statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
		severities = severities == null ? Set.of() : Set.copyOf(severities);
	}

	public static IncidentFilter all() {
		return new IncidentFilter(Set.of(), Set.of(), null, null);
	}
}
