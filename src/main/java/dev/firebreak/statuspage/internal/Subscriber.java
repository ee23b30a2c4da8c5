package dev.firebreak.statuspage.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Someone told of the page's changes: an e-mail address (confirmed by its owner) or a webhook
 * endpoint (added by an administrator, confirmed by that).
 *
 * @param everything whether it hears of every component; else only of {@code componentIds}
 * @param confirmedAt null while an e-mail address waits for its owner's confirmation
 * @param pending an open request to subscribe or to change the components; null when none
 */
record Subscriber(UUID id, Kind kind, String email, String endpointUrl, String description, boolean everything,
		List<UUID> componentIds, Instant confirmedAt, Pending pending, Instant createdAt, Instant updatedAt) {

	enum Kind {

		EMAIL, WEBHOOK;

		@JsonValue
		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/**
	 * A request waiting for the link in its mail to be followed.
	 *
	 * @param nonce what the link is signed over; a newer request replaces it, so older links stop working
	 * @param componentIds what was asked for; empty for everything
	 */
	record Pending(String nonce, Instant sentAt, Instant expiresAt, List<UUID> componentIds) {
	}

	boolean isConfirmed() {
		return confirmedAt != null;
	}
}
