package dev.firebreak.notification;

import java.time.Instant;
import java.util.UUID;

/** A message was handed to its channel (or confirmed delivered by it). */
public record NotificationDelivered(UUID deliveryId, String key, Long incidentNumber, UUID accountId, ContactType contactType,
		Instant acceptedAt, Instant sentAt) {
}
