package dev.firebreak.comms;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who a status update is for; each audience has its own channel and cadence. */
public enum Audience {

	/** The responders, on the incident's timeline. */
	INTERNAL,
	/** People inside the company who need the business impact: mailed as a digest to each service's list. */
	STAKEHOLDERS,
	/** Customers, on the status page: checked against the writing rules, never for a private incident. */
	PUBLIC;

	@JsonValue
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
