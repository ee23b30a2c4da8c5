package dev.firebreak.statuspage.internal;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How subscribers are asked and told ({@code firebreak.statuspage.subscribers.*}).
 *
 * @param confirmWithin how long a confirmation link works; an unconfirmed request is forgotten after it
 * @param resendConfirmationAfter the least time between two confirmation mails to one address
 * @param requestsPerAddress how many subscribe requests one client address may make within {@code requestWindow}
 * @param webhookReadTimeout how long a webhook receiver has to answer
 * @param retryAfter the waits before each further attempt of a failed mail or webhook
 */
@Validated
@ConfigurationProperties("firebreak.statuspage.subscribers")
record SubscriberPolicy(@NotNull Duration confirmWithin, @NotNull Duration resendConfirmationAfter,
		@Min(1) int requestsPerAddress, @NotNull Duration requestWindow, @NotNull Duration webhookConnectTimeout,
		@NotNull Duration webhookReadTimeout, @NotNull List<Duration> retryAfter) {

	/** The wait before attempt {@code attempts + 1}; null when {@code attempts} were all there are. */
	Duration waitAfter(int attempts) {
		return attempts >= 1 && attempts <= retryAfter.size() ? retryAfter.get(attempts - 1) : null;
	}
}
