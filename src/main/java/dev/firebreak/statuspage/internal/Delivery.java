package dev.firebreak.statuspage.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One thing told to one subscriber, unique per subscriber and {@code topic}, tried until sent or
 * given up.
 *
 * @param topic what is told: {@code update:<id>}, {@code reminder:<maintenance>:<start>},
 *        {@code component:<id>:<at>:<status>} or {@code confirm:<nonce>}
 * @param subject the mail's subject; null for a webhook
 * @param payload the mail's text or the webhook's JSON body, as written when it was due; null for a
 *        confirmation, written when sent (its link is not kept)
 */
record Delivery(UUID id, UUID subscriberId, String topic, Kind kind, String subject,
		@JsonIgnore String payload, Status status, int attempts, String lastError, Instant createdAt,
		Instant lastAttemptAt, Instant sentAt) {

	static Delivery of(UUID subscriberId, String topic, Kind kind, String subject, String payload, Instant now) {
		return new Delivery(UUID.randomUUID(), subscriberId, topic, kind, subject, payload, Status.PENDING, 0, null, now,
				null, null);
	}

	enum Kind {

		/** A mail or webhook about a public update of an incident or a maintenance. */
		UPDATE,
		/** A mail before a maintenance starts. */
		REMINDER,
		/** A webhook about a component's status changed by a person's word, without an update. */
		COMPONENT,
		/** The mail asking an address's owner to confirm. */
		CONFIRMATION;

		@JsonValue
		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	enum Status {

		PENDING, SENT, FAILED, DROPPED;

		@JsonValue
		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}
	}
}
