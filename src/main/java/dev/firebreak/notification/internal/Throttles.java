package dev.firebreak.notification.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * GoAlert-style throttles per contact method: at most {@code count} messages in any {@code per}.
 * Past a limit a message waits until the window allows; whatever waited then goes as one.
 */
final class Throttles {

	private Throttles() {
	}

	/**
	 * @param sentNewestFirst when earlier messages to the same contact method went, newest first
	 * @return {@code now} when a message may go now, else the first instant it may
	 */
	static Instant nextAllowed(List<NotificationSettings.Throttle> rules, List<Instant> sentNewestFirst, Instant now) {
		var allowed = now;
		for (var rule : rules) {
			var windowStart = now.minus(rule.per());
			var within = sentNewestFirst.stream().filter(at -> at.isAfter(windowStart)).toList();
			if (within.size() >= rule.count()) {
				// the oldest of the last `count` messages must leave the window first
				var free = within.get(rule.count() - 1).plus(rule.per());
				if (free.isAfter(allowed)) {
					allowed = free;
				}
			}
		}
		return allowed;
	}

	/** How far back the throttles look. */
	static Duration longestWindow(List<NotificationSettings.Throttle> rules) {
		return rules.stream().map(NotificationSettings.Throttle::per).max(Duration::compareTo).orElse(Duration.ZERO);
	}
}
