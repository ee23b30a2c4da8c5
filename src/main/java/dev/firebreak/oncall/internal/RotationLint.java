package dev.firebreak.oncall.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Findings about a schedule that wear people out, in plain words. Pure, like the resolver.
 *
 * <p>"On call in a week": a week runs from Monday 00:00 to the next Monday 00:00 in the
 * schedule's time zone; a person is on call in it when they hold at least {@code weekShare} (by
 * default half) of the time someone is on call in it in the final schedule (gaps do not count).
 * So a weekly rotation handing off on Monday at 09:00 puts each person on call in one week (the
 * nine hours of the next Monday are not half of it), a daily rotation of five puts nobody on call
 * in a week, and the same person twice in a row in a weekly rotation is found.
 */
final class RotationLint {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);

	private RotationLint() {
	}

	enum Kind {
		CONSECUTIVE_WEEKS, SMALL_ROTATION;

		@JsonValue
		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/**
	 * @param layerId the rotation it is about, if one
	 * @param accountId the person it is about, if one
	 * @param from the start of the first week it is about, if any
	 * @param to the end of the last week it is about, if any
	 */
	record Finding(Kind kind, String message, UUID layerId, UUID accountId, Instant from, Instant to) {
	}

	/**
	 * @param firstMonday the Monday the look-ahead starts on
	 * @param weeks how many weeks to look at
	 * @param names a person's name by account id
	 */
	static List<Finding> lint(ZoneId zone, List<Layer> layers, List<ScheduleResolver.Piece> finalShifts,
			LocalDate firstMonday, int weeks, double weekShare, int minParticipants, Function<UUID, String> names) {
		var findings = new ArrayList<Finding>();
		for (var layer : layers) {
			var people = new HashSet<>(layer.participants()).size();
			if (people < minParticipants) {
				findings.add(new Finding(Kind.SMALL_ROTATION, "The rotation " + layer.name() + " has " + people
						+ (people == 1 ? " person" : " people") + "; a rotation of fewer than " + minParticipants
						+ " puts each of them on call too often to rest. Add people to it.", layer.id(), null, null, null));
			}
		}
		var holders = new ArrayList<UUID>();
		var starts = new ArrayList<Instant>();
		for (var week = 0; week <= weeks; week++) {
			starts.add(ScheduleResolver.instant(firstMonday.plusWeeks(week).atStartOfDay(), zone));
		}
		for (var week = 0; week < weeks; week++) {
			holders.add(holder(finalShifts, starts.get(week), starts.get(week + 1), weekShare));
		}
		var week = 0;
		while (week < weeks) {
			var who = holders.get(week);
			var run = week;
			while (who != null && run + 1 < weeks && who.equals(holders.get(run + 1))) {
				run++;
			}
			if (who != null && run > week) {
				var count = run - week + 1;
				var mondays = new ArrayList<String>();
				for (var w = week; w <= run; w++) {
					mondays.add(DAY.format(firstMonday.plusWeeks(w)));
				}
				findings.add(new Finding(Kind.CONSECUTIVE_WEEKS, names.apply(who) + " is on call " + count
						+ " weeks in a row, the weeks starting " + joined(mondays)
						+ ". A second week running wears a person out: swap a week with someone or add people.",
						null, who, starts.get(week), starts.get(run + 1)));
			}
			week = run + 1;
		}
		return findings;
	}

	/** The person on call in the week {@code [start, end)}, if any: see the class comment. */
	private static UUID holder(List<ScheduleResolver.Piece> shifts, Instant start, Instant end, double share) {
		var held = new HashMap<UUID, Duration>();
		var covered = Duration.ZERO;
		for (var shift : shifts) {
			var from = ScheduleResolver.max(shift.start(), start);
			var to = ScheduleResolver.min(shift.end(), end);
			if (to.isAfter(from)) {
				var length = Duration.between(from, to);
				held.merge(shift.accountId(), length, Duration::plus);
				covered = covered.plus(length);
			}
		}
		if (covered.isZero()) {
			return null;
		}
		var needed = covered.toSeconds() * share;
		return held.entrySet().stream().filter(e -> e.getValue().toSeconds() >= needed)
			.max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
	}

	private static String joined(List<String> items) {
		if (items.size() == 1) {
			return items.get(0);
		}
		return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
	}
}
