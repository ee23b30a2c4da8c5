package dev.firebreak.comms.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import dev.firebreak.comms.Audience;
import dev.firebreak.comms.Phase;
import dev.firebreak.comms.Post;
import dev.firebreak.comms.StatusUpdate;
import dev.firebreak.comms.StatusUpdate.WritingFinding;
import dev.firebreak.comms.StatusUpdates;
import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.identity.Role;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.PageProblems;

/**
 * The composer on the incident page, as fragments the page loads with htmx: the updates by
 * audience and the form that drafts (from a template), checks as the author types, and posts.
 * Without htmx the form posts plainly and comes back to the incident page.
 */
@Controller
class CommsPages {

	static final String COMPOSER = "comms/partials/composer :: composer";

	static final String FINDINGS = "comms/partials/composer :: findings";

	static final String TEXT = "comms/partials/composer :: text";

	static final int SHOWN = 50;

	private final StatusUpdates updates;

	private final Incidents incidents;

	private final Accounts accounts;

	CommsPages(StatusUpdates updates, Incidents incidents, Accounts accounts) {
		this.updates = updates;
		this.incidents = incidents;
		this.accounts = accounts;
	}

	@GetMapping("/incidents/{id}/updates")
	String composer(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user, Model model) {
		show(visible(id, user), user, Form.EMPTY, List.of(), model);
		return COMPOSER;
	}

	@PostMapping("/incidents/{id}/updates")
	String post(@PathVariable String id, @RequestParam(required = false) Audience audience,
			@RequestParam(required = false) Phase phase, @RequestParam(defaultValue = "") String text,
			@RequestParam(defaultValue = "") String components,
			@RequestParam(name = "override_reason", defaultValue = "") String overrideReason,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@AuthenticationPrincipal FirebreakUser user, Model model, HttpServletResponse response) {
		var incident = visible(id, user);
		var form = new Form(audience, audience == Audience.PUBLIC ? phase : null, text, components, overrideReason);
		try {
			updates.post(incident.number(), form.post(), user.id());
		}
		catch (ErrorResponseException e) {
			if (e.getStatusCode().value() != HttpStatus.UNPROCESSABLE_CONTENT.value()) {
				throw e;
			}
			// broke the writing rules: the draft comes back with its findings and the reason field
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("error", PageProblems.detail(e));
			show(incident, user, form, findings(e), model);
			return COMPOSER;
		}
		if (htmx == null) {
			return "redirect:/incidents/" + incident.id();
		}
		model.addAttribute("notice", "Posted the " + audience + " update.");
		show(incident, user, Form.EMPTY, List.of(), model);
		return COMPOSER;
	}

	/** The findings of the draft as it is typed: the offending words marked, each with its suggestion. */
	@PostMapping("/incidents/{id}/updates/check")
	String check(@PathVariable String id, @RequestParam(required = false) Audience audience,
			@RequestParam(required = false) Phase phase, @RequestParam(defaultValue = "") String text,
			@RequestParam(name = "override_reason", defaultValue = "") String overrideReason,
			@AuthenticationPrincipal FirebreakUser user, Model model) {
		var incident = visible(id, user);
		var form = new Form(audience, phase, text, "", overrideReason);
		var found = audience != Audience.PUBLIC || text.isBlank() ? List.<WritingFinding>of()
				: updates.check(incident.number(), audience, phase, text);
		findingsModel(form, found, model);
		return FINDINGS;
	}

	/** The text area filled with the template of the chosen audience and phase. */
	@GetMapping("/incidents/{id}/updates/template")
	String template(@PathVariable String id, @RequestParam(required = false) Audience audience,
			@RequestParam(required = false) Phase phase, @AuthenticationPrincipal FirebreakUser user, Model model) {
		var incident = visible(id, user);
		var forPhase = audience == Audience.PUBLIC ? phase : null;
		model.addAttribute("incidentId", incident.id());
		model.addAttribute("form", new Form(audience, forPhase, updates.template(incident.number(), audience, forPhase), "", ""));
		return TEXT;
	}

	private void show(Incident incident, FirebreakUser user, Form form, List<WritingFinding> found, Model model) {
		var shown = updates.of(incident.number(), null, new Page.Request(0, SHOWN));
		var authors = accounts.findAll(shown.items().stream().map(StatusUpdate::authorId).filter(Objects::nonNull).toList());
		var rows = shown.items().stream()
			.map(u -> new Row(u, u.authorId() != null && authors.containsKey(u.authorId())
					? authors.get(u.authorId()).displayName() : "Firebreak"))
			.toList();
		model.addAttribute("incidentId", incident.id());
		model.addAttribute("isPrivate", incident.isPrivate());
		model.addAttribute("canRespond", user.role() != Role.VIEWER && incident.status() != IncidentStatus.CLOSED);
		model.addAttribute("audiences", incident.isPrivate() ? List.of(Audience.INTERNAL)
				: incident.drill() ? List.of(Audience.INTERNAL, Audience.STAKEHOLDERS) : Arrays.asList(Audience.values()));
		model.addAttribute("phases", Phase.values());
		model.addAttribute("byAudience", Arrays.stream(Audience.values())
			.map(a -> new Group(a, rows.stream().filter(r -> r.update().audience() == a).toList())).toList());
		model.addAttribute("total", shown.total());
		model.addAttribute("utc", Utc.INSTANCE);
		findingsModel(form, found, model);
	}

	private static void findingsModel(Form form, List<WritingFinding> found, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("findings", found);
		model.addAttribute("marked", Segment.of(form.text(), found));
	}

	@SuppressWarnings("unchecked")
	private static List<WritingFinding> findings(ErrorResponseException e) {
		var properties = e.getBody().getProperties();
		return properties != null && properties.get("findings") instanceof List<?> list
				? (List<WritingFinding>) list : List.of();
	}

	private Incident visible(String id, FirebreakUser user) {
		var number = Incident.parseNumber(id);
		return (number < 0 ? java.util.Optional.<Incident>empty() : incidents.find(number, user))
			.orElseThrow(() -> new PageProblems.NotFound("No such incident",
					"There is no incident " + id + " that you can see."));
	}

	/** What the author typed, sent back with the findings. */
	record Form(Audience audience, Phase phase, String text, String components, String overrideReason) {

		static final Form EMPTY = new Form(Audience.INTERNAL, null, "", "", "");

		Post post() {
			var names = audience == Audience.PUBLIC ? Arrays.stream(components.split(",")).map(String::strip)
				.filter(s -> !s.isEmpty()).toList() : List.<String>of();
			return new Post(audience, phase, text, names, overrideReason.isBlank() ? null : overrideReason);
		}
	}

	record Row(StatusUpdate update, String author) {
	}

	record Group(Audience audience, List<Row> rows) {
	}

	/** A piece of the draft, marked when a finding names it. */
	record Segment(String text, boolean marked) {

		static List<Segment> of(String text, List<WritingFinding> findings) {
			var segments = new ArrayList<Segment>();
			var at = 0;
			for (var f : findings.stream().sorted(Comparator.comparingInt(WritingFinding::start)).toList()) {
				if (f.start() < at || f.end() > text.length() || f.start() >= f.end()) {
					continue;
				}
				if (f.start() > at) {
					segments.add(new Segment(text.substring(at, f.start()), false));
				}
				segments.add(new Segment(text.substring(f.start(), f.end()), true));
				at = f.end();
			}
			if (at < text.length()) {
				segments.add(new Segment(text.substring(at), false));
			}
			return segments;
		}
	}

	/** Times as the pages show them. */
	enum Utc {

		INSTANCE;

		private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
			.withZone(ZoneOffset.UTC);

		public String format(Instant instant) {
			return instant == null ? "" : FORMAT.format(instant);
		}
	}
}
