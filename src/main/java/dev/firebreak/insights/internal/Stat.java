package dev.firebreak.insights.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.Objects;

/**
 * Mean, median and 90th percentile of some durations (MTTA of the SEV1s). Empty durations give
 * nulls: "no incident reached that milestone" is not "zero seconds".
 *
 * @param count how many durations (incidents that reached the milestone)
 */
record Stat(int count, Duration mean, Duration median, Duration p90) {

	static final Stat NONE = new Stat(0, null, null, null);

	static Stat of(Collection<Duration> durations) {
		var millis = durations.stream().filter(Objects::nonNull).mapToLong(Duration::toMillis).sorted().toArray();
		if (millis.length == 0) {
			return NONE;
		}
		long sum = 0;
		for (var m : millis) {
			sum += m;
		}
		var n = millis.length;
		var median = n % 2 == 1 ? millis[n / 2] : (millis[n / 2 - 1] + millis[n / 2]) / 2;
		// nearest rank: the smallest value with at least 90 % of the values at or below it
		var p90 = millis[(int) Math.ceil(0.9 * n) - 1];
		return new Stat(n, Duration.ofMillis(Math.round((double) sum / n)), Duration.ofMillis(median), Duration.ofMillis(p90));
	}

	static Double seconds(Duration duration) {
		return duration == null ? null : duration.toMillis() / 1000.0;
	}
}
