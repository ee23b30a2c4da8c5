package dev.firebreak.statuspage.internal;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where planned work stands; it moves on by itself at the planned times. */
enum MaintenanceStatus {

	SCHEDULED, IN_PROGRESS, VERIFYING, COMPLETED;

	/** Whether the work is going on: its components show as under maintenance. */
	boolean isActive() {
		return this == IN_PROGRESS || this == VERIFYING;
	}

	@JsonValue
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

	static MaintenanceStatus parse(String text) {
		for (var status : values()) {
			if (status.toString().equalsIgnoreCase(text == null ? "" : text.strip())) {
				return status;
			}
		}
		return null;
	}
}
