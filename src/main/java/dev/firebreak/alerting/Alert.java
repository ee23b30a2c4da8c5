package dev.firebreak.alerting;

import java.time.Instant;
import java.util.UUID;

/**
 * Something a monitoring tool reported about a service. Repeats of the same dedup key while it
 * is open count as occurrences of this alert; after it is resolved the same key opens a new one.
 *
 * @param duringMaintenance it arrived while its service was in a maintenance window: recorded, and
 *        it opens no incident and pages nobody, even after the window closes
 * @param drill raised by a fire drill, not by a monitoring tool: it opens (or joins) only a drill incident
 */
public record Alert(UUID id, UUID integrationId, UUID serviceId, String dedupKey, AlertStatus status,
		AlertSeverity severity, String summary, String source, int occurrences, Instant firstSeenAt,
		Instant lastSeenAt, Instant acknowledgedAt, Instant resolvedAt, boolean duringMaintenance, boolean drill) {

	/** An alert a monitoring tool raised (not a drill). */
	public Alert(UUID id, UUID integrationId, UUID serviceId, String dedupKey, AlertStatus status, AlertSeverity severity,
			String summary, String source, int occurrences, Instant firstSeenAt, Instant lastSeenAt,
			Instant acknowledgedAt, Instant resolvedAt, boolean duringMaintenance) {
		this(id, integrationId, serviceId, dedupKey, status, severity, summary, source, occurrences, firstSeenAt,
				lastSeenAt, acknowledgedAt, resolvedAt, duringMaintenance, false);
	}
}
