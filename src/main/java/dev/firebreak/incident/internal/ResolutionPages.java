package dev.firebreak.incident.internal;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.identity.Role;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentRole;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.PageProblems;
import dev.firebreak.platform.Problems;

/**
 * Resolving from the pages, through the gate: the dialog lists the criteria (what the record
 * already shows is ticked), asks what only a person can say, and sends it. An unmet gate comes
 * back with what is missing; the commander (or an admin) may resolve over it with a reason. From
 * htmx the dialog is a fragment in the incident page; without JavaScript it is a page of its own.
 */
@Controller
class ResolutionPages extends PageProblems {

	static final String PAGE = "incident/resolve";

	static final String FRAGMENT = "incident/partials/resolve :: resolve";

	static final String RESOLVED_FRAGMENT = "incident/partials/resolve :: resolved";

	private final Incidents incidents;

	private final Resolutions resolutions;

	private final Accounts accounts;

	ResolutionPages(Incidents incidents, Resolutions resolutions, Accounts accounts) {
		super("/", "Back to the incidents");
		this.incidents = incidents;
		this.resolutions = resolutions;
		this.accounts = accounts;
	}

	/** The dialog's answers as typed; the names are the form's. */
	record ResolveForm(String customerImpact, Boolean mitigationVerified, String rootCause, Boolean rootCauseDeferred,
			Boolean systemsNormal, Boolean customersCanResume, String containment, String guardrails, String followUps,
			Boolean postmortem, String postmortemOwnerId, String note, String overrideReason) {

		ResolutionGate.Answers answers() {
			return new ResolutionGate.Answers(IncidentPages.blankToNull(customerImpact), mitigationVerified,
					IncidentPages.blankToNull(rootCause), rootCauseDeferred, systemsNormal, customersCanResume,
					IncidentPages.blankToNull(containment), IncidentPages.blankToNull(guardrails),
					IncidentPages.blankToNull(followUps), postmortem);
		}

		static ResolveForm of(Incident incident) {
			return new ResolveForm(incident.customerImpact(), null, null, null, null, null, null, null, null, null, null,
					null, null);
		}
	}

	@ModelAttribute
	void common(@AuthenticationPrincipal FirebreakUser user, Model model) {
		model.addAttribute("utc", IncidentPageModels.UtcTime.INSTANCE);
		model.addAttribute("canRespond", user != null && user.role() != Role.VIEWER);
	}

	@GetMapping("/incidents/{id}/resolve")
	String dialog(@PathVariable String id, @RequestHeader(name = "HX-Request", required = false) String htmx,
			@AuthenticationPrincipal FirebreakUser user, Model model) {
		var incident = visible(id, user);
		var form = ResolveForm.of(incident);
		show(incident, form, user, model);
		return htmx != null ? FRAGMENT : PAGE;
	}

	@PostMapping("/incidents/{id}/resolve")
	String resolve(@PathVariable String id, ResolveForm form,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@AuthenticationPrincipal FirebreakUser user, Model model, HttpServletResponse response) {
		var incident = visible(id, user);
		var owner = IncidentPages.blankToNull(form.postmortemOwnerId());
		var ownerId = owner == null ? null : PageProblems.uuid(owner);
		try {
			if (owner != null && ownerId == null) {
				throw Problems.invalid("/postmortem_owner_id", "Choose the post-mortem owner from the list");
			}
			resolutions.resolve(incident.number(), form.answers(), IncidentPages.blankToNull(form.note()),
					IncidentPages.blankToNull(form.overrideReason()), ownerId, user.id());
		}
		catch (ErrorResponseException e) {
			response.setStatus(e.getStatusCode().value());
			model.addAttribute("resolveError", PageProblems.detail(e));
			show(incidents.find(incident.number(), user).orElse(incident), form, user, model);
			return htmx != null ? FRAGMENT : PAGE;
		}
		var page = "/incidents/" + incident.id();
		if (htmx != null) {
			// not a 302: the browser would follow it inside the request and htmx would never see the header
			response.setHeader("HX-Redirect", page);
			model.addAttribute("incident", incident);
			return RESOLVED_FRAGMENT;
		}
		return "redirect:" + page;
	}

	private void show(Incident incident, ResolveForm form, FirebreakUser user, Model model) {
		var verdict = resolutions.verdict(incident.number(), form.answers());
		var commander = incident.roles().get(IncidentRole.INCIDENT_COMMANDER);
		model.addAttribute("incident", incident);
		model.addAttribute("items", verdict.items());
		model.addAttribute("unmetCount", verdict.unmet().size());
		model.addAttribute("postmortemRule", verdict.postmortem());
		model.addAttribute("form", form);
		model.addAttribute("resolvable", incident.status().next().contains(IncidentStatus.RESOLVED)
				&& user.role() != Role.VIEWER);
		model.addAttribute("canOverride", user.role() == Role.ADMIN || user.id().equals(commander));
		model.addAttribute("owners", accounts.all().stream().filter(a -> a.role() != Role.VIEWER).toList());
		model.addAttribute("defaultOwner", Optional.ofNullable(form.postmortemOwnerId()).filter(s -> !s.isBlank())
			.orElse(commander == null ? user.id().toString() : commander.toString()));
	}

	private Incident visible(String id, FirebreakUser user) {
		var number = Incident.parseNumber(id);
		return (number < 0 ? Optional.<Incident>empty() : incidents.find(number, user))
			.orElseThrow(() -> new NotFound("Incident not found", "There is no incident " + id
					+ " that you can see. Private incidents are shown only to administrators and the people on them."));
	}
}
