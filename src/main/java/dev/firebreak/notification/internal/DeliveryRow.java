package dev.firebreak.notification.internal;

import java.time.Instant;
import java.util.UUID;

import dev.firebreak.notification.ContactType;
import dev.firebreak.notification.Delivery;
import dev.firebreak.notification.DeliveryStatus;
import dev.firebreak.notification.Subject;

/**
 * One row of the delivery log, as stored.
 *
 * @param key the idempotency key: unique, so the same message is never queued twice
 * @param step the order of a page's rules by delay (0 first): a failure falls through to the next step
 * @param title a notice's or announcement's words; a page's are written from its subject when sent
 * @param note what the log should say besides the status ("no verified contact method: the account's e-mail")
 * @param messageId shared by the rows sent together in one bundled message
 */
record DeliveryRow(UUID id, String key, Kind kind, String pageKey, int step, Long incidentNumber, UUID alertId,
		UUID accountId, UUID channelId, UUID contactMethodId, ContactType contactType, String address, String title,
		String body, String link, String reason, String note, DeliveryStatus status, int attempts,
		String providerAnswer, UUID messageId, Instant dueAt, Instant createdAt, Instant sentAt, Instant cancelledAt) {

	/** What a row is for: a page's step, a test message, a notice to a person, an announcement to a channel. */
	enum Kind {
		PAGE, TEST, NOTICE, ANNOUNCEMENT
	}

	Subject subject() {
		if (incidentNumber != null) {
			return Subject.incident(incidentNumber);
		}
		return alertId != null ? Subject.alert(alertId) : null;
	}

	Delivery delivery() {
		return new Delivery(id, key, subject(), accountId, channelId, contactType, address, status, attempts,
				providerAnswer, createdAt, sentAt);
	}

	/** Goes to a person (by a contact type and address), rather than to a chat channel. */
	boolean toPerson() {
		return channelId == null;
	}
}
