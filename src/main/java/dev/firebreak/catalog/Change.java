package dev.firebreak.catalog;

import java.time.Instant;
import java.util.UUID;

/** A deploy or configuration change of a service: the first suspect when something breaks after it. */
public record Change(UUID id, UUID serviceId, String summary, String source, Instant happenedAt) {
}
