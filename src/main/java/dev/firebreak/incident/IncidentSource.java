package dev.firebreak.incident;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How we learned of the incident. A customer report means our detection missed it. */
public enum IncidentSource {

	ALERT, CUSTOMER_REPORT, INTERNAL, THIRD_PARTY;

	@JsonValue
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
