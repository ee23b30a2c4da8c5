package dev.firebreak.escalation.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import dev.firebreak.catalog.Catalog;
import dev.firebreak.catalog.Service;
import dev.firebreak.escalation.EscalationLevel;
import dev.firebreak.escalation.EscalationPolicy;
import dev.firebreak.escalation.EscalationTarget;
import dev.firebreak.identity.AdminOnly;
import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.notification.Notifications;
import dev.firebreak.oncall.OnCall;
import dev.firebreak.platform.PageProblems;

/**
 * Escalation policies in the browser: the list, and one form to write or change a policy. The form
 * works without JavaScript: each level is a row (wait minutes, targets), and "add a level" posts
 * the form back with one more empty row.
 */
@Controller
class PolicyPages {

	static final String LIST_VIEW = "escalation/policies";

	static final String FORM_VIEW = "escalation/policy";

	private final PolicyStore store;

	private final PolicyEditor editor;

	private final Accounts accounts;

	private final OnCall onCall;

	private final Catalog catalog;

	private final Notifications notifications;

	PolicyPages(PolicyStore store, PolicyEditor editor, Accounts accounts, OnCall onCall, Catalog catalog,
			Notifications notifications) {
		this.store = store;
		this.editor = editor;
		this.accounts = accounts;
		this.onCall = onCall;
		this.catalog = catalog;
		this.notifications = notifications;
	}

	@ModelAttribute
	void common(@AuthenticationPrincipal FirebreakUser user, Model model) {
		model.addAttribute("isAdmin", user != null && user.isAdmin());
	}

	@GetMapping("/escalation-policies")
	String list(Model model) {
		var names = targetNames();
		var services = catalog.allServices().stream().collect(java.util.stream.Collectors.toMap(Service::id, Service::name));
		model.addAttribute("rows", store.all().stream().map(policy -> new Row(policy,
				policy.levels().stream().map(level -> describe(level, names)).toList(),
				String.join(", ", policy.serviceIds().stream().map(id -> services.getOrDefault(id, "?")).toList()))).toList());
		return LIST_VIEW;
	}

	@GetMapping("/escalation-policies/new")
	@AdminOnly
	String create(Model model) {
		return form(new Form(null, "", "", "0", List.of(new LevelRow("", List.of())), List.of()), null, model);
	}

	@GetMapping("/escalation-policies/{id}")
	String edit(@PathVariable UUID id, Model model) {
		var policy = editor.get(id);
		var levels = policy.levels().stream().map(level -> new LevelRow(
				level.delay() == null ? "" : String.valueOf(level.delay().toMinutes()),
				level.targets().stream().map(t -> t.type() + ":" + t.id()).toList())).toList();
		return form(new Form(id, policy.name(), policy.description(), String.valueOf(policy.repeat()), levels,
				policy.serviceIds().stream().map(UUID::toString).toList()), null, model);
	}

	@PostMapping("/escalation-policies")
	@AdminOnly
	String save(HttpServletRequest request, HttpServletResponse response, Model model) {
		var form = Form.from(request);
		if (request.getParameter("add_level") != null) {
			var levels = new ArrayList<>(form.levels());
			levels.add(new LevelRow("", List.of()));
			return form(new Form(form.id(), form.name(), form.description(), form.repeat(), levels, form.serviceIds()), null, model);
		}
		try {
			var draft = form.draft();
			var saved = form.id() == null ? editor.create(draft) : editor.update(form.id(), draft);
			return "redirect:/escalation-policies/" + saved.id() + "?saved";
		}
		catch (ErrorResponseException e) {
			response.setStatus(422);
			return form(form, PageProblems.detail(e), model);
		}
		catch (IllegalArgumentException e) {
			response.setStatus(422);
			return form(form, e.getMessage(), model);
		}
	}

	@PostMapping("/escalation-policies/{id}/delete")
	@AdminOnly
	String delete(@PathVariable UUID id) {
		editor.delete(id);
		return "redirect:/escalation-policies";
	}

	private String form(Form form, String error, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		model.addAttribute("targets", targetNames());
		model.addAttribute("services", catalog.allServices());
		return FORM_VIEW;
	}

	/** Every target a level may name, "type:id" → a label, grouped by kind in this order. */
	private Map<String, String> targetNames() {
		var names = new LinkedHashMap<String, String>();
		onCall.schedules().forEach(s -> names.put("schedule:" + s.id(), "On call on " + s.name()));
		catalog.allServices().stream().map(Service::ownerTeamId).distinct().filter(java.util.Objects::nonNull)
			.map(catalog::team).flatMap(java.util.Optional::stream)
			.forEach(t -> names.put("team:" + t.id(), "Team " + t.name()));
		accounts.all().forEach(a -> names.put("person:" + a.id(), a.displayName()));
		notifications.channels().forEach(c -> names.put("channel:" + c.id(), "Channel " + c.name()));
		return names;
	}

	private static String describe(EscalationLevel level, Map<String, String> names) {
		var who = level.targets().stream().map(t -> names.getOrDefault(t.type() + ":" + t.id(), t.type() + " (gone)")).toList();
		return String.join(", ", who) + (level.delay() == null ? " · waits the severity's ack target"
				: " · waits " + level.delay().toMinutes() + " min");
	}

	record Row(EscalationPolicy policy, List<String> levels, String services) {
	}

	/** @param minutes as typed; empty: the severity's ack target */
	record LevelRow(String minutes, List<String> targets) {
	}

	record Form(UUID id, String name, String description, String repeat, List<LevelRow> levels, List<String> serviceIds) {

		static Form from(HttpServletRequest request) {
			var id = blank(request.getParameter("id")) ? null : policyId(request.getParameter("id"));
			var levels = new ArrayList<LevelRow>();
			for (int i = 0; request.getParameter("level" + i + "_present") != null; i++) {
				var minutes = request.getParameter("level" + i + "_minutes");
				var targets = request.getParameterValues("level" + i + "_targets");
				if (request.getParameter("remove_level" + i) != null) {
					continue;
				}
				levels.add(new LevelRow(minutes == null ? "" : minutes,
						targets == null ? List.of() : Arrays.asList(targets)));
			}
			var repeat = request.getParameter("repeat");
			var services = request.getParameterValues("service_ids");
			return new Form(id, request.getParameter("name"), request.getParameter("description"),
					repeat == null ? "" : repeat, levels,
					services == null ? List.of() : Arrays.asList(services));
		}

		PolicyEditor.Draft draft() {
			var levels = new ArrayList<EscalationLevel>();
			for (int i = 0; i < this.levels.size(); i++) {
				var row = this.levels.get(i);
				var level = i;
				levels.add(new EscalationLevel(blank(row.minutes()) ? null : Duration.ofMinutes(parseMinutes(row.minutes(), i)),
						row.targets().stream().map(value -> target(value, level)).toList()));
			}
			return new PolicyEditor.Draft(name, description, blank(repeat) ? 0 : parseRepeat(repeat), levels,
					serviceIds.stream().map(Form::service).toList());
		}

		// the values come from the form's own lists; anything else was typed by hand, and the
		// parsers' messages ("No enum constant dev.firebreak…") mean nothing to the person reading them
		private static EscalationTarget target(String value, int level) {
			var parts = value.split(":", 2);
			try {
				return new EscalationTarget(EscalationTarget.Type.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT)),
						UUID.fromString(parts[1]));
			}
			catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
				throw new IllegalArgumentException("Level " + (level + 1) + ": '" + value
						+ "' is not someone or something to page; choose the targets from the list");
			}
		}

		/** The form's hidden id, which only a hand-made post gets wrong: no such policy, not a failure. */
		private static UUID policyId(String value) {
			try {
				return UUID.fromString(value);
			}
			catch (IllegalArgumentException e) {
				throw dev.firebreak.platform.Problems.notFound("No escalation policy '" + value + "'");
			}
		}

		private static UUID service(String value) {
			try {
				return UUID.fromString(value);
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("'" + value + "' is not a service; choose the services from the list");
			}
		}

		private static int parseRepeat(String value) {
			try {
				return Integer.parseInt(value.trim());
			}
			catch (NumberFormatException e) {
				throw new IllegalArgumentException("Repeat is a whole number of times, 0 to run the levels once");
			}
		}

		private static long parseMinutes(String value, int level) {
			try {
				return Long.parseLong(value.trim());
			}
			catch (NumberFormatException e) {
				throw new IllegalArgumentException("Level " + (level + 1) + ": the wait is a whole number of minutes, or empty for the severity's ack target");
			}
		}

		private static boolean blank(String value) {
			return value == null || value.isBlank();
		}
	}

}
