package dev.firebreak.catalog.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The catalog's settings ({@code firebreak.catalog}), checked at start-up.
 *
 * @param runbookStaleAfter how long after its last review a runbook is flagged stale
 */
@ConfigurationProperties("firebreak.catalog")
record RunbookSettings(Duration runbookStaleAfter) {

	RunbookSettings {
		if (runbookStaleAfter == null || runbookStaleAfter.isNegative() || runbookStaleAfter.isZero()) {
			throw new IllegalArgumentException(
					"firebreak.catalog.runbook-stale-after must be a positive duration such as P90D, not " + runbookStaleAfter);
		}
	}
}
