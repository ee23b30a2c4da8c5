package dev.firebreak.insights.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.firebreak.platform.FirebreakPolicy.DurationThreshold;
import dev.firebreak.platform.FirebreakPolicy.ShareThreshold;
import dev.firebreak.platform.FirebreakPolicy.Threshold;

/**
 * How an on-call week went by one measure, against the policy's thresholds: strictly better than
 * {@code healthy} is healthy, strictly worse than {@code unhealthy} is unhealthy, and from one to
 * the other (both included) is worth watching. A measure without data (no SEV1 that week) has none.
 */
enum Health {

	HEALTHY("Healthy"), WATCH("Watch"), UNHEALTHY("Unhealthy");

	private final String label;

	Health(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	@JsonValue
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Fewer is better (pages, pages out of hours). */
	static Health of(int count, Threshold threshold) {
		return count < threshold.healthy() ? HEALTHY : count > threshold.unhealthy() ? UNHEALTHY : WATCH;
	}

	/** Shorter is better (time to acknowledge); null without data. */
	static Health of(Duration time, DurationThreshold threshold) {
		if (time == null) {
			return null;
		}
		return time.compareTo(threshold.healthy()) < 0 ? HEALTHY
				: time.compareTo(threshold.unhealthy()) > 0 ? UNHEALTHY : WATCH;
	}

	/** More is better (share of pages with a runbook); null without data. */
	static Health of(Double share, ShareThreshold threshold) {
		if (share == null) {
			return null;
		}
		return share > threshold.healthy() ? HEALTHY : share < threshold.unhealthy() ? UNHEALTHY : WATCH;
	}

	/** The worst of the measures that have one; healthy when none has. */
	static Health worst(Health... measures) {
		return Arrays.stream(measures).filter(Objects::nonNull).max(Enum::compareTo).orElse(HEALTHY);
	}
}
