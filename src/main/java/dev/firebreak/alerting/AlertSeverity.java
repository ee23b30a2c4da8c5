package dev.firebreak.alerting;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** The severities of the Events API v2, from the worst. Critical and error are high urgency. */
public enum AlertSeverity {

	CRITICAL, ERROR, WARNING, INFO;

	public boolean isHighUrgency() {
		return this == CRITICAL || this == ERROR;
	}

	/** The severity a client named, ignoring case; empty when it is none of the four. */
	public static Optional<AlertSeverity> named(String name) {
		for (var severity : values()) {
			if (severity.toString().equalsIgnoreCase(name)) {
				return Optional.of(severity);
			}
		}
		return Optional.empty();
	}

	@JsonValue
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
