package dev.firebreak.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * What was said when the incident was last resolved through the gate (a re-resolution replaces it).
 *
 * @param postmortemRequired whether a post-mortem is owed: the book required one, or it was asked for
 * @param postmortemReason why a post-mortem is required, or "asked for at resolution"; null when none is
 * @param postmortemOwner who owns the post-mortem; null when none is required
 * @param rootCause null when it was not given (then usually {@code rootCauseDeferred})
 */
public record Resolution(Instant resolvedAt, boolean postmortemRequired, String postmortemReason,
		UUID postmortemOwner, String rootCause, boolean rootCauseDeferred, String containment, String guardrails,
		String followUps) {
}
