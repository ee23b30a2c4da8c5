package dev.firebreak.notification.internal;

import java.time.Instant;
import java.util.UUID;

import dev.firebreak.notification.ContactType;

/**
 * One way to reach one person. Only verified methods are used for pages.
 *
 * @param secret a push webhook's signing secret, encrypted; null for the other types
 */
record ContactMethod(UUID id, UUID accountId, ContactType type, String address, String label, String secret,
		Instant verifiedAt, String codeHash, Instant codeExpiresAt, int codeAttempts, Instant createdAt) {

	public boolean verified() {
		return verifiedAt != null;
	}
}
