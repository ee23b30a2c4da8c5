package dev.firebreak.escalation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A level of a policy was paged for an incident: these people were asked to acknowledge. */
public record EscalationLevelReached(long incidentNumber, UUID policyId, int cycle, int level, List<UUID> accountIds,
		Instant at) {
}
