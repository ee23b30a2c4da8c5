package dev.firebreak.incident.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Running a service's mitigation actions ({@code firebreak.incident.mitigation-actions}).
 *
 * @param timeout the longest a call may take, from connecting to the end of its answer; a
 *        responder waits for it, so it is short
 */
@ConfigurationProperties("firebreak.incident.mitigation-actions")
record MitigationActionSettings(Duration timeout) {

	MitigationActionSettings {
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException(
					"firebreak.incident.mitigation-actions.timeout must be a positive duration (e.g. PT10S), not " + timeout);
		}
	}
}
