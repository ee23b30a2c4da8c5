package dev.firebreak.incident.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.firebreak.alerting.AlertSeverity;
import dev.firebreak.incident.Severity;

/**
 * What a service's new alerts open: an incident of some severity, or none; and how long after
 * an incident opens the service's next alerts join it instead of opening another.
 *
 * @param opens by alert severity, the incident severity it opens; absent: none
 */
record AlertRouting(Map<AlertSeverity, Severity> opens, Duration groupingWindow) {

	static final Duration LONGEST_WINDOW = Duration.ofHours(24);

	AlertRouting {
		opens = Map.copyOf(opens);
	}

	Optional<Severity> severityFor(AlertSeverity alert) {
		return Optional.ofNullable(opens.get(alert));
	}

	/** {@code SEV1}..{@code SEV4}, or {@code none}; empty when it is neither. */
	static Optional<Optional<Severity>> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		var upper = value.strip().toUpperCase(Locale.ROOT);
		if (upper.equals("NONE")) {
			return Optional.of(Optional.empty());
		}
		for (var severity : Severity.values()) {
			if (severity.name().equals(upper)) {
				return Optional.of(Optional.of(severity));
			}
		}
		return Optional.empty();
	}

	static String name(Optional<Severity> severity) {
		return severity.map(Enum::name).orElse("none");
	}
}
