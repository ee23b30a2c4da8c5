package dev.firebreak.incident.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.firebreak.alerting.AlertResolved;
import dev.firebreak.alerting.AlertTriggered;

/**
 * Alerts become incidents. By its service's alert routing (the defaults: critical opens a SEV2 —
 * a person raises it to SEV1 — error a SEV3, warning and info none), a new alert opens an
 * incident or joins the service's incident declared within the grouping window. Alerts that
 * arrived during a maintenance window open nothing. When every alert of an incident the alerts
 * opened is resolved, it moves to monitoring, and a person confirms the resolution.
 */
@Component
class AlertIncidents {

	private final IncidentService incidents;

	private final AlertRoutings routings;

	AlertIncidents(IncidentService incidents, AlertRoutings routings) {
		this.incidents = incidents;
		this.routings = routings;
	}

	@ApplicationModuleListener
	void on(AlertTriggered event) {
		if (event.duringMaintenance()) {
			return;
		}
		var routing = routings.of(event.serviceId());
		routing.severityFor(event.severity())
			.ifPresent(severity -> incidents.openOrJoin(event, severity, routing.groupingWindow()));
	}

	@ApplicationModuleListener
	void on(AlertResolved event) {
		incidents.alertResolved(event.alertId());
	}
}
