package dev.firebreak.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * A page that was asked for: one person asked to respond to one incident or alert, once per
 * escalation step, however many contact methods carried it.
 *
 * @param runbookId the runbook the page pointed to; null when its subject had none
 */
public record PageRecord(String key, UUID accountId, Urgency urgency, Subject subject, String reason, Instant at,
		UUID runbookId) {
}
