package dev.firebreak.incident.internal;

import java.time.Duration;
import java.util.Optional;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.firebreak.alerting.AlertResolved;
import dev.firebreak.alerting.AlertSeverity;
import dev.firebreak.alerting.AlertTriggered;
import dev.firebreak.incident.Severity;

/**
 * Alerts become incidents. High-urgency alerts open one (critical as SEV2 — a person raises it to
 * SEV1 — and error as SEV3) or join the service's incident declared within the grouping window;
 * low-urgency alerts open none. When every alert of an incident the alerts opened is resolved,
 * it moves to monitoring, and a person confirms the resolution.
 *
 * <p>These are the defaults of the product's alert table, for every service; per-service choices
 * (a different mapping, SEV4 for warnings, another window) are still to come.
 */
@Component
class AlertIncidents {

	static final Duration GROUPING_WINDOW = Duration.ofMinutes(5);

	private final IncidentService incidents;

	AlertIncidents(IncidentService incidents) {
		this.incidents = incidents;
	}

	static Optional<Severity> severityFor(AlertSeverity alert) {
		return switch (alert) {
			case CRITICAL -> Optional.of(Severity.SEV2);
			case ERROR -> Optional.of(Severity.SEV3);
			case WARNING, INFO -> Optional.empty();
		};
	}

	@ApplicationModuleListener
	void on(AlertTriggered event) {
		severityFor(event.severity())
			.ifPresent(severity -> incidents.openOrJoin(event, severity, GROUPING_WINDOW));
	}

	@ApplicationModuleListener
	void on(AlertResolved event) {
		incidents.alertResolved(event.alertId());
	}
}
