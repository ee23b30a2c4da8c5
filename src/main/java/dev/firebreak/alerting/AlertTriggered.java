package dev.firebreak.alerting;

import java.time.Instant;
import java.util.UUID;

/**
 * A new alert opened on a service. Repeats of an open alert do not publish this again.
 *
 * @param duringMaintenance the service is in a maintenance window: open nothing, page nobody
 */
public record AlertTriggered(UUID alertId, UUID serviceId, AlertSeverity severity, String summary, Instant at,
		boolean duringMaintenance) {
}
