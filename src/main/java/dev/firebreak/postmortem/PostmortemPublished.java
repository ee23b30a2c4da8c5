package dev.firebreak.postmortem;

import java.time.Instant;
import java.util.UUID;

/** A post-mortem was published: its text and facts are final. */
public record PostmortemPublished(UUID postmortemId, long incidentNumber, Instant at) {
}
