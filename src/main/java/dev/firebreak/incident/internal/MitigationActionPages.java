package dev.firebreak.incident.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.firebreak.catalog.Catalog;
import dev.firebreak.catalog.MitigationAction;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.identity.Role;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.PageProblems;

/**
 * The incident page's panel of mitigation actions, loaded with htmx, and the forms that run them.
 * A run answers with a redirect to the incident, whose timeline shows the announcement and the result.
 */
@Controller
class MitigationActionPages extends PageProblems {

	static final String FRAGMENT = "incident/partials/actions :: actions";

	private final MitigationActions actions;

	private final Incidents incidents;

	private final Catalog catalog;

	MitigationActionPages(MitigationActions actions, Incidents incidents, Catalog catalog) {
		super("/", "Back to the incidents");
		this.actions = actions;
		this.incidents = incidents;
		this.catalog = catalog;
	}

	/** One line of the panel. */
	record ActionRow(MitigationAction action, String serviceName, String lever) {
	}

	@GetMapping("/incidents/{id}/actions")
	String panel(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user, Model model) {
		var incident = visible(id, user);
		var services = catalog.services(incident.affectedServiceIds());
		model.addAttribute("incident", incident);
		model.addAttribute("actions", actions.of(incident).stream().map(action -> new ActionRow(action,
				services.containsKey(action.serviceId()) ? services.get(action.serviceId()).name() : "a removed service",
				MitigationActions.lever(action.lever()).title())).toList());
		model.addAttribute("canRun", user.role() != Role.VIEWER && incident.isActive());
		return FRAGMENT;
	}

	@PostMapping("/incidents/{id}/actions/{actionId}/run")
	@PreAuthorize("hasRole('RESPONDER')")
	String run(@PathVariable String id, @PathVariable UUID actionId, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal FirebreakUser user) {
		var incident = visible(id, user);
		actions.run(incident, actionId, false, IncidentPages.blankToNull(reason), user);
		return "redirect:/incidents/" + incident.id() + "#timeline";
	}

	@PostMapping("/incidents/{id}/actions/{actionId}/rollback")
	@PreAuthorize("hasRole('RESPONDER')")
	String rollback(@PathVariable String id, @PathVariable UUID actionId, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal FirebreakUser user) {
		var incident = visible(id, user);
		actions.run(incident, actionId, true, IncidentPages.blankToNull(reason), user);
		return "redirect:/incidents/" + incident.id() + "#timeline";
	}

	private Incident visible(String id, FirebreakUser user) {
		var number = Incident.parseNumber(id);
		return (number < 0 ? Optional.<Incident>empty() : incidents.find(number, user))
			.orElseThrow(() -> new NotFound("Incident not found", "There is no incident " + id
					+ " that you can see. Private incidents are shown only to administrators and the people on them."));
	}
}
