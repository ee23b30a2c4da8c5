package dev.firebreak.escalation.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.firebreak.alerting.AlertAcknowledged;
import dev.firebreak.alerting.AlertResolved;
import dev.firebreak.alerting.AlertsChanged;
import dev.firebreak.escalation.Escalation;
import dev.firebreak.incident.IncidentAcknowledged;
import dev.firebreak.incident.IncidentDeclared;
import dev.firebreak.incident.IncidentResolved;
import dev.firebreak.incident.IncidentSeverityChanged;
import dev.firebreak.incident.IncidentProceduresRaised;
import dev.firebreak.incident.ObligationOverdue;

/** What starts and stops escalations: incidents declared, acknowledged, resolved, raised; alerts that open no incident. */
@Component
class EscalationListeners {

	private final EscalationEngine engine;

	private final MissedObligations obligations;

	EscalationListeners(EscalationEngine engine, MissedObligations obligations) {
		this.engine = engine;
		this.obligations = obligations;
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
			case ROLE -> obligations.escalateOnce(missed.incidentNumber(), missed.dueAt(), "overdue: " + missed.title(),
					missed.commanderId());
			case PROGRESS -> obligations.escalateOnce(missed.incidentNumber(), missed.dueAt(),
					"no mitigation progress since the acknowledgement", null);
			default -> {
				// other missed obligations are reminders, sent by the notification capability
			}
		}
	}

	/**
	 * Alerts that open no incident (their service routes their severity to none) run its policy by
	 * their own urgency: critical and error page and escalate, warnings notify once; alerts that open
	 * an incident page through the incident. An acknowledged or resolved alert stops its escalation
	 * and whatever was still to be sent about it (resolved first: a batch may hold both).
	 */
	@ApplicationModuleListener
	void on(AlertsChanged changed) {
		if (!changed.triggered().isEmpty()) {
			engine.startForAlerts(changed.triggered());
		}
		if (!changed.resolved().isEmpty()) {
			engine.stopAlerts(changed.resolved().stream().map(AlertResolved::alertId).distinct().toList(),
					Escalation.Status.RESOLVED);
		}
		if (!changed.acknowledged().isEmpty()) {
			engine.stopAlerts(changed.acknowledged().stream().map(AlertAcknowledged::alertId).distinct().toList(),
					Escalation.Status.ACKNOWLEDGED);
		}
	}
}
