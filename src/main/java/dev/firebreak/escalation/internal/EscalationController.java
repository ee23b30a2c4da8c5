package dev.firebreak.escalation.internal;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.alerting.Alerts;
import dev.firebreak.escalation.Escalation;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Problems;

import org.springframework.security.core.annotation.AuthenticationPrincipal;

/** How an incident's (or an alert's) escalations stand: which policy, which level, when the next one is paged. */
@RestController
class EscalationController {

	private final EscalationStore store;

	private final Incidents incidents;

	private final Alerts alerts;

	EscalationController(EscalationStore store, Incidents incidents, Alerts alerts) {
		this.store = store;
		this.incidents = incidents;
		this.alerts = alerts;
	}

	@GetMapping("/api/v1/incidents/{id}/escalations")
	Page<Escalation> escalations(@PathVariable String id, @AuthenticationPrincipal FirebreakUser viewer) {
		var number = Incident.parseNumber(id);
		var incident = number < 0 ? null : incidents.find(number, viewer).orElse(null);
		if (incident == null) {
			throw Problems.notFound("No incident " + id);
		}
		var items = store.ofIncident(number);
		return new Page<>(items, items.size());
	}

	/** The escalations of an alert that opened no incident (an alert that opened one escalates through it). */
	@GetMapping("/api/v1/alerts/{id}/escalations")
	Page<Escalation> alertEscalations(@PathVariable UUID id) {
		if (alerts.find(id).isEmpty()) {
			throw Problems.notFound("No alert " + id + "; GET /api/v1/alerts lists them");
		}
		var items = store.ofAlert(id);
		return new Page<>(items, items.size());
	}
}
