package dev.firebreak.incident.internal;

import java.time.Duration;
import java.util.EnumMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.firebreak.alerting.AlertSeverity;
import dev.firebreak.incident.Severity;

/**
 * The product's alert table as configured ({@code firebreak.alert-routing}): what each alert
 * severity opens for services that chose nothing else. Checked at start-up.
 */
@ConfigurationProperties("firebreak.alert-routing")
record AlertRoutingDefaults(String critical, String error, String warning, String info, Duration groupingWindow) {

	AlertRoutingDefaults {
		routing(critical, error, warning, info, groupingWindow);
	}

	AlertRouting routing() {
		return routing(critical, error, warning, info, groupingWindow);
	}

	private static AlertRouting routing(String critical, String error, String warning, String info, Duration window) {
		var opens = new EnumMap<AlertSeverity, Severity>(AlertSeverity.class);
		put(opens, AlertSeverity.CRITICAL, critical);
		put(opens, AlertSeverity.ERROR, error);
		put(opens, AlertSeverity.WARNING, warning);
		put(opens, AlertSeverity.INFO, info);
		if (window == null || window.isNegative() || window.compareTo(AlertRouting.LONGEST_WINDOW) > 0) {
			throw new IllegalArgumentException(
					"firebreak.alert-routing.grouping-window must be between PT0S and PT24H, not " + window);
		}
		return new AlertRouting(opens, window);
	}

	private static void put(EnumMap<AlertSeverity, Severity> opens, AlertSeverity alert, String value) {
		var parsed = AlertRouting.parse(value).orElseThrow(() -> new IllegalArgumentException(
				"firebreak.alert-routing." + alert + " must be SEV1, SEV2, SEV3, SEV4 or none, not " + value));
		parsed.ifPresent(severity -> opens.put(alert, severity));
	}
}
