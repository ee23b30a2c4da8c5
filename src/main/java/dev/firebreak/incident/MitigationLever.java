package dev.firebreak.incident;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The ways to stop user impact before the cause is understood, roughly from the most to the least preferred. */
public enum MitigationLever {

	ROLLBACK, FEATURE_FLAG_OFF, FAILOVER, SCALE_UP, THROTTLE, GRACEFUL_DEGRADATION, FAIL_CLOSED, READ_ONLY,
	/** The last resort: users are told to wait. */
	MAINTENANCE_MODE, OTHER;

	public String title() {
		var words = name().toLowerCase(Locale.ROOT).replace('_', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	@JsonValue
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
