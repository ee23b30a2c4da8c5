package dev.firebreak.statuspage.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.firebreak.statuspage.ComponentStatus;

/**
 * A component's uptime over the last days, worked out from the time it spent in each status: each
 * day (midnight to midnight in the page's time zone) is coloured by the worst status it saw, and
 * uptime counts major outage as down and a share of partial outage (the policy's); degraded
 * performance and maintenance count as up. Days before the component existed have no data.
 */
final class Uptime {

	private Uptime() {
	}

	/**
	 * One day of the bar.
	 *
	 * @param worst the worst status of the day; null when there is no data for it
	 * @param time the time spent in each status that day
	 * @param uptime the share of the day up, from 0 to 1; NaN when there is no data
	 */
	record Day(LocalDate date, ComponentStatus worst, Map<ComponentStatus, Duration> time, double uptime) {

		boolean hasData() {
			return worst != null;
		}
	}

	/** @param uptime the share of the whole time up, from 0 to 1; NaN when there is no data */
	record Bar(List<Day> days, double uptime) {
	}

	/**
	 * @param since when the component's uptime starts counting
	 * @param spans its spans, oldest first
	 */
	static Bar of(List<StatusSpan> spans, Instant since, ZoneId zone, int days, Instant now, double partialCounts) {
		var today = LocalDate.ofInstant(now, zone);
		var result = new ArrayList<Day>(days);
		var up = 0.0;
		var total = 0.0;
		for (var date = today.minusDays(days - 1L); !date.isAfter(today); date = date.plusDays(1)) {
			var from = max(date.atStartOfDay(zone).toInstant(), since);
			var to = min(date.plusDays(1).atStartOfDay(zone).toInstant(), now);
			if (!to.isAfter(from)) {
				result.add(new Day(date, null, Map.of(), Double.NaN));
				continue;
			}
			var time = new EnumMap<ComponentStatus, Duration>(ComponentStatus.class);
			ComponentStatus worst = null;
			for (var span : spans) {
				var start = max(span.startedAt(), from);
				var end = min(span.endedAt() == null ? now : span.endedAt(), to);
				if (end.isAfter(start)) {
					time.merge(span.status(), Duration.between(start, end), Duration::plus);
					worst = worst == null ? span.status() : worst.worse(span.status());
				}
			}
			if (worst == null) {
				result.add(new Day(date, null, Map.of(), Double.NaN));
				continue;
			}
			var known = time.values().stream().mapToDouble(Duration::toMillis).sum();
			var down = millis(time, ComponentStatus.MAJOR_OUTAGE)
					+ partialCounts * millis(time, ComponentStatus.PARTIAL_OUTAGE);
			result.add(new Day(date, worst, Map.copyOf(time), known == 0 ? 1 : 1 - down / known));
			up += known - down;
			total += known;
		}
		return new Bar(List.copyOf(result), total == 0 ? Double.NaN : up / total);
	}

	/** "99.95%": two decimals, never rounded up to a perfect 100.00% that was not. */
	static String percent(double uptime) {
		if (Double.isNaN(uptime)) {
			return "no data";
		}
		var hundredths = Math.floor(uptime * 10_000);
		return String.format(java.util.Locale.ROOT, "%.2f%%", hundredths / 100);
	}

	private static double millis(Map<ComponentStatus, Duration> time, ComponentStatus status) {
		var spent = time.get(status);
		return spent == null ? 0 : spent.toMillis();
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}
}
