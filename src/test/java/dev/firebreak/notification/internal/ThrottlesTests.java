package dev.firebreak.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The throttle arithmetic on its own: one per minute and five per fifteen minutes, as for SMS. */
class ThrottlesTests {

	private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

	private static final List<NotificationSettings.Throttle> SMS = List.of(
			new NotificationSettings.Throttle(1, Duration.ofMinutes(1)),
			new NotificationSettings.Throttle(5, Duration.ofMinutes(15)));

	@Test
	void nothingSentYetMayGoNow() {
		assertThat(Throttles.nextAllowed(SMS, List.of(), NOW)).isEqualTo(NOW);
	}

	@Test
	void oneSentWithinTheMinuteWaitsForTheMinuteToEnd() {
		var sent = NOW.minusSeconds(20);
		assertThat(Throttles.nextAllowed(SMS, List.of(sent), NOW)).isEqualTo(sent.plus(Duration.ofMinutes(1)));
		assertThat(Throttles.nextAllowed(SMS, List.of(NOW.minusSeconds(60)), NOW)).isEqualTo(NOW);
	}

	@Test
	void fiveInFifteenMinutesWaitForTheOldestOfThemToLeaveTheWindow() {
		var sent = List.of(NOW.minusSeconds(120), NOW.minusSeconds(240), NOW.minusSeconds(360), NOW.minusSeconds(480),
				NOW.minusSeconds(600), NOW.minusSeconds(2000));
		assertThat(Throttles.nextAllowed(SMS, sent, NOW)).isEqualTo(NOW.minusSeconds(600).plus(Duration.ofMinutes(15)));
		assertThat(Throttles.longestWindow(SMS)).isEqualTo(Duration.ofMinutes(15));
	}
}
