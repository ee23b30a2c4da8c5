package dev.firebreak.notification;

import java.time.Instant;
import java.util.UUID;

/** A message could not be delivered after its retries; the person's next rule takes over when there is one. */
public record NotificationFailed(UUID deliveryId, String key, Long incidentNumber, UUID accountId, ContactType contactType,
		String reason, Instant at) {
}
