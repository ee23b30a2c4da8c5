package dev.firebreak.statuspage.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * An incident as the public sees it: built only from its public updates, never from its internal record.
 *
 * @param status investigating, identified, monitoring or resolved
 * @param impact none, minor, major or critical, from the incident's severity
 */
record PublicIncident(UUID id, long incidentNumber, String name, String status, String impact, Instant startedAt,
		Instant createdAt, Instant updatedAt, Instant monitoringAt, Instant resolvedAt) {

	boolean isResolved() {
		return "resolved".equals(status);
	}
}
