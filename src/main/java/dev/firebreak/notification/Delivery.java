package dev.firebreak.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * One message to one contact method (or channel) and how it went.
 *
 * @param subject null for a notice to a person or an announcement to a channel, which are about no page
 * @param providerAnswer what the provider said (a Twilio message sid, an SMTP reply, an error); null before sending
 */
public record Delivery(UUID id, String key, Subject subject, UUID accountId, UUID channelId, ContactType contactType,
		String address, DeliveryStatus status, int attempts, String providerAnswer, Instant createdAt, Instant sentAt) {
}
