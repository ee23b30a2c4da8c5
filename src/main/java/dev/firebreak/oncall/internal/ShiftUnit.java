package dev.firebreak.oncall.internal;

import java.time.temporal.ChronoUnit;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The unit of a rotation's shift length. Every unit steps in the schedule's local time. */
enum ShiftUnit {

	HOURS(ChronoUnit.HOURS), DAYS(ChronoUnit.DAYS), WEEKS(ChronoUnit.WEEKS);

	final ChronoUnit unit;

	ShiftUnit(ChronoUnit unit) {
		this.unit = unit;
	}

	static ShiftUnit parse(String text) {
		if (text == null) {
			return null;
		}
		for (var value : values()) {
			if (value.toString().equals(text.trim().toLowerCase(Locale.ROOT))) {
				return value;
			}
		}
		return null;
	}

	@JsonValue
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
