package dev.firebreak.notification.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.firebreak.notification.ContactType;

/**
 * How notifications behave ({@code firebreak.notification.*}): retries, throttles per contact type,
 * verification codes, the e-mail sender, one-click links. Checked at start-up.
 *
 * @param maxRuleDelay the longest a rule may wait before it notifies
 */
@ConfigurationProperties("firebreak.notification")
record NotificationSettings(Retry retry, Map<ContactType, List<Throttle>> throttle, Verification verification,
		Email email, Duration ackLinkValidFor, Duration maxRuleDelay) {

	NotificationSettings {
		require(retry != null && retry.attempts() >= 1 && positive(retry.firstDelay()) && retry.factor() >= 1,
				"retry needs attempts >= 1, a positive first-delay and a factor >= 1");
		throttle = throttle == null ? Map.of() : Map.copyOf(throttle);
		throttle.forEach((type, rules) -> rules.forEach(rule -> require(rule.count() >= 1 && positive(rule.per()),
				"throttle." + type + " needs count >= 1 and a positive 'per'")));
		require(verification != null && verification.maxAttempts() >= 1 && positive(verification.codeValidFor()),
				"verification needs max-attempts >= 1 and a positive code-valid-for");
		require(email != null && email.from() != null && !email.from().isBlank(), "email.from is required");
		require(positive(ackLinkValidFor), "ack-link-valid-for must be positive");
		require(maxRuleDelay != null && !maxRuleDelay.isNegative(), "max-rule-delay must be PT0S or more");
	}

	List<Throttle> throttles(ContactType type) {
		return throttle.getOrDefault(type, List.of());
	}

	/** The wait before attempt {@code attempt + 1}, after {@code attempt} failed ones (1-based). */
	Duration backoff(int attempt) {
		return Duration.ofMillis(Math.round(retry.firstDelay().toMillis() * Math.pow(retry.factor(), attempt - 1)));
	}

	/** @param attempts how many times a message is tried in all before it counts as failed */
	record Retry(int attempts, Duration firstDelay, double factor) {
	}

	/** At most {@code count} messages to one contact method in any {@code per}. */
	record Throttle(int count, Duration per) {
	}

	record Verification(Duration codeValidFor, int maxAttempts) {
	}

	record Email(String from) {
	}

	private static boolean positive(Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
	}

	private static void require(boolean ok, String message) {
		if (!ok) {
			throw new IllegalArgumentException("firebreak.notification." + message);
		}
	}
}
