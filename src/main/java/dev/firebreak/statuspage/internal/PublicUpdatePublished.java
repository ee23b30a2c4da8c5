package dev.firebreak.statuspage.internal;

import java.util.UUID;

/**
 * A public update reached the page: of an incident, or of a maintenance (then {@code maintenance}).
 * Subscribers are told once per update.
 */
record PublicUpdatePublished(UUID subjectId, UUID updateId, boolean maintenance) {
}
