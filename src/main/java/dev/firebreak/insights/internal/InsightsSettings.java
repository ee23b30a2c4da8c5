package dev.firebreak.insights.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The reports' settings ({@code firebreak.insights}); the on-call health thresholds are policy
 * ({@code firebreak.policy.on-call-health}).
 *
 * @param defaultPeriod a report without {@code from} covers this long up to now
 * @param maxRange the longest period one report reads (each report reads the whole period)
 * @param flapping when the same service and dedup key opening again and again is called flapping
 * @param noise how many rows each list of the noise report holds, and the longest period it reads
 *        (it reads every alert first seen in the period, so it is capped apart from the other reports)
 * @param metrics the Prometheus gauges: the period their response times cover, and how long an
 *        instance keeps the numbers before a scrape computes them again
 */
@ConfigurationProperties("firebreak.insights")
record InsightsSettings(Duration defaultPeriod, Duration maxRange, Flapping flapping, Noise noise, Metrics metrics) {

	InsightsSettings {
		positive("default-period", defaultPeriod);
		positive("max-range", maxRange);
		if (flapping == null || flapping.openedAtLeast() < 2) {
			throw new IllegalArgumentException("firebreak.insights.flapping.opened-at-least must be 2 or more");
		}
		positive("flapping.within", flapping.within());
		if (noise == null || noise.listed() < 1) {
			throw new IllegalArgumentException("firebreak.insights.noise.listed must be 1 or more");
		}
		positive("noise.max-range", noise.maxRange());
		positive("metrics.period", metrics == null ? null : metrics.period());
		positive("metrics.cache-for", metrics.cacheFor());
	}

	record Flapping(int openedAtLeast, Duration within) {
	}

	record Noise(int listed, Duration maxRange) {
	}

	record Metrics(Duration period, Duration cacheFor) {
	}

	private static void positive(String name, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(
					"firebreak.insights." + name + " must be a positive duration (e.g. P30D), not " + value);
		}
	}
}
