package dev.firebreak.incident;

import java.time.Duration;
import java.time.Instant;

/**
 * The moments of a response. MTTA = acknowledged − detected, MTTM = mitigated − detected,
 * MTTR = resolved − detected. A skipped milestone stays null.
 */
public record Milestones(Instant detectedAt, Instant declaredAt, Instant acknowledgedAt, Instant mitigatedAt,
		Instant resolvedAt, Instant closedAt) {

	public Duration timeToAcknowledge() {
		return since(acknowledgedAt);
	}

	public Duration timeToMitigate() {
		return since(mitigatedAt);
	}

	public Duration timeToResolve() {
		return since(resolvedAt);
	}

	private Duration since(Instant milestone) {
		return milestone == null ? null : Duration.between(detectedAt, milestone);
	}
}
