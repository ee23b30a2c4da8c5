package dev.firebreak.catalog.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

import dev.firebreak.catalog.Runbook;
import dev.firebreak.catalog.RunbookMatcher;
import dev.firebreak.catalog.Service;
import dev.firebreak.identity.Account;
import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.identity.Role;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.PageProblems;

/**
 * The runbook pages: the list (services, matchers, last review, stale ones flagged), one runbook
 * rendered, and the form that writes or changes one (a new one starts from the six headings).
 * The forms go through the same checked, audited code as the API; a refusal shows the form again
 * with every problem and what was typed.
 */
@Controller
class RunbookPages {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

	private final RunbookService runbooks;

	private final RunbookEditor editor;

	private final CatalogStore catalog;

	private final Accounts accounts;

	private final RunbookSettings settings;

	RunbookPages(RunbookService runbooks, RunbookEditor editor, CatalogStore catalog, Accounts accounts,
			RunbookSettings settings) {
		this.runbooks = runbooks;
		this.editor = editor;
		this.catalog = catalog;
		this.accounts = accounts;
		this.settings = settings;
	}

	/** One runbook as a list or page shows it. */
	record RunbookRow(Runbook runbook, List<Service> services, String matchers, String reviewedAt, String reviewedBy) {
	}

	/** What the form holds: the text as typed, matchers one {@code field=value} per line. */
	record Form(String title, String markdown, List<UUID> serviceIds, String matchers) {
	}

	@ModelAttribute
	void common(@AuthenticationPrincipal FirebreakUser user, Model model) {
		model.addAttribute("canWrite", user != null && user.role() != Role.VIEWER);
		model.addAttribute("canDelete", user != null && user.role() == Role.ADMIN);
		model.addAttribute("staleAfterDays", settings.runbookStaleAfter().toDays());
	}

	@GetMapping("/runbooks")
	String list(@RequestParam(name = "service_id", required = false) String serviceId,
			@RequestParam(required = false) Integer page, Model model) {
		var service = serviceId == null || serviceId.isBlank() ? null : PageProblems.uuid(serviceId);
		var request = Page.Request.of(page, null);
		var found = runbooks.list(service, request);
		model.addAttribute("rows", rows(found.items()));
		model.addAttribute("total", found.total());
		model.addAttribute("service", service == null ? null : catalog.service(service).orElse(null));
		model.addAttribute("page", request.page());
		model.addAttribute("hasNext", request.offset() + found.items().size() < found.total());
		return "catalog/runbooks";
	}

	@GetMapping("/runbooks/new")
	@PreAuthorize("hasRole('RESPONDER')")
	String create(@RequestParam(name = "service_id", required = false) String serviceId, Model model) {
		var service = serviceId == null ? null : PageProblems.uuid(serviceId.strip());
		var preset = service != null && catalog.service(service).isPresent() ? List.of(service) : List.<UUID>of();
		return form(null, new Form("", RunbookMarkdown.TEMPLATE, preset, ""), model);
	}

	@PostMapping("/runbooks")
	@PreAuthorize("hasRole('RESPONDER')")
	String created(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String markdown,
			@RequestParam(name = "serviceIds", required = false) List<UUID> serviceIds,
			@RequestParam(defaultValue = "") String matchers, @AuthenticationPrincipal FirebreakUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var form = new Form(title, markdown, serviceIds == null ? List.of() : serviceIds, matchers);
		try {
			var runbook = editor.create(draft(form), user.id());
			redirect.addFlashAttribute("notice", "Saved the runbook. Pages for its alerts and services now link to it.");
			return "redirect:/runbooks/" + runbook.id();
		}
		catch (ErrorResponseException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("formErrors", errors(e));
			return form(null, form, model);
		}
	}

	@GetMapping("/runbooks/{id}")
	String show(@PathVariable String id, Model model) {
		var runbook = find(id);
		model.addAttribute("row", rows(List.of(runbook)).get(0));
		model.addAttribute("html", RunbookMarkdown.html(runbook.markdown()));
		return "catalog/runbook";
	}

	@GetMapping("/runbooks/{id}/edit")
	@PreAuthorize("hasRole('RESPONDER')")
	String edit(@PathVariable String id, Model model) {
		var runbook = find(id);
		return form(runbook, new Form(runbook.title(), runbook.markdown(), runbook.serviceIds(),
				runbook.matchers().stream().map(RunbookMatcher::toString).collect(Collectors.joining("\n"))), model);
	}

	@PostMapping("/runbooks/{id}")
	@PreAuthorize("hasRole('RESPONDER')")
	String updated(@PathVariable String id, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String markdown,
			@RequestParam(name = "serviceIds", required = false) List<UUID> serviceIds,
			@RequestParam(defaultValue = "") String matchers, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var runbook = find(id);
		var form = new Form(title, markdown, serviceIds == null ? List.of() : serviceIds, matchers);
		try {
			editor.update(runbook.id(), draft(form));
			redirect.addFlashAttribute("notice", "Saved the runbook.");
			return "redirect:/runbooks/" + runbook.id();
		}
		catch (ErrorResponseException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("formErrors", errors(e));
			return form(runbook, form, model);
		}
	}

	@PostMapping("/runbooks/{id}/reviewed")
	@PreAuthorize("hasRole('RESPONDER')")
	String reviewed(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user, RedirectAttributes redirect) {
		var runbook = find(id);
		editor.reviewed(runbook.id(), user.id());
		redirect.addFlashAttribute("notice", "Recorded your review: the runbook holds as of now.");
		return "redirect:/runbooks/" + runbook.id();
	}

	@PostMapping("/runbooks/{id}/delete")
	@PreAuthorize("hasRole('ADMIN')")
	String delete(@PathVariable String id, RedirectAttributes redirect) {
		var runbook = find(id);
		editor.delete(runbook.id());
		redirect.addFlashAttribute("notice", "Deleted the runbook '" + runbook.title() + "'.");
		return "redirect:/runbooks";
	}

	private String form(Runbook runbook, Form form, Model model) {
		model.addAttribute("runbook", runbook);
		model.addAttribute("form", form);
		model.addAttribute("services", catalog.allServices());
		model.addAttribute("sections", String.join(", ", RunbookMarkdown.SECTIONS.keySet()));
		model.addAttribute("synonyms", RunbookMarkdown.SECTIONS);
		return "catalog/runbook-form";
	}

	private Runbook find(String id) {
		var uuid = PageProblems.uuid(id);
		return (uuid == null ? java.util.Optional.<Runbook>empty() : runbooks.find(uuid)).orElseThrow(
				() -> new PageProblems.NotFound("No such runbook", "There is no runbook " + id + "; the list has them all."));
	}

	private List<RunbookRow> rows(List<Runbook> found) {
		var serviceIds = found.stream().flatMap(r -> r.serviceIds().stream()).collect(Collectors.toSet());
		var services = catalog.services(serviceIds);
		var reviewers = accounts.findAll(found.stream().map(Runbook::lastReviewedBy).filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet()));
		return found.stream().map(runbook -> new RunbookRow(runbook,
				runbook.serviceIds().stream().map(services::get).filter(java.util.Objects::nonNull).toList(),
				runbook.matchers().stream().map(RunbookMatcher::toString).collect(Collectors.joining(", ")),
				DAY.format(runbook.lastReviewedAt()),
				runbook.lastReviewedBy() == null ? "the platform"
						: java.util.Optional.ofNullable(reviewers.get(runbook.lastReviewedBy())).map(Account::displayName)
							.orElse("a removed account")))
			.toList();
	}

	/** The matchers of the form, one {@code field=value} a line; a line without {@code =} is left for the editor to refuse. */
	private static RunbookEditor.Draft draft(Form form) {
		var matchers = new ArrayList<RunbookMatcher>();
		for (var line : form.matchers().split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			var at = line.indexOf('=');
			matchers.add(at < 0 ? new RunbookMatcher(line.strip(), "") : new RunbookMatcher(line.substring(0, at).strip(),
					line.substring(at + 1).strip()));
		}
		return new RunbookEditor.Draft(form.title(), form.markdown(), form.serviceIds(), matchers);
	}

	@SuppressWarnings("unchecked")
	private static List<String> errors(ErrorResponseException e) {
		var errors = e.getBody().getProperties() == null ? null : e.getBody().getProperties().get("errors");
		if (errors instanceof List<?> list && !list.isEmpty()) {
			return ((List<Object>) list).stream().map(error -> error instanceof dev.firebreak.platform.Problems.FieldProblem p
					? p.detail() : String.valueOf(error)).toList();
		}
		return List.of(PageProblems.detail(e));
	}
}
