package dev.firebreak.postmortem.internal;

import java.time.Duration;
import java.time.Period;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How action items remind and are mirrored ({@code firebreak.postmortem.action-items.*}).
 *
 * @param remindBefore the owner is reminded this long before the start of the due day (UTC), and again once it is overdue
 * @param webhookConnectTimeout how long a tracker's endpoint has to accept the connection
 * @param webhookReadTimeout how long it has to answer
 * @param retryAfter the waits before each further attempt of a webhook that failed, then it is given up
 * @param dueWithin how far ahead of today (UTC) an item may be due; a day past it is refused
 */
@Validated
@ConfigurationProperties("firebreak.postmortem.action-items")
record ActionItemPolicy(@NotNull Duration remindBefore, @NotNull Duration webhookConnectTimeout,
		@NotNull Duration webhookReadTimeout, @NotNull List<Duration> retryAfter,
		@NotNull Period dueWithin) {

	/** The wait before attempt {@code attempts + 1}; null when {@code attempts} were all there are. */
	Duration waitAfter(int attempts) {
		return attempts >= 1 && attempts <= retryAfter.size() ? retryAfter.get(attempts - 1) : null;
	}
}
