package dev.firebreak.postmortem.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.firebreak.identity.Account;
import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.identity.Role;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.PageProblems;
import dev.firebreak.platform.PageProblems.NotFound;
import dev.firebreak.platform.Problems;
import dev.firebreak.postmortem.Postmortem;
import dev.firebreak.postmortem.PostmortemStatus;

/**
 * The post-mortem pages: the list with what is due, one post-mortem with its facts, the form of its
 * sections, its moves and its blameless findings, and a printable copy. A refused change comes back
 * to the page with what was typed and why it was refused.
 */
@Controller
class PostmortemPages {

	static final String LIST = "postmortem/list";

	static final String PAGE = "postmortem/postmortem";

	static final String PRINT = "postmortem/print";

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);

	private final PostmortemService postmortems;

	private final PostmortemViews views;

	private final Incidents incidents;

	private final Accounts accounts;

	PostmortemPages(PostmortemService postmortems, PostmortemViews views, Incidents incidents, Accounts accounts) {
		this.postmortems = postmortems;
		this.views = views;
		this.incidents = incidents;
		this.accounts = accounts;
	}

	@GetMapping("/postmortems")
	String list(@RequestParam(required = false) PostmortemStatus status, @RequestParam(required = false) String owner,
			@AuthenticationPrincipal FirebreakUser user, Model model) {
		var ownerId = "me".equals(owner) ? user.id() : PageProblems.uuid(owner);
		model.addAttribute("rows", views.items(postmortems.list(status, ownerId, user)));
		model.addAttribute("statuses", PostmortemStatus.values());
		model.addAttribute("status", status);
		model.addAttribute("owner", owner == null ? "" : owner);
		model.addAttribute("fmt", new Format());
		return LIST;
	}

	@GetMapping("/postmortems/{id}")
	String page(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user, Model model) {
		var postmortem = visible(id, user);
		show(views.view(postmortem), postmortem.sections(), user, model);
		return PAGE;
	}

	@GetMapping("/postmortems/{id}/print")
	String print(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user, Model model) {
		var view = views.view(visible(id, user));
		model.addAttribute("pm", view);
		model.addAttribute("parts", parts(view.facts()));
		model.addAttribute("fmt", new Format());
		return PRINT;
	}

	@GetMapping("/incidents/{id}/postmortem")
	String ofIncident(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user) {
		var incident = incidents.find(Math.max(dev.firebreak.incident.Incident.parseNumber(id), 0), user)
			.orElseThrow(() -> new NotFound("Incident not found", "There is no incident " + id + " you may see."));
		var postmortem = postmortems.ofIncident(incident.number())
			.orElseThrow(() -> new NotFound("No post-mortem", incident.id() + " has no post-mortem. One is created when a "
					+ "resolution requires or asks for it; a responder may start one for a resolved incident."));
		return "redirect:/postmortems/" + postmortem.id();
	}

	@PostMapping("/incidents/{id}/postmortem")
	String start(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user) {
		return "redirect:/postmortems/" + postmortems.start(id, user).postmortem().id();
	}

	@PostMapping("/postmortems/{id}")
	String save(@PathVariable String id, @RequestParam(name = "what_happened", defaultValue = "") String whatHappened,
			@RequestParam(name = "why", required = false) List<String> why,
			@RequestParam(name = "not_detected_sooner", defaultValue = "") String notDetectedSooner,
			@RequestParam(name = "slowed_response", defaultValue = "") String slowedResponse,
			@RequestParam(name = "prevents_recurrence", defaultValue = "") String preventsRecurrence,
			@RequestParam(name = "went_well", defaultValue = "") String wentWell,
			@RequestParam(name = "went_poorly", defaultValue = "") String wentPoorly,
			@AuthenticationPrincipal FirebreakUser user, Model model, HttpServletResponse response) {
		var postmortem = visible(id, user);
		var sections = new Postmortem.Sections(whatHappened, why == null ? List.of() : why, notDetectedSooner,
				slowedResponse, preventsRecurrence, wentWell, wentPoorly);
		try {
			postmortems.save(postmortem.id(), sections, user);
		}
		catch (ErrorResponseException e) {
			return refused(e, postmortem, sections, user, model, response);
		}
		return "redirect:/postmortems/" + postmortem.id() + "?saved";
	}

	@PostMapping("/postmortems/{id}/status")
	String move(@PathVariable String id, @RequestParam(required = false) PostmortemStatus status,
			@AuthenticationPrincipal FirebreakUser user, Model model, HttpServletResponse response) {
		var postmortem = visible(id, user);
		try {
			postmortems.move(postmortem.id(), status, user);
		}
		catch (ErrorResponseException e) {
			return refused(e, postmortem, postmortem.sections(), user, model, response);
		}
		return "redirect:/postmortems/" + postmortem.id();
	}

	@PostMapping("/postmortems/{id}/review")
	String review(@PathVariable String id, @RequestParam(name = "held_at", defaultValue = "") String heldAt,
			@RequestParam(defaultValue = "") String attendees, @RequestParam(defaultValue = "") String notes,
			@AuthenticationPrincipal FirebreakUser user, Model model, HttpServletResponse response) {
		var postmortem = visible(id, user);
		try {
			postmortems.recordReview(postmortem.id(), new Postmortem.Review(utc(heldAt), attendees, notes, null, null), user);
		}
		catch (ErrorResponseException e) {
			return refused(e, postmortem, postmortem.sections(), user, model, response);
		}
		return "redirect:/postmortems/" + postmortem.id();
	}

	@PostMapping("/postmortems/{id}/owner")
	String owner(@PathVariable String id, @RequestParam(name = "owner_id", defaultValue = "") String ownerId,
			@AuthenticationPrincipal FirebreakUser user, Model model, HttpServletResponse response) {
		var postmortem = visible(id, user);
		try {
			postmortems.reassign(postmortem.id(), PageProblems.uuid(ownerId), user);
		}
		catch (ErrorResponseException e) {
			return refused(e, postmortem, postmortem.sections(), user, model, response);
		}
		return "redirect:/postmortems/" + postmortem.id();
	}

	private String refused(ErrorResponseException e, Postmortem postmortem, Postmortem.Sections typed, FirebreakUser user,
			Model model, HttpServletResponse response) {
		if (e.getStatusCode().value() == 404) {
			throw e;
		}
		response.setStatus(e.getStatusCode().value());
		model.addAttribute("error", PageProblems.detail(e));
		show(views.view(postmortems.visible(postmortem.id(), user)), typed, user, model);
		return PAGE;
	}

	private void show(PostmortemViews.View view, Postmortem.Sections typed, FirebreakUser user, Model model) {
		model.addAttribute("pm", view);
		model.addAttribute("parts", parts(view.facts()));
		var whys = new ArrayList<>(typed.why());
		while (whys.size() < PostmortemStore.WHYS) {
			whys.add("");
		}
		model.addAttribute("form", typed);
		model.addAttribute("whys", whys.subList(0, PostmortemStore.WHYS));
		var responder = user.role() != Role.VIEWER;
		model.addAttribute("canEdit", responder && view.status().isEditable());
		model.addAttribute("canMove", responder);
		model.addAttribute("owners", accounts.all().stream().filter(a -> a.role() != Role.VIEWER).toList());
		model.addAttribute("fmt", new Format());
		model.addAttribute("limits", new int[] { Limits.SECTION_MAX, Limits.WHY_MAX, Limits.ATTENDEES_MAX, Limits.NOTES_MAX });
	}

	/** The lists of the record, each under its heading. */
	static List<Part> parts(Facts f) {
		return List.of(new Part("Mitigations", f.mitigations()), new Part("Decisions", f.decisions()),
				new Part("Status updates", f.statusUpdates()), new Part("Pages", f.pages()), new Part("Escalations", f.escalations()),
				new Part("Timeline", f.timeline()));
	}

	record Part(String name, List<Facts.Line> lines) {
	}

	private Postmortem visible(String id, FirebreakUser user) {
		var uuid = PageProblems.uuid(id);
		try {
			return postmortems.visible(uuid == null ? new UUID(0, 0) : uuid, user);
		}
		catch (ErrorResponseException e) {
			throw new NotFound("Post-mortem not found", "There is no post-mortem " + id + " you may see.");
		}
	}

	/** A time typed in the form's UTC field ("2026-03-02T10:30"); null when empty. */
	private static Instant utc(String text) {
		if (text.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException e) {
			throw Problems.invalid("/held_at", "'" + text + "' is not a time; write it as 2026-03-02T10:30 (UTC)");
		}
	}

	/** Times and durations as the pages show them. */
	static final class Format {

		public String time(Instant at) {
			return MarkdownExport.time(at);
		}

		public String duration(java.time.Duration d) {
			return MarkdownExport.duration(d);
		}

		public String minutes(Instant at) {
			return at == null ? "" : MINUTES.format(at);
		}

		public String name(Account account) {
			return account.displayName();
		}

		/** A section as the form labels it: "why_2" is "Why 2", "slowed_response" is "What slowed the response". */
		public String section(String key) {
			return switch (key) {
				case "what_happened" -> "What happened";
				case "not_detected_sooner" -> "Why not detected sooner";
				case "slowed_response" -> "What slowed the response";
				case "prevents_recurrence" -> "What prevents recurrence";
				case "went_well" -> "What went well";
				case "went_poorly" -> "What went poorly";
				default -> key.startsWith("why_") ? "Why " + key.substring(4) : key;
			};
		}
	}
}
