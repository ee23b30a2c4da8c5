package dev.firebreak.comms;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a public update says the incident stands, as status pages name it. */
public enum Phase {

	INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED;

	@JsonValue
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
