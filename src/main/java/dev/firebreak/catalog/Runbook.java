package dev.firebreak.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a responder reads when paged: a Markdown document with the six sections of a runbook
 * (symptom, impact, investigation, mitigation, escalation, context), linked to the services it is
 * about and to the alerts it answers.
 *
 * @param serviceIds the services it is about; empty for a runbook that any service's alert may match
 * @param matchers the alert fields that lead to it; empty for a service's general runbook
 * @param lastReviewedAt when someone last confirmed it still holds (writing it counts as the first review)
 * @param lastReviewedBy who did; null when the account is gone or the platform wrote it
 * @param stale its last review is older than {@code firebreak.catalog.runbook-stale-after}, when read
 */
public record Runbook(UUID id, String title, String markdown, List<UUID> serviceIds, List<RunbookMatcher> matchers,
		Instant lastReviewedAt, UUID lastReviewedBy, Instant createdAt, Instant updatedAt, boolean stale) {

	public Runbook {
		serviceIds = List.copyOf(serviceIds);
		matchers = List.copyOf(matchers);
	}
}
