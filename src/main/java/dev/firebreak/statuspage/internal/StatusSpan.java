package dev.firebreak.statuspage.internal;

import java.time.Instant;
import java.util.UUID;

import dev.firebreak.statuspage.ComponentStatus;

/** A stretch of time a component spent in one status; {@code endedAt} null while it lasts. */
record StatusSpan(UUID componentId, ComponentStatus status, Instant startedAt, Instant endedAt) {
}
