package dev.firebreak.oncall.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Works out who is on call, from a schedule's layers and overrides, for a range of time. Pure:
 * no clock, no database, so every rule can be tested on its own.
 *
 * <p>The rules, in order:
 * <ol>
 * <li>A layer's rotation hands off every {@code shiftCount × shiftUnit} from its start, counted in
 * the schedule's <em>local</em> time, for every unit: a daily or weekly rotation that hands off at
 * 09:00 does so at 09:00 local time on both sides of a daylight saving change, and so does a
 * 12-hour rotation at 09:00 and 21:00 (the shift that contains the change is an hour shorter or
 * longer). A hand-off at a local time that does not exist (skipped when clocks spring forward)
 * happens at the moment of the change; at a local time that happens twice (fall back), the first.
 * A shift whose local hours do not exist at all (a 1-hour shift in the skipped hour) is dropped.</li>
 * <li>Restrictions cut a layer's shifts: outside all its windows the layer has nobody, and the
 * rotation keeps counting underneath.</li>
 * <li>Layers are stacked: at each instant the highest-positioned layer that has someone wins.</li>
 * <li>Overrides are applied over that, oldest first (those made at the same instant in the order
 * given), so a newer override wins where two meet (and
 * an override can cover the person of an earlier one). One without a replaced person puts the
 * covering person on call for its whole range; one with a replaced person only where that person
 * is on call.</li>
 * <li>Adjacent stretches of the same person are merged into one shift; stretches with nobody are
 * gaps.</li>
 * </ol>
 */
final class ScheduleResolver {

	/** The label of a stretch someone covers by an override. */
	static final String OVERRIDE = "override";

	private ScheduleResolver() {
	}

	/** A stretch of time {@code [start, end)}. */
	record Interval(Instant start, Instant end) {
	}

	/** A stretch one person is on call, from a layer (its name) or an override. */
	record Piece(UUID accountId, Instant start, Instant end, String layer) {

		boolean contains(Instant instant) {
			return !start.isAfter(instant) && end.isAfter(instant);
		}
	}

	/**
	 * @param shifts the final schedule, merged, within the range
	 * @param gaps where nobody is on call, within the range
	 * @param layers each layer's own shifts after its restrictions (before stacking), by layer id
	 */
	record Resolution(List<Piece> shifts, List<Interval> gaps, Map<UUID, List<Piece>> layers) {

		List<UUID> onCallAt(Instant instant) {
			return shifts.stream().filter(piece -> piece.contains(instant)).map(Piece::accountId).toList();
		}
	}

	/** The final schedule in {@code [from, to)}. */
	static Resolution resolve(ZoneId zone, List<Layer> layers, List<ScheduleOverride> overrides, Instant from,
			Instant to) {
		if (!to.isAfter(from)) {
			return new Resolution(List.of(), List.of(), Map.of());
		}
		var byLayer = new LinkedHashMap<UUID, List<Piece>>();
		var top = layers.stream().sorted(Comparator.comparingInt(Layer::position).reversed()).toList();
		var boundaries = new TreeSet<Instant>();
		boundaries.add(from);
		boundaries.add(to);
		for (var layer : top) {
			var pieces = layerShifts(layer, zone, from, to);
			byLayer.put(layer.id(), pieces);
			pieces.forEach(piece -> {
				boundaries.add(piece.start());
				boundaries.add(piece.end());
			});
		}
		var applicable = overrides.stream()
			.filter(o -> o.end().isAfter(from) && o.start().isBefore(to) && o.end().isAfter(o.start()))
			.sorted(Comparator.comparing(ScheduleOverride::createdAt))
			.toList();
		applicable.forEach(o -> {
			boundaries.add(max(o.start(), from));
			boundaries.add(min(o.end(), to));
		});

		var pointers = new int[top.size()];
		var segments = new ArrayList<Piece>();
		Instant previous = null;
		for (var boundary : boundaries) {
			if (previous != null) {
				segments.add(segment(previous, boundary, top, byLayer, pointers, applicable));
			}
			previous = boundary;
		}
		return new Resolution(merge(segments), gaps(segments), byLayer);
	}

	/** Who is on call in one elementary segment, in which no layer or override changes. */
	private static Piece segment(Instant start, Instant end, List<Layer> top, Map<UUID, List<Piece>> byLayer,
			int[] pointers, List<ScheduleOverride> overrides) {
		UUID who = null;
		String label = null;
		for (var i = 0; i < top.size() && who == null; i++) {
			var pieces = byLayer.get(top.get(i).id());
			while (pointers[i] < pieces.size() && !pieces.get(pointers[i]).end().isAfter(start)) {
				pointers[i]++;
			}
			if (pointers[i] < pieces.size() && pieces.get(pointers[i]).contains(start)) {
				who = pieces.get(pointers[i]).accountId();
				label = pieces.get(pointers[i]).layer();
			}
		}
		for (var override : overrides) {
			var covers = !override.start().isAfter(start) && override.end().isAfter(start);
			if (covers && (override.replacedAccountId() == null || override.replacedAccountId().equals(who))) {
				who = override.accountId();
				label = OVERRIDE;
			}
		}
		return new Piece(who, start, end, label);
	}

	private static List<Piece> merge(List<Piece> segments) {
		var merged = new ArrayList<Piece>();
		Piece open = null;
		var labels = new LinkedHashSet<String>();
		for (var segment : segments) {
			if (open != null && Objects.equals(open.accountId(), segment.accountId()) && open.end().equals(segment.start())) {
				labels.add(segment.layer());
				open = new Piece(open.accountId(), open.start(), segment.end(), null);
				continue;
			}
			if (open != null) {
				merged.add(new Piece(open.accountId(), open.start(), open.end(), String.join(", ", labels)));
			}
			labels.clear();
			open = null;
			if (segment.accountId() != null) {
				open = segment;
				labels.add(segment.layer());
			}
		}
		if (open != null) {
			merged.add(new Piece(open.accountId(), open.start(), open.end(), String.join(", ", labels)));
		}
		return merged;
	}

	private static List<Interval> gaps(List<Piece> segments) {
		var gaps = new ArrayList<Interval>();
		for (var segment : segments) {
			if (segment.accountId() != null) {
				continue;
			}
			var last = gaps.isEmpty() ? null : gaps.get(gaps.size() - 1);
			if (last != null && last.end().equals(segment.start())) {
				gaps.set(gaps.size() - 1, new Interval(last.start(), segment.end()));
			}
			else {
				gaps.add(new Interval(segment.start(), segment.end()));
			}
		}
		return gaps;
	}

	/** One layer's shifts in {@code [from, to)}: its rotation cut by its restrictions. */
	static List<Piece> layerShifts(Layer layer, ZoneId zone, Instant from, Instant to) {
		var rotation = rotation(layer, zone, from, to);
		if (layer.restrictions().isEmpty()) {
			return rotation;
		}
		var windows = windows(layer.restrictions(), zone, from, to);
		var cut = new ArrayList<Piece>();
		var w = 0;
		for (var piece : rotation) {
			while (w < windows.size() && !windows.get(w).end().isAfter(piece.start())) {
				w++;
			}
			for (var i = w; i < windows.size() && windows.get(i).start().isBefore(piece.end()); i++) {
				var start = max(piece.start(), windows.get(i).start());
				var end = min(piece.end(), windows.get(i).end());
				if (end.isAfter(start)) {
					cut.add(new Piece(piece.accountId(), start, end, piece.layer()));
				}
			}
		}
		return cut;
	}

	/** A layer's rotation in {@code [from, to)}, before restrictions, each shift cut to the range. */
	static List<Piece> rotation(Layer layer, ZoneId zone, Instant from, Instant to) {
		var pieces = new ArrayList<Piece>();
		var participants = layer.participants();
		if (participants.isEmpty() || layer.shiftCount() < 1) {
			return pieces;
		}
		var unit = layer.shiftUnit().unit;
		long length = layer.shiftCount();
		var fromLocal = LocalDateTime.ofInstant(from, zone);
		// jump close to the range (a rotation may have started years ago); one shift early, since
		// local and absolute time differ by up to a daylight saving offset
		var shift = fromLocal.isAfter(layer.start()) ? Math.max(0, unit.between(layer.start(), fromLocal) / length - 1) : 0;
		while (true) {
			var localStart = layer.start().plus(shift * length, unit);
			if (layer.end() != null && !localStart.isBefore(layer.end())) {
				break;
			}
			var localEnd = layer.start().plus((shift + 1) * length, unit);
			if (layer.end() != null && localEnd.isAfter(layer.end())) {
				localEnd = layer.end();
			}
			var start = instant(localStart, zone);
			if (!start.isBefore(to)) {
				break;
			}
			var end = instant(localEnd, zone);
			if (end.isAfter(from) && end.isAfter(start)) {
				var who = participants.get((int) (shift % participants.size()));
				pieces.add(new Piece(who, max(start, from), min(end, to), layer.name()));
			}
			shift++;
		}
		return pieces;
	}

	/** The union of a layer's restriction windows that overlap {@code [from, to)}, cut to it, in order. */
	static List<Interval> windows(List<Restriction> restrictions, ZoneId zone, Instant from, Instant to) {
		var first = LocalDate.ofInstant(from, zone).minusDays(1);
		var last = LocalDate.ofInstant(to, zone);
		var all = new ArrayList<Interval>();
		for (var restriction : restrictions) {
			if (restriction.type() == Restriction.Kind.TIME_OF_DAY) {
				for (var day = first; !day.isAfter(last); day = day.plusDays(1)) {
					var start = day.atTime(restriction.startTime());
					var end = day.atTime(restriction.endTime());
					add(all, start, end.isAfter(start) ? end : end.plusDays(1), zone, from, to);
				}
			}
			else {
				var monday = first.minusDays(6).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
				for (; !monday.isAfter(last); monday = monday.plusWeeks(1)) {
					var start = monday.plusDays(restriction.startDay().ordinal()).atTime(restriction.startTime());
					var end = monday.plusDays(restriction.endDay().ordinal()).atTime(restriction.endTime());
					add(all, start, end.isAfter(start) ? end : end.plusWeeks(1), zone, from, to);
				}
			}
		}
		all.sort(Comparator.comparing(Interval::start));
		var union = new ArrayList<Interval>();
		for (var window : all) {
			var previous = union.isEmpty() ? null : union.get(union.size() - 1);
			if (previous != null && !window.start().isAfter(previous.end())) {
				union.set(union.size() - 1, new Interval(previous.start(), max(previous.end(), window.end())));
			}
			else {
				union.add(window);
			}
		}
		return union;
	}

	private static void add(List<Interval> windows, LocalDateTime localStart, LocalDateTime localEnd, ZoneId zone,
			Instant from, Instant to) {
		var start = max(instant(localStart, zone), from);
		var end = min(instant(localEnd, zone), to);
		if (end.isAfter(start)) {
			windows.add(new Interval(start, end));
		}
	}

	/**
	 * A local time in the zone as an instant. In a spring-forward gap, the moment of the change
	 * (so hand-offs never run backwards); in a fall-back overlap, the earlier of the two.
	 */
	static Instant instant(LocalDateTime local, ZoneId zone) {
		var rules = zone.getRules();
		if (rules.getValidOffsets(local).isEmpty()) {
			return rules.getTransition(local).getInstant();
		}
		return ZonedDateTime.ofLocal(local, zone, null).withEarlierOffsetAtOverlap().toInstant();
	}

	static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}
}
