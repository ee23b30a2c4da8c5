package dev.firebreak.incident;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The explicit roles of a response. One person may hold several; each role has one holder, except experts. */
public enum IncidentRole {

	/** Owns the response and calls the decisions: coordination, not debugging. */
	INCIDENT_COMMANDER("Incident commander"),
	/** Keeps every audience informed on its cadence. */
	COMMUNICATIONS_LEAD("Communications lead"),
	/** Leads the technical work on the systems (also called technical lead). */
	OPERATIONS_LEAD("Operations lead"),
	/** Keeps the timeline. */
	SCRIBE("Scribe"),
	/** Brought in for what they know; any number of them. */
	SUBJECT_MATTER_EXPERT("Subject-matter expert");

	private final String title;

	IncidentRole(String title) {
		this.title = title;
	}

	public String title() {
		return title;
	}

	/** Whether the role has exactly one holder at a time. */
	public boolean isSingleHolder() {
		return this != SUBJECT_MATTER_EXPERT;
	}

	@JsonValue
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
