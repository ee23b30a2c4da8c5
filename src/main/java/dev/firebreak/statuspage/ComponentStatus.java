package dev.firebreak.statuspage;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a component is doing, in the words status pages use, from best to worst; under maintenance
 * is planned work and counts as up.
 */
public enum ComponentStatus {

	OPERATIONAL("Operational"), UNDER_MAINTENANCE("Under maintenance"), DEGRADED_PERFORMANCE("Degraded performance"),
	PARTIAL_OUTAGE("Partial outage"), MAJOR_OUTAGE("Major outage");

	private final String words;

	ComponentStatus(String words) {
		this.words = words;
	}

	/** How the page says it. */
	public String words() {
		return words;
	}

	/** The worse of the two. */
	public ComponentStatus worse(ComponentStatus other) {
		return other != null && other.ordinal() > ordinal() ? other : this;
	}

	@JsonValue
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Parses {@code partial_outage}; null when it is none of them. */
	public static ComponentStatus parse(String text) {
		return Arrays.stream(values()).filter(s -> s.toString().equalsIgnoreCase(text == null ? "" : text.strip()))
			.findFirst().orElse(null);
	}
}
