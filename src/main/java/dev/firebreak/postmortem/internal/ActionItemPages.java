package dev.firebreak.postmortem.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.firebreak.catalog.Catalog;
import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.identity.Role;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.PageProblems;
import dev.firebreak.postmortem.ActionItem;

/**
 * Action items in the browser: {@code /action-items} (mine, my teams', everyone's overdue) and an
 * incident's items with its day-30 review ({@code /incidents/INC-42/action-items}). The forms go
 * through the same checked, audited code as the API and answer with a redirect and a message.
 */
@Controller
class ActionItemPages extends PageProblems {

	static final String LIST_VIEW = "postmortem/action-items";

	static final String INCIDENT_VIEW = "postmortem/action-items-incident";

	private final ActionItemService items;

	private final ActionItemReview reviews;

	private final Incidents incidents;

	private final Accounts accounts;

	private final Catalog catalog;

	ActionItemPages(ActionItemService items, ActionItemReview reviews, Incidents incidents, Accounts accounts,
			Catalog catalog) {
		super("/action-items", "Back to action items");
		this.items = items;
		this.reviews = reviews;
		this.incidents = incidents;
		this.accounts = accounts;
		this.catalog = catalog;
	}

	/** One item as a row of a table. */
	record Row(ActionItem item, String owner) {
	}

	/** A team's open items. */
	record TeamSection(UUID id, String name, List<Row> rows) {
	}

	@GetMapping("/action-items")
	String list(@AuthenticationPrincipal FirebreakUser user, Model model) {
		var mine = items.list(user.id(), null, ActionItemStore.State.OPEN, user, all()).items();
		var teams = catalog.teamsOf(user.id()).stream()
			.map(team -> new TeamSection(team.id(), team.name(),
					rows(items.list(null, team.id(), ActionItemStore.State.OPEN, user, all()).items())))
			.toList();
		var overdue = items.list(null, null, ActionItemStore.State.OVERDUE, user, all()).items();
		model.addAttribute("mine", rows(mine));
		model.addAttribute("teams", teams);
		model.addAttribute("overdue", rows(overdue));
		model.addAttribute("today", items.today());
		return LIST_VIEW;
	}

	@GetMapping("/incidents/{id}/action-items")
	String ofIncident(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user, Model model) {
		var incident = incidents.visible(id, user);
		model.addAttribute("incident", incident);
		model.addAttribute("rows", rows(items.of(incident.number())));
		model.addAttribute("review", reviews.of(incident));
		model.addAttribute("canChange", user.role() != Role.VIEWER);
		model.addAttribute("owners", accounts.all().stream().filter(a -> a.role() != Role.VIEWER).toList());
		model.addAttribute("today", items.today());
		model.addAttribute("example", ActionItemDefinitionOfDone.EXAMPLE);
		return INCIDENT_VIEW;
	}

	@PostMapping("/incidents/{id}/action-items")
	@PreAuthorize("hasRole('RESPONDER')")
	String create(@PathVariable String id, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal FirebreakUser user, RedirectAttributes redirect) {
		var incident = incidents.visible(id, user);
		return act(incident.id(), redirect, () -> {
			var input = new ActionItemInput(form.get("title"), form.get("owner_id"), form.get("due_on"),
					form.get("priority"), form.get("definition_of_done"));
			return "Added \"" + items.create(incident, input, user.id()).title() + "\".";
		}, form);
	}

	@PostMapping("/action-items/{itemId}/complete")
	@PreAuthorize("hasRole('RESPONDER')")
	String complete(@PathVariable UUID itemId, @RequestParam(defaultValue = "") String evidence,
			@AuthenticationPrincipal FirebreakUser user, RedirectAttributes redirect) {
		var item = items.visible(itemId, user);
		return act(item.incident(), redirect, () -> "Marked \"" + items.complete(itemId, evidence, user).title()
				+ "\" done.", Map.of());
	}

	@PostMapping("/incidents/{id}/action-review")
	@PreAuthorize("hasRole('RESPONDER')")
	String hold(@PathVariable String id, @RequestParam(defaultValue = "") String notes,
			@AuthenticationPrincipal FirebreakUser user, RedirectAttributes redirect) {
		var incident = incidents.visible(id, user);
		return act(incident.id(), redirect, () -> {
			var review = reviews.hold(incident, notes, user.id());
			return "Recorded the action-item review with " + review.total() + " open items.";
		}, Map.of());
	}

	private String act(String incident, RedirectAttributes redirect, Supplier<String> change, Map<String, String> form) {
		try {
			redirect.addFlashAttribute("notice", change.get());
		}
		catch (ErrorResponseException e) {
			redirect.addFlashAttribute("formError", PageProblems.detail(e));
			redirect.addFlashAttribute("form", form);
		}
		return "redirect:/incidents/" + incident + "/action-items";
	}

	private List<Row> rows(List<ActionItem> list) {
		var ids = new HashSet<UUID>();
		list.forEach(item -> ids.add(item.ownerId()));
		var names = accounts.findAll(ids);
		var rows = new ArrayList<Row>();
		for (var item : list) {
			var owner = names.get(item.ownerId());
			rows.add(new Row(item, owner == null ? "a removed account" : owner.displayName()));
		}
		return rows;
	}

	private static dev.firebreak.platform.Page.Request all() {
		return new dev.firebreak.platform.Page.Request(0, dev.firebreak.platform.Page.MAX_SIZE);
	}

}
