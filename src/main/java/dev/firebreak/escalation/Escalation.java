package dev.firebreak.escalation;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.firebreak.notification.Urgency;

/**
 * One policy running for one incident.
 *
 * @param cycle 0 on the first pass through the levels, 1 on the first repeat, …
 * @param level the level paged last, from 0
 * @param nextAt when the next level is paged unless someone acknowledges; null when nothing is pending
 */
public record Escalation(UUID id, long incidentNumber, UUID policyId, String policyName, Urgency urgency, int cycle,
		int level, Status status, Instant startedAt, Instant nextAt, Instant updatedAt) {

	public enum Status {

		/** paging, or waiting for the next level's minute */
		ACTIVE,
		/** someone acknowledged */
		ACKNOWLEDGED,
		/** the incident was resolved */
		RESOLVED,
		/** every level ran, every repeat too, and nobody acknowledged */
		EXHAUSTED;

		@JsonValue
		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}
	}
}
