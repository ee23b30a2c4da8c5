package dev.firebreak.escalation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who is paged, in order, until someone acknowledges.
 *
 * @param repeat how many times the whole policy runs again after its last level (0: once)
 * @param serviceIds the services whose incidents it pages for
 */
public record EscalationPolicy(UUID id, String name, String description, int repeat, List<EscalationLevel> levels,
		List<UUID> serviceIds, Instant createdAt) {
}
