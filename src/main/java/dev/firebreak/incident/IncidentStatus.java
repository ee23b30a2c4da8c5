package dev.firebreak.incident;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where the response stands. Moving forward may skip steps; monitoring and resolved may go back
 * to investigating (a re-open keeps the history); closed is final.
 */
public enum IncidentStatus {

	TRIAGE, INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED, CLOSED;

	/** The statuses this one may move to. */
	public Set<IncidentStatus> next() {
		return switch (this) {
			case TRIAGE -> EnumSet.of(INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED);
			case INVESTIGATING -> EnumSet.of(IDENTIFIED, MONITORING, RESOLVED);
			case IDENTIFIED -> EnumSet.of(INVESTIGATING, MONITORING, RESOLVED);
			case MONITORING -> EnumSet.of(INVESTIGATING, IDENTIFIED, RESOLVED);
			case RESOLVED -> EnumSet.of(INVESTIGATING, CLOSED);
			case CLOSED -> EnumSet.noneOf(IncidentStatus.class);
		};
	}

	public boolean mayMoveTo(IncidentStatus target) {
		return next().contains(target);
	}

	/** Still being worked on: users may still be hurt. */
	public boolean isActive() {
		return this != RESOLVED && this != CLOSED;
	}

	public static List<IncidentStatus> active() {
		return List.of(TRIAGE, INVESTIGATING, IDENTIFIED, MONITORING);
	}

	@JsonValue
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
