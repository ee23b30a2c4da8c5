package dev.firebreak.alerting;

import java.time.Instant;
import java.util.UUID;

/**
 * A new alert opened on a service. Repeats of an open alert do not publish this again.
 *
 * @param duringMaintenance the service is in a maintenance window: open nothing, page nobody
 * @param drill raised by a fire drill: it opens or joins only a drill incident, never a real one
 */
public record AlertTriggered(UUID alertId, UUID serviceId, AlertSeverity severity, String summary, Instant at,
		boolean duringMaintenance, boolean drill) {

	/** A monitoring tool's alert (not a drill). */
	public AlertTriggered(UUID alertId, UUID serviceId, AlertSeverity severity, String summary, Instant at,
			boolean duringMaintenance) {
		this(alertId, serviceId, severity, summary, at, duringMaintenance, false);
	}
}
