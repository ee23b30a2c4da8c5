package dev.firebreak.insights.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.firebreak.platform.Problems;

/** What a report covers: from (inclusive) to (exclusive). */
record ReportPeriod(Instant from, Instant to) {

	Duration length() {
		return Duration.between(from, to);
	}

	/** The period of the same length just before, for the trend. */
	ReportPeriod previous() {
		return new ReportPeriod(from.minus(length()), from);
	}

	static ReportPeriod last(Duration length, Clock clock) {
		var now = clock.instant();
		return new ReportPeriod(now.minus(length), now);
	}

	/**
	 * The period a request asks for: instants ({@code 2026-03-01T00:00:00Z}) or UTC dates
	 * ({@code 2026-03-01}, a {@code to} date counting whole); {@code to} defaults to now and
	 * {@code from} to the default period before it.
	 */
	static ReportPeriod of(String from, String to, Clock clock, InsightsSettings settings) {
		return of(from, to, clock, settings, settings.maxRange(), "firebreak.insights.max-range");
	}

	/** The period a request asks for, for a report capped at {@code maxRange} (the setting {@code setting}). */
	static ReportPeriod of(String from, String to, Clock clock, InsightsSettings settings, Duration maxRange,
			String setting) {
		var end = to == null || to.isBlank() ? clock.instant() : instant("/to", to, true);
		var start = from == null || from.isBlank() ? end.minus(settings.defaultPeriod()) : instant("/from", from, false);
		if (!start.isBefore(end)) {
			throw Problems.invalid("/from", "from must be before to (" + end + ")");
		}
		if (Duration.between(start, end).compareTo(maxRange) > 0) {
			throw Problems.invalid("/to", "a report covers at most " + maxRange.toDays() + " days (" + setting
					+ "); from " + start + " to " + end + " is longer: ask for a shorter period");
		}
		return new ReportPeriod(start, end);
	}

	private static Instant instant(String pointer, String text, boolean endOfDay) {
		var value = text.trim();
		try {
			if (value.length() == 10) {
				var day = LocalDate.parse(value);
				return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return Instant.parse(value);
		}
		catch (DateTimeException e) {
			throw Problems.invalid(pointer, pointer.substring(1) + " must be a UTC time like 2026-03-01T00:00:00Z or a date "
					+ "like 2026-03-01, not '" + text + "'");
		}
	}
}
