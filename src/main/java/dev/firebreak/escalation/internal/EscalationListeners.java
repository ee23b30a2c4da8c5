package dev.firebreak.escalation.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.firebreak.alerting.AlertsChanged;
import dev.firebreak.escalation.Escalation;
import dev.firebreak.escalation.EscalationPolicy;
import dev.firebreak.incident.IncidentAcknowledged;
import dev.firebreak.incident.IncidentDeclared;
import dev.firebreak.incident.IncidentResolved;
import dev.firebreak.incident.IncidentSeverityChanged;
import dev.firebreak.incident.IncidentProceduresRaised;
import dev.firebreak.incident.ObligationOverdue;
import dev.firebreak.incident.Incidents;
import dev.firebreak.notification.Notifications;
import dev.firebreak.notification.PageRequest;
import dev.firebreak.notification.Subject;
import dev.firebreak.notification.Urgency;

/** What starts and stops escalations: incidents declared, acknowledged, resolved, raised; alerts that open no incident. */
@Component
class EscalationListeners {

	private final EscalationEngine engine;

	private final PolicyStore policies;

	private final TargetResolver targets;

	private final Incidents incidents;

	private final Notifications notifications;

	private final java.time.Clock clock;

	EscalationListeners(EscalationEngine engine, PolicyStore policies, TargetResolver targets, Incidents incidents,
			Notifications notifications, java.time.Clock clock) {
		this.engine = engine;
		this.policies = policies;
		this.targets = targets;
		this.incidents = incidents;
		this.notifications = notifications;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(IncidentDeclared declared) {
		engine.start(declared.incidentNumber());
	}

	@ApplicationModuleListener
	void on(IncidentAcknowledged acknowledged) {
		engine.stop(acknowledged.incidentNumber(), Escalation.Status.ACKNOWLEDGED);
	}

	@ApplicationModuleListener
	void on(IncidentResolved resolved) {
		engine.stop(resolved.incidentNumber(), Escalation.Status.RESOLVED);
	}

	@ApplicationModuleListener
	void on(IncidentSeverityChanged changed) {
		engine.urgencyChanged(changed.incidentNumber());
	}

	/** SEV1 procedures bring SEV1's paging: an escalation that only notified now pages. */
	@ApplicationModuleListener
	void on(IncidentProceduresRaised raised) {
		engine.urgencyChanged(raised.incidentNumber());
	}

	/** A required role left unfilled past its deadline, or no mitigation progress after the acknowledgement. */
	@ApplicationModuleListener
	void on(ObligationOverdue missed) {
		switch (missed.kind()) {
			case ROLE -> engine.escalateOnce(missed.incidentNumber(), missed.dueAt(), "overdue: " + missed.title(),
					missed.commanderId());
			case PROGRESS -> engine.escalateOnce(missed.incidentNumber(), missed.dueAt(),
					"no mitigation progress since the acknowledgement", null);
			default -> {
				// other missed obligations are reminders, sent by the notification capability
			}
		}
	}

	/**
	 * An alert that opens no incident (its routing says "none", a warning by default) is low urgency:
	 * the first level of its service's policy is told once, by their low-urgency rules, and nothing
	 * escalates. Alerts that open an incident page through the incident; alerts in a maintenance
	 * window page nobody.
	 */
	@ApplicationModuleListener
	void on(AlertsChanged changed) {
		var now = clock.instant();
		// a storm brings hundreds of alerts of a few services: each service's routing, policy and
		// people are looked up once per batch, not once per alert
		var opensIncident = new HashMap<String, Boolean>();
		var firstLevel = new HashMap<UUID, Optional<FirstLevel>>();
		for (var alert : changed.triggered()) {
			if (alert.duringMaintenance() || opensIncident.computeIfAbsent(alert.serviceId() + "/" + alert.severity(),
					k -> incidents.severityOpenedBy(alert.serviceId(), alert.severity()).isPresent())) {
				continue;
			}
			firstLevel.computeIfAbsent(alert.serviceId(), service -> policies.forService(service)
				.map(policy -> new FirstLevel(policy, targets.resolve(policy.levels().get(0), now).people())))
				.ifPresent(level -> {
					for (var person : level.people()) {
						notifications.page(new PageRequest("alert:" + alert.alertId() + ":" + level.policy().id() + ":" + person,
								person, Urgency.LOW, Subject.alert(alert.alertId()),
								"Level 1 of '" + level.policy().name() + "' (low urgency: no incident)"));
					}
				});
		}
	}

	private record FirstLevel(EscalationPolicy policy, List<UUID> people) {
	}
}
