package dev.firebreak.oncall.internal;

import java.time.Instant;
import java.util.UUID;

/** What a person going off call wrote for the next one, on one schedule. */
record HandoffNote(UUID id, UUID scheduleId, UUID authorId, String text, Instant createdAt) {
}
