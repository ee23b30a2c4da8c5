package dev.firebreak.catalog;

import java.time.Instant;
import java.util.UUID;

/** A deploy or configuration change of a service was reported. */
public record ChangeRecorded(UUID changeId, UUID serviceId, Instant happenedAt) {
}
