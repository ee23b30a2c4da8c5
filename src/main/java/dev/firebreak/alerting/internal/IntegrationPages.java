package dev.firebreak.alerting.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.firebreak.alerting.Integration;
import dev.firebreak.alerting.IntegrationType;
import dev.firebreak.catalog.Catalog;
import dev.firebreak.platform.PageProblems;
import dev.firebreak.catalog.Service;
import dev.firebreak.identity.AdminOnly;
import dev.firebreak.identity.FirebreakUser;

/**
 * The services, and each one's integrations with the set-up to copy into a monitoring tool.
 * Everyone sees which integrations exist and how to set them up; only administrators see the
 * routing keys (they are credentials), add integrations and replace keys, through the same
 * audited code as the API.
 *
 * <p>The addresses are under {@code /services/…}: {@code /integrations/**} is the inbound door,
 * open without a session or CSRF token, so no page may live there.
 */
@Controller
class IntegrationPages {

	static final String SERVICES_VIEW = "alerting/services";

	static final String INTEGRATIONS_VIEW = "alerting/integrations";

	private final IntegrationKeys keys;

	private final IntegrationStore store;

	private final Catalog catalog;

	private final HeartbeatStore heartbeats;

	IntegrationPages(IntegrationKeys keys, IntegrationStore store, Catalog catalog, HeartbeatStore heartbeats) {
		this.heartbeats = heartbeats;
		this.keys = keys;
		this.store = store;
		this.catalog = catalog;
	}

	@ModelAttribute
	void common(@AuthenticationPrincipal FirebreakUser user, Model model) {
		model.addAttribute("times", new AlertPageModels.Times(user == null ? null : user.account().timeZone()));
		model.addAttribute("isAdmin", user != null && user.isAdmin());
	}

	@GetMapping("/services")
	String services(Model model) {
		var services = catalog.allServices();
		var teams = new HashMap<UUID, String>();
		services.stream().map(Service::ownerTeamId).filter(Objects::nonNull).distinct()
			.forEach(id -> catalog.team(id).ifPresent(team -> teams.put(id, team.name())));
		model.addAttribute("rows", services.stream()
			.sorted(Comparator.comparing(service -> service.name().toLowerCase(Locale.ROOT)))
			.map(service -> new AlertPageModels.ServiceRow(service,
					service.ownerTeamId() == null ? "—" : teams.getOrDefault(service.ownerTeamId(), "a removed team")))
			.toList());
		return SERVICES_VIEW;
	}

	@GetMapping("/services/{id}/integrations")
	String integrations(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user, Model model) {
		show(service(id), user, NewIntegrationForm.EMPTY, model);
		return INTEGRATIONS_VIEW;
	}

	@PostMapping("/services/{id}/integrations")
	@AdminOnly
	String create(@PathVariable String id, NewIntegrationForm form, @AuthenticationPrincipal FirebreakUser user,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		var service = service(id);
		var type = form.parsedType();
		String problem;
		if (type == null) {
			problem = "Choose what kind of tool sends to it: one of the types in the list.";
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		else {
			try {
				var integration = keys.create(service.id(), type, form.name());
				redirect.addFlashAttribute("notice",
						"Added " + integration.name() + ". Copy its set-up below into the tool that will send to it.");
				return "redirect:/services/" + service.id() + "/integrations#integration-" + integration.id();
			}
			catch (ErrorResponseException e) {
				problem = PageProblems.detail(e);
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			}
		}
		model.addAttribute("createError", problem);
		show(service, user, form, model);
		return INTEGRATIONS_VIEW;
	}

	/** A new key at once; the old one stops working. Audited by {@link IntegrationKeys#regenerate}. */
	@PostMapping("/services/{id}/integrations/{integrationId}/routing-key")
	@AdminOnly
	String regenerate(@PathVariable String id, @PathVariable String integrationId, RedirectAttributes redirect) {
		var service = service(id);
		var integration = integration(service, integrationId);
		keys.regenerate(integration.id());
		redirect.addFlashAttribute("notice", "New routing key for " + integration.name()
				+ ". The old key stopped working: put the new one into the tool that sends to it.");
		return "redirect:/services/" + service.id() + "/integrations#integration-" + integration.id();
	}

	private void show(Service service, FirebreakUser user, NewIntegrationForm form, Model model) {
		var admin = user.isAdmin();
		var base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString().replaceAll("/+$", "");
		var found = store.forService(service.id());
		// Alertmanager's pagerduty_configs need an Events API v2 key, not the Alertmanager one
		var needsEventsV2Key = admin && found.stream().anyMatch(i -> i.type() == IntegrationType.ALERTMANAGER);
		var eventsV2Key = needsEventsV2Key ? found.stream().filter(i -> i.type() == IntegrationType.EVENTS_V2)
			.findFirst().map(i -> keys.routingKey(i.id())).orElse(null) : null;
		model.addAttribute("service", service);
		model.addAttribute("team", service.ownerTeamId() == null ? null
				: catalog.team(service.ownerTeamId()).map(team -> team.name()).orElse(null));
		model.addAttribute("rows", found.stream().map(integration -> {
			var key = admin ? keys.routingKey(integration.id()) : null;
			return new AlertPageModels.IntegrationRow(integration, key,
					IntegrationSnippets.of(integration.type(), base, key, eventsV2Key),
					integration.type() == IntegrationType.HEARTBEAT ? heartbeats.find(integration.id()).orElse(null) : null);
		}).toList());
		model.addAttribute("types", IntegrationType.values());
		model.addAttribute("form", form);
	}

	private Service service(String id) {
		var uuid = PageProblems.uuid(id);
		return (uuid == null ? Optional.<Service>empty() : catalog.service(uuid))
			.orElseThrow(() -> new PageProblems.NotFound("Service not found",
					"There is no service " + id + ". The list of services shows the ones there are."));
	}

	private Integration integration(Service service, String id) {
		var uuid = PageProblems.uuid(id);
		return (uuid == null ? Optional.<Integration>empty() : store.find(uuid))
			.filter(integration -> integration.serviceId().equals(service.id()))
			.orElseThrow(() -> new PageProblems.NotFound("Integration not found",
					"Service " + service.name() + " has no integration " + id + "."));
	}

	/** The new-integration form as typed: the type stays a string so a wrong one is answered on the form. */
	record NewIntegrationForm(String name, String type) {

		static final NewIntegrationForm EMPTY = new NewIntegrationForm("", IntegrationType.EVENTS_V2.toString());

		IntegrationType parsedType() {
			if (type == null) {
				return null;
			}
			for (var candidate : IntegrationType.values()) {
				if (candidate.toString().equals(type.strip().toLowerCase(Locale.ROOT))) {
					return candidate;
				}
			}
			return null;
		}
	}
}
