package dev.firebreak.oncall.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A window in which a layer has someone on call; outside all of its windows it has nobody.
 * {@code time_of_day} repeats every day (an end at or before the start runs past midnight);
 * {@code day_of_week} runs once a week from a day and time to a day and time (Friday 17:00 to
 * Monday 09:00 runs over the weekend).
 *
 * @param startDay null for {@code time_of_day}
 * @param endDay null for {@code time_of_day}
 */
record Restriction(Kind type, DayOfWeek startDay, LocalTime startTime, DayOfWeek endDay, LocalTime endTime) {

	static Restriction daily(LocalTime start, LocalTime end) {
		return new Restriction(Kind.TIME_OF_DAY, null, start, null, end);
	}

	static Restriction weekly(DayOfWeek startDay, LocalTime start, DayOfWeek endDay, LocalTime end) {
		return new Restriction(Kind.DAY_OF_WEEK, startDay, start, endDay, end);
	}

	/** Lower-case day names, as the API writes them. */
	String startDayName() {
		return startDay == null ? null : startDay.name().toLowerCase(Locale.ROOT);
	}

	String endDayName() {
		return endDay == null ? null : endDay.name().toLowerCase(Locale.ROOT);
	}

	enum Kind {
		TIME_OF_DAY, DAY_OF_WEEK;

		static Kind parse(String text) {
			for (var kind : values()) {
				if (kind.toString().equals(text == null ? null : text.trim().toLowerCase(Locale.ROOT))) {
					return kind;
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
}
