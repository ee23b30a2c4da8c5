package dev.firebreak.notification.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;

import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.identity.Role;
import dev.firebreak.notification.ContactType;
import dev.firebreak.notification.Urgency;
import dev.firebreak.platform.PageProblems;

/**
 * The signed-in person's own notification settings ({@code /me/notifications}): contact methods
 * (add, verify with the code, send a test, remove) and rules per urgency; and the delivery log
 * of an incident as a fragment the incident page loads. Plain forms answered with a redirect.
 */
@Controller
class NotificationPages extends PageProblems {

	static final String VIEW = "notification/me";

	static final String DELIVERIES_FRAGMENT = "notification/partials/deliveries :: deliveries";

	static final String HOME = "/me/notifications";

	private final ContactMethods methods;

	private final DeliveryLog log;

	NotificationPages(ContactMethods methods, DeliveryLog log) {
		super("/me/notifications", "Back to your notifications");
		this.methods = methods;
		this.log = log;
	}

	@GetMapping(HOME)
	String mine(@AuthenticationPrincipal FirebreakUser user, Model model) {
		show(user, model);
		return VIEW;
	}

	@PostMapping(HOME + "/contact-methods")
	String add(@RequestParam(required = false) ContactType type, @RequestParam(defaultValue = "") String address,
			@RequestParam(defaultValue = "") String label, @AuthenticationPrincipal FirebreakUser user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(user, model, redirect, response, () -> {
			var created = methods.create(user.id(), type, address, label);
			var notice = "Sent a verification code to " + created.method().address() + ": enter it below.";
			return created.secret() == null ? notice
					: notice + " The webhook's signing secret, shown this once: " + created.secret();
		});
	}

	@PostMapping(HOME + "/contact-methods/{id}/verify")
	String verify(@PathVariable UUID id, @RequestParam(defaultValue = "") String code,
			@AuthenticationPrincipal FirebreakUser user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return act(user, model, redirect, response,
				() -> "Verified " + methods.verify(user.id(), id, code).label() + ": pages can reach you there now.");
	}

	@PostMapping(HOME + "/contact-methods/{id}/code")
	String newCode(@PathVariable UUID id, @AuthenticationPrincipal FirebreakUser user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(user, model, redirect, response,
				() -> "Sent a new code to " + methods.newCode(user.id(), id).address() + ".");
	}

	@PostMapping(HOME + "/contact-methods/{id}/test")
	String test(@PathVariable UUID id, @AuthenticationPrincipal FirebreakUser user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(user, model, redirect, response, () -> {
			var row = methods.test(user.id(), id);
			return "Test message " + row.status() + (row.providerAnswer() == null ? "" : ": " + row.providerAnswer());
		});
	}

	@PostMapping(HOME + "/contact-methods/{id}/delete")
	String delete(@PathVariable UUID id, @AuthenticationPrincipal FirebreakUser user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(user, model, redirect, response, () -> {
			methods.delete(user.id(), id);
			return "Removed the contact method and its rules.";
		});
	}

	@PostMapping(HOME + "/rules")
	String addRule(@RequestParam(required = false) Urgency urgency,
			@RequestParam(name = "contact_method_id", required = false) UUID methodId,
			@RequestParam(name = "delay_minutes", required = false) Integer delayMinutes,
			@AuthenticationPrincipal FirebreakUser user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return act(user, model, redirect, response, () -> {
			var rule = methods.addRule(user.id(), urgency, methodId, delayMinutes);
			return "Added: " + rule.urgency() + " urgency, after " + rule.delayMinutes() + " min.";
		});
	}

	@PostMapping(HOME + "/rules/{id}/delete")
	String deleteRule(@PathVariable UUID id, @AuthenticationPrincipal FirebreakUser user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(user, model, redirect, response, () -> {
			methods.deleteRule(user.id(), id);
			return "Removed the rule.";
		});
	}

	/** The incident's delivery log, for the incident page to load with htmx. */
	@GetMapping("/incidents/{id}/notifications")
	String deliveries(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user, Model model) {
		model.addAttribute("deliveries", log.ofIncident(id, user));
		model.addAttribute("utc", Utc.INSTANCE);
		return DELIVERIES_FRAGMENT;
	}

	private String act(FirebreakUser user, Model model, RedirectAttributes redirect, HttpServletResponse response,
			Supplier<String> change) {
		try {
			redirect.addFlashAttribute("notice", change.get());
			return "redirect:" + HOME;
		}
		catch (ErrorResponseException e) {
			response.setStatus(e.getStatusCode().value());
			model.addAttribute("error", PageProblems.detail(e));
			show(user, model);
			return VIEW;
		}
	}

	private void show(FirebreakUser user, Model model) {
		var mine = methods.of(user.id());
		var byId = new HashMap<UUID, ContactMethod>();
		mine.forEach(m -> byId.put(m.id(), m));
		var rules = new LinkedHashMap<Urgency, List<RuleRow>>();
		for (var urgency : Urgency.values()) {
			rules.put(urgency, new ArrayList<>());
		}
		methods.rules(user.id()).forEach(rule -> rules.get(rule.urgency()).add(new RuleRow(rule, byId.get(rule.contactMethodId()))));
		model.addAttribute("methods", mine);
		model.addAttribute("rules", rules);
		model.addAttribute("types", ContactType.values());
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("canChange", user.role() != Role.VIEWER);
		model.addAttribute("utc", Utc.INSTANCE);
	}

	record RuleRow(NotificationRule rule, ContactMethod method) {

		public String describe() {
			return method == null ? "a removed contact method" : method.label() + " (" + method.type() + ")";
		}
	}

	/** Times as the pages show them. */
	enum Utc {

		INSTANCE;

		private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
			.withZone(ZoneOffset.UTC);

		public String format(Instant instant) {
			return instant == null ? "" : FORMAT.format(instant);
		}
	}

}
