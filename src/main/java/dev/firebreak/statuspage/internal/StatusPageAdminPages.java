package dev.firebreak.statuspage.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.firebreak.catalog.Catalog;
import dev.firebreak.identity.AdminOnly;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.identity.Role;
import dev.firebreak.platform.PageProblems;
import dev.firebreak.statuspage.ComponentStatus;

/**
 * The status page's administration in the browser: its settings, groups and components (admins
 * change them, everyone reads them) and a component's status by a person's word (responders). Every
 * form goes through {@link PageEditor}, as the JSON API does, so the rules, the messages and the
 * audit are the same; a refused form comes back with its message and what was typed (422).
 */
@Controller
class StatusPageAdminPages {

	static final String OVERVIEW_VIEW = "statuspage/admin/overview";

	static final String SETTINGS_VIEW = "statuspage/admin/settings";

	static final String GROUP_VIEW = "statuspage/admin/group";

	static final String COMPONENT_VIEW = "statuspage/admin/component";

	private final PageEditor editor;

	private final StatusPageStore store;

	private final Catalog catalog;

	StatusPageAdminPages(PageEditor editor, StatusPageStore store, Catalog catalog) {
		this.editor = editor;
		this.store = store;
		this.catalog = catalog;
	}

	@ModelAttribute
	void common(@AuthenticationPrincipal FirebreakUser user, Model model) {
		model.addAttribute("isAdmin", user != null && user.isAdmin());
		model.addAttribute("canRespond", user != null && user.role() != Role.VIEWER);
	}

	// ---- the overview, with a new group ----

	@GetMapping("/status-page")
	String overview(Model model) {
		showOverview(AdminForms.GroupForm.EMPTY, model);
		return OVERVIEW_VIEW;
	}

	@AdminOnly
	@PostMapping("/status-page/groups")
	String createGroup(AdminForms.GroupForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return attempt(() -> {
			var group = editor.saveGroup(null, form.change());
			redirect.addFlashAttribute("notice", "Created the group " + group.name() + ".");
			return "redirect:/status-page";
		}, model, response, () -> {
			showOverview(form, model);
			return OVERVIEW_VIEW;
		});
	}

	private void showOverview(AdminForms.GroupForm groupForm, Model model) {
		var settings = store.settings();
		var groups = store.groups();
		var components = store.components();
		var services = serviceNames(components.stream().flatMap(c -> c.serviceIds().stream()).toList());
		var rows = components.stream().map(c -> new ComponentRow(c, groups.stream()
			.filter(g -> g.id().equals(c.groupId())).map(Group::name).findFirst().orElse(null),
				c.serviceIds().stream().map(s -> services.getOrDefault(s, "a removed service")).toList()))
			.toList();
		model.addAttribute("settings", settings);
		model.addAttribute("groups", groups.stream()
			.map(g -> new GroupRow(g, (int) components.stream().filter(c -> g.id().equals(c.groupId())).count()))
			.toList());
		model.addAttribute("components", rows);
		model.addAttribute("groupForm", groupForm);
	}

	/** A component on the overview: its group's name (null: none) and the names of the services it maps. */
	record ComponentRow(PageComponent component, String group, List<String> services) {
	}

	record GroupRow(Group group, int components) {
	}

	// ---- settings ----

	@GetMapping("/status-page/settings")
	String settings(Model model) {
		model.addAttribute("form", AdminForms.SettingsForm.of(store.settings()));
		return SETTINGS_VIEW;
	}

	@AdminOnly
	@PostMapping("/status-page/settings")
	String saveSettings(AdminForms.SettingsForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return attempt(() -> {
			editor.saveSettings(form.change());
			redirect.addFlashAttribute("notice", "Saved the page's settings. The public page shows them now.");
			return "redirect:/status-page/settings";
		}, model, response, () -> {
			model.addAttribute("form", form);
			return SETTINGS_VIEW;
		});
	}

	// ---- one group ----

	@GetMapping("/status-page/groups/{id}")
	String group(@PathVariable String id, Model model) {
		var group = group(id);
		showGroup(group, AdminForms.GroupForm.of(group), model);
		return GROUP_VIEW;
	}

	@AdminOnly
	@PostMapping("/status-page/groups/{id}")
	String saveGroup(@PathVariable String id, AdminForms.GroupForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var group = group(id);
		return attempt(() -> {
			var saved = editor.saveGroup(group.id(), form.change());
			redirect.addFlashAttribute("notice", "Saved the group " + saved.name() + ".");
			return "redirect:/status-page";
		}, model, response, () -> {
			showGroup(group, form, model);
			return GROUP_VIEW;
		});
	}

	@AdminOnly
	@PostMapping("/status-page/groups/{id}/delete")
	String deleteGroup(@PathVariable String id, RedirectAttributes redirect) {
		var group = group(id);
		editor.deleteGroup(group.id());
		redirect.addFlashAttribute("notice", "Deleted the group " + group.name() + "; its components are shown without a group.");
		return "redirect:/status-page";
	}

	private void showGroup(Group group, AdminForms.GroupForm form, Model model) {
		model.addAttribute("group", group);
		model.addAttribute("form", form);
		model.addAttribute("members", store.components().stream().filter(c -> group.id().equals(c.groupId())).toList());
	}

	// ---- one component ----

	@GetMapping("/status-page/components/new")
	String newComponent(Model model) {
		showComponent(null, AdminForms.ComponentForm.EMPTY, AdminForms.StatusForm.EMPTY, model);
		return COMPONENT_VIEW;
	}

	@AdminOnly
	@PostMapping("/status-page/components")
	String createComponent(AdminForms.ComponentForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return attempt(() -> {
			var component = editor.saveComponent(null, form.change());
			redirect.addFlashAttribute("notice", "Created the component " + component.name() + ".");
			return "redirect:/status-page/components/" + component.id();
		}, model, response, () -> {
			showComponent(null, form, AdminForms.StatusForm.EMPTY, model);
			return COMPONENT_VIEW;
		});
	}

	@GetMapping("/status-page/components/{id}")
	String component(@PathVariable String id, Model model) {
		var component = component(id);
		showComponent(component, AdminForms.ComponentForm.of(component), AdminForms.StatusForm.EMPTY, model);
		return COMPONENT_VIEW;
	}

	@AdminOnly
	@PostMapping("/status-page/components/{id}")
	String saveComponent(@PathVariable String id, AdminForms.ComponentForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var component = component(id);
		return attempt(() -> {
			var saved = editor.saveComponent(component.id(), form.change());
			redirect.addFlashAttribute("notice", "Saved the component " + saved.name() + ".");
			return "redirect:/status-page/components/" + component.id();
		}, model, response, () -> {
			showComponent(component, form, AdminForms.StatusForm.EMPTY, model);
			return COMPONENT_VIEW;
		});
	}

	@AdminOnly
	@PostMapping("/status-page/components/{id}/delete")
	String deleteComponent(@PathVariable String id, RedirectAttributes redirect) {
		var component = component(id);
		editor.deleteComponent(component.id());
		redirect.addFlashAttribute("notice", "Deleted the component " + component.name() + ".");
		return "redirect:/status-page";
	}

	/** A person's word on what the component shows, or taking it back; responders. */
	@PreAuthorize("hasRole('RESPONDER')")
	@PostMapping("/status-page/components/{id}/status")
	String setStatus(@PathVariable String id, AdminForms.StatusForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var component = component(id);
		return attempt(() -> {
			var saved = editor.setStatus(component.id(), form.word(), form.reason());
			redirect.addFlashAttribute("notice", saved.manualStatus() == null
					? saved.name() + " follows incidents and maintenance again: it shows " + saved.status().words() + "."
					: saved.name() + " shows " + saved.status().words() + " until someone takes it back.");
			return "redirect:/status-page/components/" + component.id();
		}, model, response, "statusError", () -> {
			showComponent(component, AdminForms.ComponentForm.of(component), form, model);
			return COMPONENT_VIEW;
		});
	}

	private void showComponent(PageComponent component, AdminForms.ComponentForm form, AdminForms.StatusForm statusForm,
			Model model) {
		model.addAttribute("component", component);
		model.addAttribute("form", form);
		model.addAttribute("statusForm", statusForm);
		model.addAttribute("groups", store.groups());
		model.addAttribute("services", catalog.allServices());
		model.addAttribute("statuses", ComponentStatus.values());
	}

	// ---- helpers ----

	/** Runs a change; a refusal shows the form again with its message and 422, nothing changed. */
	static String attempt(Supplier<String> change, Model model, HttpServletResponse response, Supplier<String> again) {
		return attempt(change, model, response, "formError", again);
	}

	/** As above, the message under {@code errorAttribute}: the form it belongs to shows it. */
	static String attempt(Supplier<String> change, Model model, HttpServletResponse response, String errorAttribute,
			Supplier<String> again) {
		try {
			return change.get();
		}
		catch (ErrorResponseException e) {
			model.addAttribute(errorAttribute, PageProblems.detail(e));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return again.get();
		}
	}

	private Map<UUID, String> serviceNames(List<UUID> ids) {
		var names = new java.util.HashMap<UUID, String>();
		catalog.services(ids).forEach((id, service) -> names.put(id, service.name()));
		return names;
	}

	private Group group(String id) {
		var uuid = PageProblems.uuid(id);
		return (uuid == null ? java.util.Optional.<Group>empty() : store.group(uuid))
			.orElseThrow(() -> new PageProblems.NotFound("Group not found", "The status page has no group " + id + "."));
	}

	private PageComponent component(String id) {
		var uuid = PageProblems.uuid(id);
		return (uuid == null ? java.util.Optional.<PageComponent>empty() : store.component(uuid))
			.orElseThrow(() -> new PageProblems.NotFound("Component not found",
					"The status page has no component " + id + "."));
	}
}
