package dev.firebreak.notification;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** High urgency pages and escalates; low urgency notifies and does not wake anyone twice. */
public enum Urgency {

	HIGH, LOW;

	@JsonValue
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
