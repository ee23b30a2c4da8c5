package dev.firebreak.incident.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

import dev.firebreak.catalog.Catalog;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.identity.Role;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentFilter;
import dev.firebreak.incident.IncidentRole;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.MitigationLever;
import dev.firebreak.incident.Severity;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.PageProblems;

/**
 * The browser pages of a response: the list of incidents with the form that declares one, and
 * the incident's own page, the live record everyone responding shares. Every change is a plain
 * form POST answered with a redirect, so the pages work without JavaScript; htmx only spares the
 * reload when a note is added.
 */
@Controller
class IncidentPages extends PageProblems {

	static final String LIST_VIEW = "incident/list";

	static final String INCIDENT_VIEW = "incident/incident";

	static final String TIMELINE_FRAGMENT = "incident/partials/timeline :: timeline";

	static final int PAGE_SIZE = 50;

	private static final String ACTIVE = "active";

	private static final String ALL = "all";

	private final Incidents incidents;

	private final Catalog catalog;

	private final IncidentPageView view;

	private final ObligationBook obligations;

	private final java.time.Clock clock;

	IncidentPages(Incidents incidents, Catalog catalog, IncidentPageView view, ObligationBook obligations,
			java.time.Clock clock) {
		super("/", "Back to the incidents");
		this.incidents = incidents;
		this.catalog = catalog;
		this.view = view;
		this.obligations = obligations;
		this.clock = clock;
	}

	@ModelAttribute
	void common(@AuthenticationPrincipal FirebreakUser user, Model model) {
		model.addAttribute("utc", IncidentPageModels.UtcTime.INSTANCE);
		model.addAttribute("canRespond", user != null && user.role() != Role.VIEWER);
	}

	// ---- the list, and declaring ----

	@GetMapping("/")
	String list(@RequestParam(defaultValue = ACTIVE) String show, @RequestParam(required = false) Integer page,
			@AuthenticationPrincipal FirebreakUser user, Model model) {
		showList(show, page, IncidentPageModels.DeclareForm.EMPTY, user, model);
		return LIST_VIEW;
	}

	@PostMapping("/incidents")
	String declare(IncidentPageModels.DeclareForm form, @AuthenticationPrincipal FirebreakUser user, Model model,
			HttpServletResponse response) {
		var problem = form.problem();
		if (problem != null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		else {
			try {
				var incident = incidents.declare(form.declaration(), user.id());
				return "redirect:/incidents/" + incident.id();
			}
			catch (ErrorResponseException e) {
				response.setStatus(e.getStatusCode().value());
				problem = PageProblems.detail(e);
			}
		}
		model.addAttribute("declareError", problem);
		showList(ACTIVE, null, form, user, model);
		return LIST_VIEW;
	}

	private void showList(String show, Integer page, IncidentPageModels.DeclareForm form, FirebreakUser user, Model model) {
		var shown = ALL.equals(show) || ACTIVE.equals(show) || status(show) != null ? show : ACTIVE;
		Set<IncidentStatus> statuses = switch (shown) {
			case ACTIVE -> Set.copyOf(IncidentStatus.active());
			case ALL -> Set.of();
			default -> Set.of(status(shown));
		};
		var request = Page.Request.of(page, PAGE_SIZE);
		var found = incidents.list(new IncidentFilter(statuses, null, null, null), request, user);
		var names = view.names(found.items().stream().map(i -> i.roles().get(IncidentRole.INCIDENT_COMMANDER)).toList());
		// the dashboard's question: what does each active incident owe first
		var pressing = obligations.mostPressing(found.items().stream().filter(Incident::isActive).toList());
		var now = clock.instant();
		model.addAttribute("rows", found.items().stream()
			.map(i -> new IncidentPageModels.IncidentRow(i,
					IncidentPageView.nameOf(names, i.roles().get(IncidentRole.INCIDENT_COMMANDER), IncidentPageView.NOBODY),
					pressing.containsKey(i.number()) ? WarRoomPageModels.ObligationRow.of(pressing.get(i.number()), "", now) : null))
			.toList());
		model.addAttribute("serverNow", now.toEpochMilli());
		model.addAttribute("total", found.total());
		model.addAttribute("show", shown);
		model.addAttribute("statuses", IncidentStatus.values());
		model.addAttribute("page", request.page());
		model.addAttribute("hasNext", request.offset() + found.items().size() < found.total());
		model.addAttribute("form", form);
		model.addAttribute("titleLimit", IncidentRules.TITLE_MAX);
		model.addAttribute("severities", Severity.values());
		model.addAttribute("sources", IncidentSource.values());
		model.addAttribute("services", catalog.allServices());
	}

	// ---- one incident ----

	@GetMapping("/incidents/{id}")
	String incident(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user, Model model) {
		showIncident(visible(id, user), user, model);
		return INCIDENT_VIEW;
	}

	/** The incident summary, as the API gives it, for a person signed in to the pages. */
	@GetMapping(value = "/incidents/{id}/summary.md", produces = "text/markdown;charset=UTF-8")
	@ResponseBody
	String summary(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user) {
		return incidents.summary(visible(id, user).number());
	}

	@PostMapping("/incidents/{id}/severity")
	String changeSeverity(@PathVariable String id, @RequestParam(required = false) Severity severity,
			@RequestParam(defaultValue = "") String reason, @AuthenticationPrincipal FirebreakUser user, Model model,
			HttpServletResponse response) {
		var incident = visible(id, user);
		if (severity == null || reason.isBlank()) {
			return rejected(incident, user, model, response, "severityError",
					"Choose a severity and say why it changes: the reason goes on the timeline.");
		}
		return act(incident, user, model, response, "severityError",
				() -> incidents.changeSeverity(incident.number(), severity, reason.trim(), user.id()));
	}

	@PostMapping("/incidents/{id}/status")
	String changeStatus(@PathVariable String id, @RequestParam IncidentStatus status,
			@RequestParam(required = false) String note, @AuthenticationPrincipal FirebreakUser user, Model model,
			HttpServletResponse response) {
		var incident = visible(id, user);
		return act(incident, user, model, response, "statusError",
				() -> incidents.changeStatus(incident.number(), status, blankToNull(note), user.id()));
	}

	@PostMapping("/incidents/{id}/acknowledge")
	String acknowledge(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user, Model model,
			HttpServletResponse response) {
		var incident = visible(id, user);
		return act(incident, user, model, response, "statusError", () -> {
			incidents.acknowledge(incident.number(), user.id(), "the incident page");
			return incidents.find(incident.number()).orElseThrow();
		});
	}

	/** Takes a role oneself, or with {@code account_id} gives it to someone else (an IC assigning the team). */
	@PostMapping("/incidents/{id}/roles/{role}")
	String assignRole(@PathVariable String id, @PathVariable IncidentRole role,
			@RequestParam(name = "account_id", required = false) UUID accountId,
			@AuthenticationPrincipal FirebreakUser user, Model model, HttpServletResponse response) {
		var incident = visible(id, user);
		var holder = accountId == null ? user.id() : accountId;
		return act(incident, user, model, response, "rolesError",
				() -> incidents.assignRole(incident.number(), role, holder, user.id()));
	}

	/** The "give a role" form: the role is a field, not part of the path. */
	@PostMapping("/incidents/{id}/roles")
	String giveRole(@PathVariable String id, @RequestParam IncidentRole role,
			@RequestParam(name = "account_id") UUID accountId, @AuthenticationPrincipal FirebreakUser user,
			Model model, HttpServletResponse response) {
		return assignRole(id, role, accountId, user, model, response);
	}

	@PostMapping("/incidents/{id}/roles/{role}/release")
	String releaseRole(@PathVariable String id, @PathVariable IncidentRole role,
			@RequestParam(name = "account_id", required = false) UUID accountId,
			@AuthenticationPrincipal FirebreakUser user, Model model, HttpServletResponse response) {
		var incident = visible(id, user);
		return act(incident, user, model, response, "rolesError",
				() -> incidents.unassignRole(incident.number(), role, accountId, user.id()));
	}

	@PostMapping("/incidents/{id}/mitigations")
	String recordMitigation(@PathVariable String id, @RequestParam(required = false) MitigationLever lever,
			@RequestParam(defaultValue = "") String description, @RequestParam(required = false) Boolean mitigated,
			@AuthenticationPrincipal FirebreakUser user, Model model, HttpServletResponse response) {
		var incident = visible(id, user);
		if (lever == null || description.isBlank()) {
			return rejected(incident, user, model, response, "mitigationError",
					"Choose a lever and describe what was done, so the next person knows what to roll back.");
		}
		return act(incident, user, model, response, "mitigationError", () -> incidents.recordMitigation(
				incident.number(), lever, description.trim(), Boolean.TRUE.equals(mitigated), user.id()));
	}

	/**
	 * Adds a note. From htmx (the {@code HX-Request} header) the answer is the timeline alone; a
	 * browser without JavaScript gets the whole page back through a redirect.
	 */
	@PostMapping("/incidents/{id}/timeline")
	String addNote(@PathVariable String id, @RequestParam(defaultValue = "") String text,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@AuthenticationPrincipal FirebreakUser user, Model model, HttpServletResponse response) {
		var incident = visible(id, user);
		String problem = null;
		if (text.isBlank()) {
			problem = "Write something first: an empty note tells the next person nothing.";
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		else {
			try {
				incidents.addNote(incident.number(), text.strip(), null, user.id());
			}
			catch (ErrorResponseException e) {
				problem = PageProblems.detail(e);
				// htmx is configured (layout.html) to swap 422 answers, so the message reaches the page
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			}
		}
		if (htmx != null) {
			model.addAttribute("incident", incident);
			model.addAttribute("timeline", view.timeline(incident.number()));
			model.addAttribute("noteError", problem);
			return TIMELINE_FRAGMENT;
		}
		if (problem == null) {
			return "redirect:/incidents/" + incident.id() + "#timeline";
		}
		model.addAttribute("noteError", problem);
		model.addAttribute("noteText", text);
		showIncident(incident, user, model);
		return INCIDENT_VIEW;
	}

	private String act(Incident incident, FirebreakUser user, Model model, HttpServletResponse response,
			String errorAttribute, Supplier<?> change) {
		try {
			change.get();
			return "redirect:/incidents/" + incident.id();
		}
		catch (ErrorResponseException e) {
			response.setStatus(e.getStatusCode().value());
			model.addAttribute(errorAttribute, PageProblems.detail(e));
			// the change may have raced with another person's: show what is true now
			showIncident(incidents.find(incident.number(), user).orElse(incident), user, model);
			return INCIDENT_VIEW;
		}
	}

	private String rejected(Incident incident, FirebreakUser user, Model model, HttpServletResponse response,
			String errorAttribute, String message) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute(errorAttribute, message);
		showIncident(incident, user, model);
		return INCIDENT_VIEW;
	}

	private void showIncident(Incident incident, FirebreakUser user, Model model) {
		view.show(incident, user, model);
	}

	/** The incident, if this person may see it; otherwise the same 404 whether or not it exists. */
	private Incident visible(String id, FirebreakUser user) {
		var number = Incident.parseNumber(id);
		if (number < 0) {
			throw new NoSuchIncident(id);
		}
		return incidents.find(number, user).orElseThrow(() -> new NoSuchIncident(Incident.PREFIX + number));
	}

	// ---- errors a person can act on, never a stack trace ----

	@ExceptionHandler(NoSuchIncident.class)
	ModelAndView noSuchIncident(NoSuchIncident e) {
		return problem(HttpStatus.NOT_FOUND, "Incident not found",
				"There is no incident " + e.id + " that you can see. Private incidents are shown only to administrators and the people on them.");
	}

	private static IncidentStatus status(String name) {
		for (var status : IncidentStatus.values()) {
			if (status.toString().equals(name)) {
				return status;
			}
		}
		return null;
	}

	static String severity(Severity severity) {
		return severity == null ? "unclassified" : severity.name();
	}

	static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static final class NoSuchIncident extends RuntimeException {

		private final String id;

		NoSuchIncident(String id) {
			super(null, null, false, false);
			this.id = id;
		}
	}
}
