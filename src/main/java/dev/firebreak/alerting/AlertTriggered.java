package dev.firebreak.alerting;

import java.time.Instant;
import java.util.UUID;

/** A new alert opened on a service. Repeats of an open alert do not publish this again. */
public record AlertTriggered(UUID alertId, UUID serviceId, AlertSeverity severity, String summary, Instant at) {
}
