package dev.firebreak.oncall.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.firebreak.oncall.Schedule;
import dev.firebreak.oncall.Shift;

/**
 * One week of a schedule as the page draws it: seven day columns, a row per layer (top layer
 * first, as it wins), the overrides, and the final schedule with its gaps. Blocks are placed by
 * local wall-clock time, so they line up with the day columns on days of 23 or 25 hours too.
 */
record ScheduleWeek(LocalDate monday, String zone, List<String> days, List<Row> rows, LocalDate previous,
		LocalDate next) {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

	static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

	private static final double WEEK_MINUTES = 7 * 24 * 60;

	/**
	 * @param kind layer, overrides or final: the page styles each
	 */
	record Row(String label, String kind, List<Block> blocks) {
	}

	/**
	 * @param style where the block sits, as CSS percentages of the week
	 * @param gap nobody is on call
	 */
	record Block(String who, String times, String style, boolean gap) {
	}

	/** The Monday of the week holding {@code day} (today when null). */
	static LocalDate mondayOf(LocalDate day) {
		return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	static ScheduleWeek of(Schedule schedule, LocalDate monday, List<Layer> layers, ScheduleResolver.Resolution week,
			OnCallService.Window finalWeek, List<ScheduleOverride> overrides, Map<UUID, String> names) {
		var zone = ZoneId.of(schedule.timeZone());
		var start = ScheduleResolver.instant(monday.atStartOfDay(), zone);
		var end = ScheduleResolver.instant(monday.plusWeeks(1).atStartOfDay(), zone);
		var days = new ArrayList<String>();
		for (var i = 0; i < 7; i++) {
			days.add(DAY.format(monday.plusDays(i)));
		}
		var rows = new ArrayList<Row>();
		layers.stream().sorted(Comparator.comparingInt(Layer::position).reversed()).forEach(layer -> {
			var blocks = week.layers().getOrDefault(layer.id(), List.of()).stream()
				.map(piece -> block(names, piece.accountId(), piece.start(), piece.end(), monday, zone, start, end))
				.toList();
			rows.add(new Row(layer.name(), "layer", blocks));
		});
		rows.add(new Row("Overrides", "overrides", overrides.stream()
			.filter(o -> o.end().isAfter(start) && o.start().isBefore(end))
			.map(o -> {
				var block = block(names, o.accountId(), o.start(), o.end(), monday, zone, start, end);
				var covers = o.replacedAccountId() == null ? "" : " for " + names.getOrDefault(o.replacedAccountId(), "someone");
				return new Block(block.who() + covers, block.times(), block.style(), false);
			})
			.toList()));
		var finals = new ArrayList<Block>();
		for (Shift shift : finalWeek.shifts()) {
			finals.add(block(names, shift.accountId(), shift.start(), shift.end(), monday, zone, start, end));
		}
		for (var gap : finalWeek.gaps()) {
			var placed = block(names, null, gap.start(), gap.end(), monday, zone, start, end);
			finals.add(new Block("Nobody on call", placed.times(), placed.style(), true));
		}
		rows.add(new Row("Final schedule", "final", finals));
		return new ScheduleWeek(monday, zone.getId(), days, rows, monday.minusWeeks(1), monday.plusWeeks(1));
	}

	private static Block block(Map<UUID, String> names, UUID who, Instant from, Instant to, LocalDate monday, ZoneId zone,
			Instant weekStart, Instant weekEnd) {
		var left = position(ScheduleResolver.max(from, weekStart), monday, zone);
		var right = position(ScheduleResolver.min(to, weekEnd), monday, zone);
		var width = Math.max(right - left, 0.4);
		var style = String.format(Locale.ROOT, "left: %.3f%%; width: %.3f%%", left, width);
		var times = WHEN.format(from.atZone(zone)) + " – " + WHEN.format(to.atZone(zone));
		return new Block(who == null ? null : names.getOrDefault(who, "a removed account"), times, style, false);
	}

	/** Where an instant falls in the week, in percent, by local wall-clock time. */
	private static double position(Instant instant, LocalDate monday, ZoneId zone) {
		var minutes = ChronoUnit.MINUTES.between(monday.atStartOfDay(), LocalDateTime.ofInstant(instant, zone));
		return Math.max(0, Math.min(100, minutes * 100 / WEEK_MINUTES));
	}
}
