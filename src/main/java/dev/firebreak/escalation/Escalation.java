package dev.firebreak.escalation;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.firebreak.notification.Urgency;

/**
 * One policy running for one incident, or for one high-urgency alert that opened no incident.
 *
 * @param incidentNumber the incident it pages about; null when it is about an alert
 * @param alertId the alert it pages about (its service routes the alert's severity to no incident); null for an incident
 * @param cycle 0 on the first pass through the levels, 1 on the first repeat, …
 * @param level the level paged last, from 0
 * @param nextAt when the next level is paged unless someone acknowledges; null when nothing is pending
 */
public record Escalation(UUID id, Long incidentNumber, UUID alertId, UUID policyId, String policyName, Urgency urgency, int cycle,
		int level, Status status, Instant startedAt, Instant nextAt, Instant updatedAt) {

	public enum Status {

		/** paging, or waiting for the next level's minute */
		ACTIVE,
		/** someone acknowledged */
		ACKNOWLEDGED,
		/** the incident (or the alert) was resolved */
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
