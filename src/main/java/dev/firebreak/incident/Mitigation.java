package dev.firebreak.incident;

import java.time.Instant;
import java.util.UUID;

/** Something done to stop user impact, and whether it did. */
public record Mitigation(UUID id, long incidentNumber, MitigationLever lever, String description, boolean mitigated,
		Instant recordedAt, UUID recordedBy) {
}
