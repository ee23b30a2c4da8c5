package dev.firebreak.incident.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The live timeline of the incident page ({@code firebreak.incident.live}).
 *
 * @param pollEvery how often each instance reads the entries written since its last look (by
 *        any instance) for the incidents someone has open
 * @param timeout how long one stream stays open; the browser then reconnects and continues
 *        from the last entry it received
 * @param keepAlive the longest a stream stays silent: a comment line keeps proxies from closing
 *        it and shows a browser that left
 * @param lookBack how many places before the last entry sent are read again, so an entry whose
 *        transaction committed after a later one's is still sent
 */
@ConfigurationProperties("firebreak.incident.live")
record LiveTimelineSettings(Duration pollEvery, Duration timeout, Duration keepAlive, int lookBack) {

	LiveTimelineSettings {
		positive("poll-every", pollEvery);
		positive("timeout", timeout);
		positive("keep-alive", keepAlive);
		if (lookBack < 0) {
			throw new IllegalArgumentException("firebreak.incident.live.look-back must be 0 or more, not " + lookBack);
		}
	}

	private static void positive(String name, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(
					"firebreak.incident.live." + name + " must be a positive duration (e.g. PT1S), not " + value);
		}
	}
}
