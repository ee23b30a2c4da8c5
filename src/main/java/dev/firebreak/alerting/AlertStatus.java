package dev.firebreak.alerting;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an alert stands: firing and unanswered, taken on by someone, or over. */
public enum AlertStatus {

	TRIGGERED, ACKNOWLEDGED, RESOLVED;

	@JsonValue
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
