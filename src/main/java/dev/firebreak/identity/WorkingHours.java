package dev.firebreak.identity;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * When a person works, in their own time zone: from {@code start} to {@code end} on each of
 * {@code days}. An {@code end} not after {@code start} runs overnight into the next day (a night
 * shift 22:00–06:00 starting on the listed day); {@code end} 00:00 is midnight.
 *
 * @param own whether the person chose these hours; false when they are the policy's business hours
 */
public record WorkingHours(LocalTime start, LocalTime end, Set<DayOfWeek> days, boolean own) {

	public WorkingHours {
		days = Set.copyOf(days);
	}

	/** Whether {@code instant} falls in these hours for a person in {@code zone}. */
	public boolean contains(Instant instant, ZoneId zone) {
		var local = instant.atZone(zone);
		var time = local.toLocalTime();
		var day = local.getDayOfWeek();
		if (start.isBefore(end)) {
			return days.contains(day) && !time.isBefore(start) && time.isBefore(end);
		}
		return days.contains(day) && !time.isBefore(start) || days.contains(day.minus(1)) && time.isBefore(end);
	}
}
