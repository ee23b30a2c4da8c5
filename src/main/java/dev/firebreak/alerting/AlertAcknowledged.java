package dev.firebreak.alerting;

import java.time.Instant;
import java.util.UUID;

/** Someone, or the monitoring tool, took an open alert on. */
public record AlertAcknowledged(UUID alertId, UUID serviceId, Instant at) {
}
