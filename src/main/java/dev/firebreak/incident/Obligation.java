package dev.firebreak.incident;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One thing an incident owes, with its due time and owner.
 *
 * @param key unique on the incident, e.g. {@code role:scribe}, {@code update:public}
 * @param ownerRole the role that owes it; the commander (who holds every unfilled role) when it is not filled
 * @param ownerId who holds that role now; null when nobody does
 * @param metAt when it was met or waived; null while open
 * @param outcome how it was met, or why it was waived; null while open
 */
public record Obligation(String key, ObligationKind kind, String title, Instant dueAt, IncidentRole ownerRole,
		UUID ownerId, Instant metAt, String outcome, State state) {

	/** Where an obligation stands at an instant. */
	public enum State {

		/** Not yet due. */
		PENDING,
		/** Due within the policy's reminder time. */
		DUE_SOON,
		/** Past its due time and not met. */
		OVERDUE,
		MET,
		/** Set aside by the commander with a recorded reason. */
		WAIVED;

		@JsonValue
		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}

		public boolean isOpen() {
			return this == PENDING || this == DUE_SOON || this == OVERDUE;
		}
	}
}
