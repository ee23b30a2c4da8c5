package dev.firebreak.statuspage.internal;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.identity.Role;
import dev.firebreak.platform.PageProblems;
import dev.firebreak.platform.Problems;

/**
 * Scheduled maintenance in the browser: upcoming, active and completed windows, planning one,
 * changing it while it is scheduled, moving it on by hand, posting an update and cancelling it.
 * Responders; every form goes through {@link Maintenances}, as the JSON API does.
 */
@Controller
class MaintenancePages {

	static final String LIST_VIEW = "statuspage/admin/maintenances";

	static final String MAINTENANCE_VIEW = "statuspage/admin/maintenance";

	/** How many completed maintenances the list shows. */
	static final int COMPLETED_SHOWN = 20;

	private final Maintenances maintenances;

	private final MaintenanceStore store;

	private final StatusPageStore page;

	MaintenancePages(Maintenances maintenances, MaintenanceStore store, StatusPageStore page) {
		this.maintenances = maintenances;
		this.store = store;
		this.page = page;
	}

	@ModelAttribute
	void common(@AuthenticationPrincipal FirebreakUser user, Model model) {
		model.addAttribute("canRespond", user != null && user.role() != Role.VIEWER);
	}

	@GetMapping("/status-page/maintenances")
	String list(Model model) {
		showList(AdminForms.PlanForm.EMPTY, model);
		return LIST_VIEW;
	}

	@PreAuthorize("hasRole('RESPONDER')")
	@PostMapping("/status-page/maintenances")
	String plan(AdminForms.PlanForm form, @AuthenticationPrincipal FirebreakUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return StatusPageAdminPages.attempt(() -> {
			var planned = maintenances.plan(form.plan(zone()), user.id());
			redirect.addFlashAttribute("notice", "Planned " + planned.name() + "; it is on the public page now.");
			return "redirect:/status-page/maintenances/" + planned.id();
		}, model, response, () -> {
			showList(form, model);
			return LIST_VIEW;
		});
	}

	private void showList(AdminForms.PlanForm form, Model model) {
		var zone = zone();
		var upcoming = store.withStatus(List.of(MaintenanceStatus.SCHEDULED));
		var active = store.withStatus(List.of(MaintenanceStatus.IN_PROGRESS, MaintenanceStatus.VERIFYING));
		var completed = store.recent(COMPLETED_SHOWN).stream().filter(m -> m.status() == MaintenanceStatus.COMPLETED)
			.sorted(Comparator.comparing(Maintenance::scheduledFor).reversed()).toList();
		model.addAttribute("upcoming", upcoming.stream().map(m -> row(m, zone)).toList());
		model.addAttribute("active", active.stream().map(m -> row(m, zone)).toList());
		model.addAttribute("completed", completed.stream().map(m -> row(m, zone)).toList());
		showForm(form, model);
	}

	// ---- one maintenance ----

	@GetMapping("/status-page/maintenances/{id}")
	String maintenance(@PathVariable String id, Model model) {
		var maintenance = find(id);
		showMaintenance(maintenance, AdminForms.PlanForm.of(maintenance, zone()), model);
		return MAINTENANCE_VIEW;
	}

	@PreAuthorize("hasRole('RESPONDER')")
	@PostMapping("/status-page/maintenances/{id}")
	String edit(@PathVariable String id, AdminForms.PlanForm form, @AuthenticationPrincipal FirebreakUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var maintenance = find(id);
		return StatusPageAdminPages.attempt(() -> {
			maintenances.edit(maintenance.id(), form.plan(zone()), user.id());
			redirect.addFlashAttribute("notice", "Saved the changes to " + maintenance.name() + ".");
			return "redirect:/status-page/maintenances/" + maintenance.id();
		}, model, response, () -> {
			showMaintenance(maintenance, form, model);
			return MAINTENANCE_VIEW;
		});
	}

	/** Moves it on by hand: in progress, verifying or completed, with the words the page shows. */
	@PreAuthorize("hasRole('RESPONDER')")
	@PostMapping("/status-page/maintenances/{id}/status")
	String move(@PathVariable String id, AdminForms.MoveForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var maintenance = find(id);
		return StatusPageAdminPages.attempt(() -> {
			var status = MaintenanceStatus.parse(form.status());
			if (status == null) {
				throw Problems.invalid("/status", "choose where the work stands: in progress, verifying or completed");
			}
			var moved = maintenances.move(maintenance.id(), status, form.body());
			redirect.addFlashAttribute("notice", moved.name() + " is " + PublicView.words(moved.status().toString())
				.toLowerCase(java.util.Locale.ROOT) + ".");
			return "redirect:/status-page/maintenances/" + maintenance.id();
		}, model, response, "moveError", () -> {
			model.addAttribute("moveForm", form);
			showMaintenance(maintenance, AdminForms.PlanForm.of(maintenance, zone()), model);
			return MAINTENANCE_VIEW;
		});
	}

	@PreAuthorize("hasRole('RESPONDER')")
	@PostMapping("/status-page/maintenances/{id}/updates")
	String comment(@PathVariable String id, AdminForms.CommentForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var maintenance = find(id);
		return StatusPageAdminPages.attempt(() -> {
			maintenances.comment(maintenance.id(), form.body());
			redirect.addFlashAttribute("notice", "Posted the update on " + maintenance.name() + ".");
			return "redirect:/status-page/maintenances/" + maintenance.id();
		}, model, response, "commentError", () -> {
			model.addAttribute("commentForm", form);
			showMaintenance(maintenance, AdminForms.PlanForm.of(maintenance, zone()), model);
			return MAINTENANCE_VIEW;
		});
	}

	@PreAuthorize("hasRole('RESPONDER')")
	@PostMapping("/status-page/maintenances/{id}/cancel")
	String cancel(@PathVariable String id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var maintenance = find(id);
		return StatusPageAdminPages.attempt(() -> {
			maintenances.cancel(maintenance.id());
			redirect.addFlashAttribute("notice", "Cancelled " + maintenance.name() + "; it left the public page.");
			return "redirect:/status-page/maintenances";
		}, model, response, "cancelError", () -> {
			showMaintenance(maintenance, AdminForms.PlanForm.of(maintenance, zone()), model);
			return MAINTENANCE_VIEW;
		});
	}

	private void showMaintenance(Maintenance maintenance, AdminForms.PlanForm form, Model model) {
		var zone = zone();
		var current = store.get(maintenance.id()).orElse(maintenance);
		model.addAttribute("maintenance", row(current, zone));
		model.addAttribute("updates",
				PublicView.updates(store.updatesOf(List.of(current.id())).getOrDefault(current.id(), List.of()), zone));
		model.addAttribute("nextSteps", List.of(MaintenanceStatus.values()).stream()
			.filter(s -> s.ordinal() > current.status().ordinal())
			.map(s -> new Step(s.toString(), PublicView.words(s.toString()))).toList());
		if (!model.containsAttribute("moveForm")) {
			model.addAttribute("moveForm", AdminForms.MoveForm.EMPTY);
		}
		if (!model.containsAttribute("commentForm")) {
			model.addAttribute("commentForm", AdminForms.CommentForm.EMPTY);
		}
		showForm(form, model);
	}

	private void showForm(AdminForms.PlanForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("components", page.components());
		model.addAttribute("zone", zone().getId());
	}

	/** A status a maintenance may move on to, with its words. */
	record Step(String value, String words) {
	}

	/** A maintenance as the pages show it: times in the page's zone and the names of its components. */
	record Row(Maintenance maintenance, String status, String from, String until, List<String> components) {
	}

	private Row row(Maintenance m, ZoneId zone) {
		var names = page.components().stream().filter(c -> m.componentIds().contains(c.id()))
			.map(PageComponent::name).toList();
		return new Row(m, PublicView.words(m.status().toString()), PublicView.time(m.scheduledFor(), zone),
				PublicView.time(m.scheduledUntil(), zone), names);
	}

	private ZoneId zone() {
		return page.settings().timeZone();
	}

	private Maintenance find(String id) {
		var uuid = PageProblems.uuid(id);
		return (uuid == null ? Optional.<Maintenance>empty() : store.get(uuid))
			.orElseThrow(() -> new PageProblems.NotFound("Maintenance not found",
					"There is no scheduled maintenance " + id + "."));
	}
}
