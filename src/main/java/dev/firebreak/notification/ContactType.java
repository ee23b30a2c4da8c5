package dev.firebreak.notification;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a person can be reached. */
public enum ContactType {

	EMAIL, SMS, VOICE, SLACK_DM, WEBHOOK;

	@JsonValue
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
