package dev.firebreak.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.alerting.Alert;
import dev.firebreak.alerting.Alerts;
import dev.firebreak.catalog.Catalog;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.incident.Incidents;
import dev.firebreak.notification.PageRecord;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Problems;

/**
 * The runbook gaps: which services and alert classes paged people without a runbook recently, most
 * pages first — the list to write runbooks from. It lives with the pages it counts (the catalog
 * cannot read them: notification depends on the catalog, not the other way round).
 */
@RestController
class RunbookGapsController {

	/** The fields that name an alert's class, most telling first: Alertmanager/Grafana, then Events v2. */
	private static final List<String> CLASS_FIELDS = List.of("alertname", "class", "component");

	private final DeliveryStore pages;

	private final Alerts alerts;

	private final Incidents incidents;

	private final Catalog catalog;

	private final Clock clock;

	/** The longest look back a request may ask for: each one reads every page of its period. */
	private final Duration maxRange;

	RunbookGapsController(DeliveryStore pages, Alerts alerts, Incidents incidents, Catalog catalog, Clock clock,
			@Value("${firebreak.catalog.runbook-gaps-max-range}") Duration maxRange) {
		this.maxRange = maxRange;
		this.pages = pages;
		this.alerts = alerts;
		this.incidents = incidents;
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * @param alertClass the alert's {@code alertname} (Alertmanager, Grafana) or {@code class} or
	 *        {@code component} (Events v2); null for an incident declared without alerts or an alert without one,
	 *        and for the alerts of a private incident the viewer may not see (its pages still count, under its services)
	 * @param pages how many pages (one per person and escalation step) went out without a runbook
	 */
	record Gap(UUID serviceId, String serviceName, String alertClass, long pages, Instant lastPagedAt) {
	}

	private record Key(UUID serviceId, String alertClass) {
	}

	@GetMapping("/api/v1/runbooks/gaps")
	Page<Gap> gaps(@RequestParam(defaultValue = "30") int days, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal FirebreakUser viewer) {
		if (days < 1 || Duration.ofDays(days).compareTo(maxRange) > 0) {
			throw Problems.invalid("/days", "days must be between 1 and " + maxRange.toDays()
					+ " (firebreak.catalog.runbook-gaps-max-range)");
		}
		var request = Page.Request.of(page, size);
		var now = clock.instant();
		var counts = new LinkedHashMap<Key, long[]>();
		var last = new HashMap<Key, Instant>();
		var subjects = new HashMap<String, List<Key>>();
		// the end is exclusive and PostgreSQL keeps microseconds: a second past now takes in a page accepted just now
		for (var paged : pages.pages(now.minus(Duration.ofDays(days)), now.plusSeconds(1))) {
			if (paged.runbookId() != null) {
				continue;
			}
			for (var key : subjects.computeIfAbsent(paged.subject().key(), k -> keys(paged, viewer))) {
				counts.computeIfAbsent(key, k -> new long[1])[0]++;
				last.merge(key, paged.at(), (a, b) -> a.isAfter(b) ? a : b);
			}
		}
		var names = catalog.services(counts.keySet().stream().map(Key::serviceId).toList());
		var gaps = new ArrayList<Gap>();
		counts.forEach((key, count) -> gaps.add(new Gap(key.serviceId(),
				names.containsKey(key.serviceId()) ? names.get(key.serviceId()).name() : null, key.alertClass(), count[0],
				last.get(key))));
		gaps.sort(Comparator.comparingLong(Gap::pages).reversed().thenComparing(Gap::lastPagedAt, Comparator.reverseOrder()));
		return Page.of(gaps, request);
	}

	/** What a page was about: its alert's service and class, an incident's alerts', or the incident's services. */
	private List<Key> keys(PageRecord paged, FirebreakUser viewer) {
		if (paged.subject().alertId() != null) {
			return alerts.find(paged.subject().alertId()).map(alert -> List.of(key(alert))).orElse(List.of());
		}
		var number = paged.subject().incidentNumber();
		var incident = incidents.find(number);
		var hidden = incident.isPresent() && incident.get().isPrivate()
				&& (viewer == null || incidents.find(number, viewer).isEmpty());
		if (hidden) {
			// its alerts' names may tell what the private incident is about; its services and count do not
			return incident.get().affectedServiceIds().stream().map(service -> new Key(service, null)).toList();
		}
		var incidentAlerts = incidents.alerts(number);
		if (!incidentAlerts.isEmpty()) {
			return incidentAlerts.stream().map(this::key).distinct().toList();
		}
		return incident.map(found -> found.affectedServiceIds().stream().map(service -> new Key(service, null)).toList())
			.orElse(List.of());
	}

	private Key key(Alert alert) {
		Map<String, String> fields = alerts.matchFields(alert.id());
		var alertClass = CLASS_FIELDS.stream().map(fields::get).filter(value -> value != null && !value.isBlank())
			.findFirst().orElse(null);
		return new Key(alert.serviceId(), alertClass);
	}
}
