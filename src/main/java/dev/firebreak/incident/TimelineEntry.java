package dev.firebreak.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the incident's record. Never edited or deleted: a correction is a new entry that
 * names the entry it corrects.
 *
 * @param authorId null for entries the platform wrote by itself
 */
public record TimelineEntry(UUID id, long incidentNumber, Instant at, UUID authorId, TimelineKind kind, String text,
		UUID corrects) {
}
