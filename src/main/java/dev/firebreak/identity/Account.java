package dev.firebreak.identity;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A person who uses Firebreak. Serializable because a signed-in person is kept in the browser session. */
public record Account(UUID id, String email, String displayName, String timeZone, Role role, Instant createdAt)
		implements Serializable {
}
