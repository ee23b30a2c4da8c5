package dev.firebreak.escalation.internal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.Problems;

/**
 * How an incident's escalations stand, as a fragment the incident page loads:
 * {@code <div hx-get="/incidents/INC-42/escalations" hx-trigger="load">}.
 */
@Controller
class EscalationFragments {

	static final String FRAGMENT = "escalation/partials/escalations :: escalations";

	private final EscalationStore store;

	private final Incidents incidents;

	EscalationFragments(EscalationStore store, Incidents incidents) {
		this.store = store;
		this.incidents = incidents;
	}

	@GetMapping("/incidents/{id}/escalations")
	String escalations(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user, Model model) {
		var number = Incident.parseNumber(id);
		if (number < 0 || incidents.find(number, user).isEmpty()) {
			throw Problems.notFound("No incident " + id + " that you can see");
		}
		model.addAttribute("escalations", store.ofIncident(number));
		return FRAGMENT;
	}
}
