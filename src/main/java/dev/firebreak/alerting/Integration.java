package dev.firebreak.alerting;

import java.time.Instant;
import java.util.UUID;

/**
 * A monitoring tool's way in to one service. Its routing key is the credential the tool sends;
 * it is held encrypted and never part of this record.
 *
 * @param ratePerSecond events per second its key may send, null for the installation's default
 */
public record Integration(UUID id, UUID serviceId, IntegrationType type, String name, Instant createdAt,
		Instant keyRotatedAt, Integer ratePerSecond) {
}
