package dev.firebreak.alerting.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.firebreak.platform.PageProblems;
import dev.firebreak.alerting.Alert;
import dev.firebreak.alerting.AlertStatus;
import dev.firebreak.catalog.Catalog;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.identity.Role;
import dev.firebreak.platform.Page;

/**
 * The browser pages of alerts: the list, filtered by status and service, and one alert with the
 * payload its tool sent. Acknowledge and Resolve are plain form posts answered with a redirect,
 * through the same audited path as the API. (Which incident an alert joined is not shown: the
 * incident module knows it and depends on this one, so asking it from here would be a cycle.)
 */
@Controller
class AlertPages {

	static final String LIST_VIEW = "alerting/alerts";

	static final String ALERT_VIEW = "alerting/alert";

	static final int PAGE_SIZE = 50;

	/** A payload longer than this is cut on the page (the API gives it whole): a page must stay readable. */
	static final int PAYLOAD_SHOWN_MAX = 100_000;

	static final String OPEN = "open";

	private static final String ALL = "all";

	private final AlertStore alerts;

	private final AlertIngest ingest;

	private final IntegrationStore integrations;

	private final Catalog catalog;

	private final JsonMapper json;

	AlertPages(AlertStore alerts, AlertIngest ingest, IntegrationStore integrations, Catalog catalog, JsonMapper json) {
		this.alerts = alerts;
		this.ingest = ingest;
		this.integrations = integrations;
		this.catalog = catalog;
		this.json = json;
	}

	@ModelAttribute
	void common(@AuthenticationPrincipal FirebreakUser user, Model model) {
		model.addAttribute("times", new AlertPageModels.Times(user == null ? null : user.account().timeZone()));
		model.addAttribute("canRespond", user != null && user.role() != Role.VIEWER);
	}

	@GetMapping("/alerts")
	String list(@RequestParam(defaultValue = OPEN) String status, @RequestParam(defaultValue = "") String service,
			@RequestParam(required = false) Integer page, Model model) {
		var notices = new ArrayList<String>();
		var shown = status.isBlank() ? OPEN : status.strip();
		Set<AlertStatus> statuses;
		if (OPEN.equals(shown)) {
			statuses = Set.of(AlertStatus.TRIGGERED, AlertStatus.ACKNOWLEDGED);
		}
		else if (ALL.equals(shown)) {
			statuses = Set.of();
		}
		else if (status(shown) != null) {
			statuses = Set.of(status(shown));
		}
		else {
			notices.add("'" + status + "' is not an alert status (triggered, acknowledged or resolved); showing open alerts.");
			shown = OPEN;
			statuses = Set.of(AlertStatus.TRIGGERED, AlertStatus.ACKNOWLEDGED);
		}
		UUID serviceId = null;
		if (!service.isBlank()) {
			serviceId = PageProblems.uuid(service.strip());
			if (serviceId == null || catalog.service(serviceId).isEmpty()) {
				notices.add("There is no service '" + service + "'; showing alerts of every service.");
				serviceId = null;
			}
		}
		var request = Page.Request.of(page, PAGE_SIZE);
		var found = alerts.list(statuses, serviceId, null, request);
		var names = serviceNames(found.items().stream().map(Alert::serviceId).toList());
		model.addAttribute("rows", found.items().stream()
			.map(alert -> new AlertPageModels.AlertRow(alert, names.getOrDefault(alert.serviceId(), "a removed service")))
			.toList());
		model.addAttribute("total", found.total());
		model.addAttribute("status", shown);
		model.addAttribute("statuses", AlertStatus.values());
		model.addAttribute("service", serviceId);
		model.addAttribute("services", catalog.allServices());
		model.addAttribute("page", request.page());
		model.addAttribute("hasNext", request.offset() + found.items().size() < found.total());
		model.addAttribute("notices", notices);
		return LIST_VIEW;
	}

	@GetMapping("/alerts/{id}")
	String alert(@PathVariable String id, Model model) {
		var alert = find(id);
		var service = catalog.service(alert.serviceId());
		model.addAttribute("alert", alert);
		model.addAttribute("serviceName", service.map(s -> s.name()).orElse("a removed service"));
		model.addAttribute("serviceExists", service.isPresent());
		model.addAttribute("integration", integrations.find(alert.integrationId()).orElse(null));
		var payload = pretty(alerts.payload(alert.id()).orElse(null));
		model.addAttribute("payloadCut", payload != null && payload.length() > PAYLOAD_SHOWN_MAX);
		model.addAttribute("payload", payload == null || payload.length() <= PAYLOAD_SHOWN_MAX ? payload
				: payload.substring(0, PAYLOAD_SHOWN_MAX));
		return ALERT_VIEW;
	}

	/** Someone is on it. Already acknowledged or resolved: nothing changes, and the page says why. */
	@PostMapping("/alerts/{id}/acknowledge")
	String acknowledge(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user,
			RedirectAttributes redirect) {
		var alert = find(id);
		if (ingest.acknowledge(alert.id())) {
			redirect.addFlashAttribute("notice", "Acknowledged: everyone can see that someone is on it.");
		}
		else {
			var now = alerts.find(alert.id()).orElse(alert);
			var times = new AlertPageModels.Times(user.account().timeZone());
			redirect.addFlashAttribute("problem", switch (now.status()) {
				case ACKNOWLEDGED -> "It was already acknowledged, at " + times.format(now.acknowledgedAt()) + ". Nothing changed.";
				case RESOLVED -> "It is already resolved (" + times.format(now.resolvedAt()) + "): there is nothing to acknowledge.";
				case TRIGGERED -> "It could not be acknowledged just now; try again.";
			});
		}
		return "redirect:/alerts/" + alert.id();
	}

	@PostMapping("/alerts/{id}/resolve")
	String resolve(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user, RedirectAttributes redirect) {
		var alert = find(id);
		if (ingest.resolve(alert.id())) {
			redirect.addFlashAttribute("notice",
					"Resolved. If the tool reports the same problem again, it opens a new alert.");
		}
		else {
			var now = alerts.find(alert.id()).orElse(alert);
			redirect.addFlashAttribute("problem", now.status() == AlertStatus.RESOLVED
					? "It was already resolved, at " + new AlertPageModels.Times(user.account().timeZone())
						.format(now.resolvedAt()) + ". Nothing changed."
					: "It could not be resolved just now; try again.");
		}
		return "redirect:/alerts/" + alert.id();
	}

	private Alert find(String id) {
		var uuid = PageProblems.uuid(id);
		return (uuid == null ? Optional.<Alert>empty() : alerts.find(uuid))
			.orElseThrow(() -> new PageProblems.NotFound("Alert not found",
					"There is no alert " + id + ". The list of alerts shows the ones there are."));
	}

	private Map<UUID, String> serviceNames(List<UUID> ids) {
		var names = new HashMap<UUID, String>();
		catalog.services(new HashSet<>(ids)).forEach((id, service) -> names.put(id, service.name()));
		return names;
	}

	/** The payload indented for reading; as stored when it is not JSON. */
	private String pretty(String payload) {
		if (payload == null || payload.isBlank() || "null".equals(payload.strip())) {
			return null;
		}
		try {
			return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(payload));
		}
		catch (JacksonException e) {
			return payload;
		}
	}

	private static AlertStatus status(String name) {
		for (var status : AlertStatus.values()) {
			if (status.toString().equals(name)) {
				return status;
			}
		}
		return null;
	}
}
