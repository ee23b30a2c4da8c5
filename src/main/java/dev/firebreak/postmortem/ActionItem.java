package dev.firebreak.postmortem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One thing to do so an incident does not happen again, belonging to the incident (and so to its
 * post-mortem).
 *
 * @param incident the incident's id, {@code INC-42}
 * @param incidentNumber its number, 42 (not in JSON: incidents are addressed as {@code INC-42})
 * @param dueOn the day it is due; it is overdue from the next day, in UTC
 * @param definitionOfDone how anyone can check that it is done: measurable
 * @param overdue open and past its due day at the time it was read
 * @param evidence what showed it done; null while open
 * @param completedAt when it was marked done; null while open
 */
public record ActionItem(UUID id, String incident, @JsonIgnore long incidentNumber, String title, UUID ownerId, LocalDate dueOn,
		ActionItemPriority priority, String definitionOfDone, Status status, boolean overdue, String evidence,
		UUID completedBy, Instant completedAt, UUID createdBy, Instant createdAt, Instant updatedAt) {

	/** Where an action item stands. */
	public enum Status {

		OPEN, DONE;

		@JsonValue
		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	@JsonIgnore
	public boolean isOpen() {
		return status == Status.OPEN;
	}
}
