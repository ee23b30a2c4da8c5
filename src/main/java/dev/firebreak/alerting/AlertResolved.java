package dev.firebreak.alerting;

import java.time.Instant;
import java.util.UUID;

/** An alert is over. */
public record AlertResolved(UUID alertId, UUID serviceId, Instant at) {
}
