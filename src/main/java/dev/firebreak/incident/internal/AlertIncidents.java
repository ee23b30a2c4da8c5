package dev.firebreak.incident.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.firebreak.alerting.AlertResolved;
import dev.firebreak.alerting.AlertTriggered;
import dev.firebreak.alerting.AlertsChanged;
import dev.firebreak.incident.Severity;

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

	/**
	 * One commit's worth of alert changes, in one transaction: the new alerts of each service open
	 * or join its incident together; then the resolved ones are marked.
	 */
	@ApplicationModuleListener
	void on(AlertsChanged changed) {
		var byService = new LinkedHashMap<UUID, Map<AlertTriggered, Severity>>();
		var routing = new HashMap<UUID, AlertRouting>();
		for (var alert : changed.triggered()) {
			if (alert.duringMaintenance()) {
				continue;
			}
			var rules = routing.computeIfAbsent(alert.serviceId(), routings::of);
			rules.severityFor(alert.severity()).ifPresent(severity -> byService
				.computeIfAbsent(alert.serviceId(), service -> new LinkedHashMap<>()).put(alert, severity));
		}
		// one batch at a time per service, across threads and instances: a storm opens one incident,
		// and a resolution never marks an incident while another batch joins it. Alerts that open
		// nothing (a storm of warnings) take no lock.
		var services = new HashSet<>(byService.keySet());
		changed.resolved().forEach(alert -> services.add(alert.serviceId()));
		if (services.isEmpty()) {
			return;
		}
		incidents.lockGrouping(services);
		byService.forEach((service, alerts) -> incidents.openOrJoin(service, alerts,
				routing.get(service).groupingWindow()));
		if (!changed.resolved().isEmpty()) {
			incidents.alertsResolved(changed.resolved().stream().map(AlertResolved::alertId).toList());
		}
	}
}
