package dev.firebreak.alerting;

import java.time.Instant;
import java.util.UUID;

/**
 * Something a monitoring tool reported about a service. Repeats of the same dedup key while it
 * is open count as occurrences of this alert; after it is resolved the same key opens a new one.
 */
public record Alert(UUID id, UUID integrationId, UUID serviceId, String dedupKey, AlertStatus status,
		AlertSeverity severity, String summary, String source, int occurrences, Instant firstSeenAt,
		Instant lastSeenAt, Instant acknowledgedAt, Instant resolvedAt) {
}
