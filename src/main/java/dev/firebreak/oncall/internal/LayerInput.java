package dev.firebreak.oncall.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.firebreak.platform.Problems;
import dev.firebreak.platform.Text;

/**
 * A layer (rotation) as sent by the API or a form, checked into a {@link Layer}. Times are local
 * to the schedule's zone, so they are sent without an offset: {@code 2026-03-02T09:00}.
 *
 * @param shiftUnit hours, days or weeks
 * @param position where to put it, 1 being the bottom layer; null puts a new layer on top and
 *        keeps an existing one where it is
 */
record LayerInput(String name, List<UUID> participants, Integer shiftCount, String shiftUnit, String start,
		String end, List<RestrictionInput> restrictions, Integer position) {

	static final int MAX_PARTICIPANTS = 100;

	static final int MAX_RESTRICTIONS = 28;

	static final int MAX_SHIFT_COUNT = 1000;

	private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}");

	/**
	 * @param type time_of_day (every day) or day_of_week (from a day and time to a day and time)
	 * @param startDay monday..sunday, for day_of_week only
	 */
	record RestrictionInput(String type, String startDay, String startTime, String endDay, String endTime) {
	}

	Layer checked(UUID id, UUID scheduleId, int currentPosition, Instant createdAt) {
		var label = Text.required("/name", name, 100, "give the rotation a name, like Primary or Business hours");
		if (participants == null || participants.isEmpty()) {
			throw Problems.invalid("/participants", "participants is required: the account ids of the people who "
					+ "take turns, in order (a person may appear more than once)");
		}
		if (participants.size() > MAX_PARTICIPANTS) {
			throw Problems.invalid("/participants", "A rotation takes at most " + MAX_PARTICIPANTS + " participants");
		}
		for (var i = 0; i < participants.size(); i++) {
			if (participants.get(i) == null) {
				throw Problems.invalid("/participants/" + i, "participants must be account ids, not null");
			}
		}
		if (shiftCount == null) {
			throw Problems.invalid("/shift_count", "shift_count is required: how many hours, days or weeks one shift lasts");
		}
		if (shiftCount < 1 || shiftCount > MAX_SHIFT_COUNT) {
			throw Problems.invalid("/shift_count", "shift_count must be between 1 and " + MAX_SHIFT_COUNT + ", not "
					+ shiftCount);
		}
		var unit = ShiftUnit.parse(shiftUnit);
		if (unit == null) {
			throw Problems.invalid("/shift_unit", "shift_unit must be hours, days or weeks");
		}
		var begins = localDateTime("/start", start, true);
		var ends = localDateTime("/end", end, false);
		if (ends != null && !ends.isAfter(begins)) {
			throw Problems.invalid("/end", "end must be after start (" + begins + "), or left out for a rotation "
					+ "that does not stop");
		}
		if (position != null && position < 1) {
			throw Problems.invalid("/position", "position must be 1 (the bottom layer) or more");
		}
		var windows = new ArrayList<Restriction>();
		var sent = restrictions == null ? List.<RestrictionInput>of() : restrictions;
		if (sent.size() > MAX_RESTRICTIONS) {
			throw Problems.invalid("/restrictions", "A rotation takes at most " + MAX_RESTRICTIONS + " restrictions");
		}
		for (var i = 0; i < sent.size(); i++) {
			windows.add(restriction("/restrictions/" + i, sent.get(i)));
		}
		return new Layer(id, scheduleId, currentPosition, label, participants, shiftCount, unit, begins, ends, windows,
				createdAt);
	}

	private static Restriction restriction(String pointer, RestrictionInput input) {
		if (input == null) {
			throw Problems.invalid(pointer, "A restriction is an object with type, start_time and end_time");
		}
		var kind = Restriction.Kind.parse(input.type());
		if (kind == null) {
			throw Problems.invalid(pointer + "/type", "type must be time_of_day (every day, e.g. 09:00 to 17:00) or "
					+ "day_of_week (e.g. monday 09:00 to friday 17:00)");
		}
		var startTime = time(pointer + "/start_time", input.startTime());
		var endTime = time(pointer + "/end_time", input.endTime());
		if (kind == Restriction.Kind.TIME_OF_DAY) {
			if (input.startDay() != null || input.endDay() != null) {
				throw Problems.invalid(pointer + (input.startDay() != null ? "/start_day" : "/end_day"),
						"A time_of_day restriction repeats every day and takes no days; use day_of_week for days");
			}
			if (startTime.equals(endTime)) {
				throw Problems.invalid(pointer + "/end_time", "end_time must differ from start_time; "
						+ "leave the restriction out for all day");
			}
			return Restriction.daily(startTime, endTime);
		}
		var startDay = day(pointer + "/start_day", input.startDay());
		var endDay = day(pointer + "/end_day", input.endDay());
		if (startDay == endDay && startTime.equals(endTime)) {
			throw Problems.invalid(pointer + "/end_time", "A window from a time to the same time a week later is the "
					+ "whole week; leave the restriction out instead");
		}
		return Restriction.weekly(startDay, startTime, endDay, endTime);
	}

	private static LocalDateTime localDateTime(String pointer, String text, boolean required) {
		if (text == null || text.isBlank()) {
			if (required) {
				throw Problems.invalid(pointer, pointer.substring(1) + " is required: the first hand-off, a local date "
						+ "and time in the schedule's time zone like 2026-03-02T09:00");
			}
			return null;
		}
		try {
			return LocalDateTime.parse(text.trim());
		}
		catch (DateTimeParseException e) {
			throw Problems.invalid(pointer, "'" + text + "' is not a local date and time; send it in the schedule's "
					+ "time zone without an offset, like 2026-03-02T09:00");
		}
	}

	private static LocalTime time(String pointer, String text) {
		if (text == null || !TIME.matcher(text.trim()).matches()) {
			throw Problems.invalid(pointer, pointer.substring(pointer.lastIndexOf('/') + 1)
					+ " must be a time of day like 09:00 (24-hour, hours and minutes)");
		}
		try {
			return LocalTime.parse(text.trim());
		}
		catch (DateTimeParseException e) {
			throw Problems.invalid(pointer, "'" + text + "' is not a time of day; use 00:00 to 23:59");
		}
	}

	private static DayOfWeek day(String pointer, String text) {
		if (text != null) {
			for (var day : DayOfWeek.values()) {
				if (day.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
					return day;
				}
			}
		}
		throw Problems.invalid(pointer, pointer.substring(pointer.lastIndexOf('/') + 1)
				+ " must be a day of the week: monday, tuesday, wednesday, thursday, friday, saturday or sunday");
	}
}
