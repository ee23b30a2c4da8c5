package dev.firebreak.identity;

import java.time.Instant;
import java.util.UUID;

/** A person who uses Firebreak. */
public record Account(UUID id, String email, String displayName, String timeZone, Role role, Instant createdAt) {
}
