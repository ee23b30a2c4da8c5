package dev.firebreak.oncall.internal;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.firebreak.platform.Problems;

/**
 * What the on-call pages' forms send, turned into the same inputs the API takes, so both are
 * checked by the same code. Lists arrive as repeated fields: one select per participant slot,
 * parallel fields per restriction row (blank slots and rows are left out).
 */
final class ScheduleForms {

	/** Empty slots a form offers for adding participants and restrictions. */
	static final int SPARE_PARTICIPANTS = 3;

	static final int SPARE_RESTRICTIONS = 2;

	private ScheduleForms() {
	}

	record ScheduleForm(String name, String description, String timeZone, String teamId) {

		static final ScheduleForm EMPTY = new ScheduleForm("", "", "UTC", "");

		static ScheduleForm of(dev.firebreak.oncall.Schedule schedule) {
			return new ScheduleForm(schedule.name(), schedule.description(), schedule.timeZone(),
					schedule.teamId() == null ? "" : schedule.teamId().toString());
		}

		ScheduleEditor.ScheduleInput input() {
			return new ScheduleEditor.ScheduleInput(name, blankToNull(description), timeZone,
					uuid("/team_id", teamId, "Team is not a team id; leave it empty or paste the team's id"));
		}
	}

	record LayerForm(String name, List<String> participants, String shiftCount, String shiftUnit, String start,
			String end, String position, List<String> restrictionType, List<String> restrictionStartDay,
			List<String> restrictionStartTime, List<String> restrictionEndDay, List<String> restrictionEndTime) {

		static LayerForm empty(LocalDateTime start) {
			return new LayerForm("", spare(List.of(), SPARE_PARTICIPANTS + 2), "1", "weeks", start.toString(), "", "",
					spare(List.of(), SPARE_RESTRICTIONS), spare(List.of(), SPARE_RESTRICTIONS),
					spare(List.of(), SPARE_RESTRICTIONS), spare(List.of(), SPARE_RESTRICTIONS),
					spare(List.of(), SPARE_RESTRICTIONS));
		}

		static LayerForm of(Layer layer) {
			var restrictions = layer.restrictions();
			return new LayerForm(layer.name(),
					spare(layer.participants().stream().map(UUID::toString).toList(), SPARE_PARTICIPANTS),
					Integer.toString(layer.shiftCount()), layer.shiftUnit().toString(), layer.start().toString(),
					layer.end() == null ? "" : layer.end().toString(), Integer.toString(layer.position()),
					spare(restrictions.stream().map(r -> r.type().toString()).toList(), SPARE_RESTRICTIONS),
					spare(restrictions.stream().map(r -> orEmpty(r.startDayName())).toList(), SPARE_RESTRICTIONS),
					spare(restrictions.stream().map(r -> r.startTime().toString()).toList(), SPARE_RESTRICTIONS),
					spare(restrictions.stream().map(r -> orEmpty(r.endDayName())).toList(), SPARE_RESTRICTIONS),
					spare(restrictions.stream().map(r -> r.endTime().toString()).toList(), SPARE_RESTRICTIONS));
		}

		/** The form again with empty slots to fill, after a refusal. */
		LayerForm withSpares() {
			return new LayerForm(name, spare(list(participants), SPARE_PARTICIPANTS), shiftCount, shiftUnit, start, end,
					position, list(restrictionType), list(restrictionStartDay), list(restrictionStartTime),
					list(restrictionEndDay), list(restrictionEndTime));
		}

		LayerInput input() {
			var people = new ArrayList<UUID>();
			for (var participant : list(participants)) {
				if (!participant.isBlank()) {
					people.add(uuid("/participants", participant, "Choose participants from the list"));
				}
			}
			var restrictions = new ArrayList<LayerInput.RestrictionInput>();
			var types = list(restrictionType);
			for (var i = 0; i < types.size(); i++) {
				if (types.get(i).isBlank()) {
					continue;
				}
				restrictions.add(new LayerInput.RestrictionInput(types.get(i), blankToNull(at(restrictionStartDay, i)),
						at(restrictionStartTime, i), blankToNull(at(restrictionEndDay, i)), at(restrictionEndTime, i)));
			}
			return new LayerInput(name, people, number("/shift_count", shiftCount, "Shift length must be a whole number"),
					shiftUnit, start, blankToNull(end), restrictions,
					number("/position", position, "Position must be a whole number"));
		}
	}

	/** Start and end are local date-times in the schedule's zone, as a datetime-local field sends them. */
	record OverrideForm(String accountId, String replacedAccountId, String start, String end) {

		static final OverrideForm EMPTY = new OverrideForm("", "", "", "");

		ScheduleEditor.OverrideInput input(ZoneId zone) {
			return new ScheduleEditor.OverrideInput(uuid("/account_id", accountId, "Choose who covers"),
					uuid("/replaced_account_id", replacedAccountId, "Choose whom they cover, or anyone"),
					local("/start", start, zone), local("/end", end, zone));
		}

		private static java.time.Instant local(String pointer, String text, ZoneId zone) {
			if (text == null || text.isBlank()) {
				return null;
			}
			try {
				return ScheduleResolver.instant(LocalDateTime.parse(text.trim()), zone);
			}
			catch (DateTimeParseException e) {
				throw Problems.invalid(pointer, "'" + text + "' is not a date and time like 2026-03-02T09:00");
			}
		}
	}

	private static List<String> spare(List<String> values, int spare) {
		var all = new ArrayList<>(values);
		for (var i = 0; i < spare; i++) {
			all.add("");
		}
		return all;
	}

	private static List<String> list(List<String> values) {
		return values == null ? List.of() : values;
	}

	private static String at(List<String> values, int index) {
		return values != null && index < values.size() ? values.get(index) : null;
	}

	private static String orEmpty(String text) {
		return text == null ? "" : text;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

	private static UUID uuid(String pointer, String text, String problem) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(text.trim());
		}
		catch (IllegalArgumentException e) {
			throw Problems.invalid(pointer, problem);
		}
	}

	private static Integer number(String pointer, String text, String problem) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.trim());
		}
		catch (NumberFormatException e) {
			throw Problems.invalid(pointer, problem);
		}
	}
}
