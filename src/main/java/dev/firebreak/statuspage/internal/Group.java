package dev.firebreak.statuspage.internal;

import java.time.Instant;
import java.util.UUID;

/** A user-facing service on the page, grouping its components. */
record Group(UUID id, String name, String description, int position, Instant createdAt, Instant updatedAt) {
}
