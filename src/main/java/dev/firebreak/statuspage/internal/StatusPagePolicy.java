package dev.firebreak.statuspage.internal;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import dev.firebreak.statuspage.ComponentStatus;

/**
 * How the status page behaves ({@code firebreak.statuspage.*}).
 *
 * @param refreshEvery how often each instance asks whether another instance changed the page
 * @param cacheFor what {@code Cache-Control: max-age} tells browsers and proxies
 * @param rerenderEvery how old a rendering may get with nothing changed (today's uptime moves on)
 * @param uptimeDays how many days the uptime bars cover
 * @param listed how many incidents and maintenances the JSON lists and the feeds carry
 * @param componentStatus what an incident of each severity does to the components its public updates name
 * @param impact the impact the JSON gives an incident of each severity
 * @param partialOutageCounts how much of the time in partial outage counts as down (major outage counts whole)
 * @param maintenance how scheduled maintenance moves on
 */
@Validated
@ConfigurationProperties("firebreak.statuspage")
record StatusPagePolicy(@NotNull Duration refreshEvery, @NotNull Duration cacheFor, @NotNull Duration rerenderEvery,
		@Min(7) int uptimeDays,
		@Min(1) int listed, @NotNull Map<String, ComponentStatus> componentStatus, @NotNull Map<String, String> impact,
		@DecimalMin("0") @DecimalMax("1") double partialOutageCounts, @NotNull Maintenance maintenance) {

	/**
	 * @param verifyingFor how long a maintenance stays "verifying" after its scheduled end before it completes
	 * @param remindBefore how long before a maintenance starts its subscribers are reminded
	 */
	record Maintenance(@NotNull Duration verifyingFor, @NotNull Duration remindBefore) {
	}

	ComponentStatus componentStatusOf(String severity) {
		return severity == null ? ComponentStatus.DEGRADED_PERFORMANCE
				: componentStatus.getOrDefault(severity.toLowerCase(java.util.Locale.ROOT), ComponentStatus.PARTIAL_OUTAGE);
	}

	String impactOf(String severity) {
		return severity == null ? "minor" : impact.getOrDefault(severity.toLowerCase(java.util.Locale.ROOT), "major");
	}
}
