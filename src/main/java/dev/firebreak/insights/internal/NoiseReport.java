package dev.firebreak.insights.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.firebreak.alerting.Alert;
import dev.firebreak.alerting.Alerts;
import dev.firebreak.catalog.Catalog;
import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.identity.WorkingHoursBook;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;
import dev.firebreak.notification.Notifications;
import dev.firebreak.notification.PageRecord;

/**
 * The alerts that cost sleep for nothing: alerts that paged and resolved before anyone acted,
 * alerts that flap (open again and again), and the services and alert classes that page most out
 * of hours. An alert class is a service's dedup key: the alerts a tool reports as the same
 * problem. Each row links to where its alerts are tuned: the service's integrations page and its
 * alert routing ({@code GET|PUT /api/v1/services/{id}/alert-routing}).
 */
@Component
class NoiseReport {

	private final Alerts alerts;

	private final Incidents incidents;

	private final CountedIncidents counted;

	private final Notifications notifications;

	private final Catalog catalog;

	private final Accounts accounts;

	private final WorkingHoursBook workingHours;

	private final InsightsSettings settings;

	NoiseReport(Alerts alerts, Incidents incidents, CountedIncidents counted, Notifications notifications,
			Catalog catalog, Accounts accounts, WorkingHoursBook workingHours, InsightsSettings settings) {
		this.alerts = alerts;
		this.incidents = incidents;
		this.counted = counted;
		this.notifications = notifications;
		this.catalog = catalog;
		this.accounts = accounts;
		this.workingHours = workingHours;
		this.settings = settings;
	}

	/** Where a service's alerts are tuned. */
	record Tuning(String integrations, String alertRouting) {

		static Tuning of(UUID serviceId) {
			return serviceId == null ? null
					: new Tuning("/services/" + serviceId + "/integrations", "/api/v1/services/" + serviceId + "/alert-routing");
		}
	}

	/** An alert that paged someone and resolved before anyone acknowledged it or mitigated its incident. */
	record PagedNoAction(UUID alertId, UUID serviceId, String serviceName, String dedupKey, String summary,
			Instant firstSeenAt, Instant resolvedAt, int pages, String alertUrl, Tuning tuning) {
	}

	/** A service's dedup key that opened at least the configured number of alerts within the configured time. */
	record Flapping(UUID serviceId, String serviceName, String dedupKey, int opened, int mostWithin,
			Instant firstSeenAt, Instant lastSeenAt, Tuning tuning) {
	}

	/**
	 * Pages of a service, or of one alert class of it ({@code dedupKey}; null for the incidents
	 * people declared themselves), and how many of them were out of the paged person's hours.
	 */
	record OutOfHours(UUID serviceId, String serviceName, String dedupKey, int pages, int afterHoursPages, Tuning tuning) {
	}

	record Noise(ReportPeriod period, int openedAtLeast, Duration within, List<PagedNoAction> pagedNoAction,
			List<Flapping> flapping, List<OutOfHours> services, List<OutOfHours> classes) {
	}

	/** What a viewer outside a private incident sees instead of its alert's summary; the counts stay. */
	static final String PRIVATE_SUMMARY = "a private incident's alert";

	/**
	 * The noise of the period as this viewer may see it: an alert of a private incident the viewer
	 * may not see keeps its counts but not its summary.
	 */
	Noise report(ReportPeriod period, UUID serviceId, FirebreakUser viewer) {
		var seen = alerts.firstSeenBetween(period.from(), period.to()).stream()
			.filter(alert -> serviceId == null || serviceId.equals(alert.serviceId()))
			.filter(alert -> !alert.drill())
			.toList();
		var pages = notifications.pages(period.from(), pagesUntil(period, seen));
		var paged = counted.byNumber(pages.stream().map(p -> p.subject().incidentNumber()).filter(Objects::nonNull).toList());
		var openers = new HashMap<Long, Alert>();
		var names = new HashMap<UUID, String>();
		var pagedNoAction = pagedNoAction(seen, pages, openers, viewer);
		var flapping = flapping(seen);
		var outOfHours = outOfHours(period, pages, paged, openers, serviceId);
		var services = new HashSet<UUID>();
		pagedNoAction.forEach(r -> services.add(r.serviceId()));
		flapping.forEach(r -> services.add(r.serviceId()));
		outOfHours.services().forEach(r -> services.add(r.serviceId()));
		services.remove(null);
		catalog.services(services).forEach((id, service) -> names.put(id, service.name()));
		var limit = settings.noise().listed();
		return new Noise(period, settings.flapping().openedAtLeast(), settings.flapping().within(),
				pagedNoAction.stream().map(r -> new PagedNoAction(r.alertId(), r.serviceId(), name(names, r.serviceId()),
						r.dedupKey(), r.summary(), r.firstSeenAt(), r.resolvedAt(), r.pages(), r.alertUrl(), r.tuning()))
					.limit(limit).toList(),
				flapping.stream().map(r -> new Flapping(r.serviceId(), name(names, r.serviceId()), r.dedupKey(), r.opened(),
						r.mostWithin(), r.firstSeenAt(), r.lastSeenAt(), r.tuning())).limit(limit).toList(),
				top(outOfHours.services(), names, limit), top(outOfHours.classes(), names, limit));
	}

	private static String name(Map<UUID, String> names, UUID serviceId) {
		return serviceId == null ? "No service" : names.getOrDefault(serviceId, serviceId.toString());
	}

	/** Pages about the period's alerts come until the last of them resolved, which may be after the period. */
	private static Instant pagesUntil(ReportPeriod period, List<Alert> seen) {
		return seen.stream().map(Alert::resolvedAt).filter(Objects::nonNull).map(resolved -> resolved.plusMillis(1))
			.filter(until -> until.isAfter(period.to())).max(Comparator.naturalOrder()).orElse(period.to());
	}

	/** The alert that opened an incident, its oldest (null when it has none), read once per incident and only when asked. */
	private Alert opener(long number, Map<Long, Alert> openers) {
		if (!openers.containsKey(number)) {
			openers.put(number, incidents.alerts(number).stream().findFirst().orElse(null));
		}
		return openers.get(number);
	}

	/** The pages about each subject: an alert's pages by its id, an incident's by its number — read once, not per alert. */
	private static Map<Object, Integer> pagesBySubject(List<PageRecord> pages) {
		var counts = new HashMap<Object, Integer>();
		for (var page : pages) {
			if (page.subject().alertId() != null) {
				counts.merge(page.subject().alertId(), 1, Integer::sum);
			}
			if (page.subject().incidentNumber() != null) {
				counts.merge(page.subject().incidentNumber(), 1, Integer::sum);
			}
		}
		return counts;
	}

	private List<PagedNoAction> pagedNoAction(List<Alert> seen, List<PageRecord> pages, Map<Long, Alert> openers,
			FirebreakUser viewer) {
		var linked = incidents.incidentsOfAlerts(seen.stream().map(Alert::id).toList());
		var linkedIncidents = counted.byNumber(new HashSet<>(linked.values()));
		var bySubject = pagesBySubject(pages);
		var hidden = new HashMap<Long, Boolean>();
		var rows = new ArrayList<PagedNoAction>();
		for (var alert : seen) {
			if (alert.resolvedAt() == null || alert.duringMaintenance() || before(alert.acknowledgedAt(), alert.resolvedAt())) {
				continue;
			}
			var number = linked.get(alert.id());
			Incident incident = number == null ? null : linkedIncidents.get(number);
			if (number != null && incident == null) {
				continue; // its incident does not count
			}
			if (incident != null && (before(incident.milestones().acknowledgedAt(), alert.resolvedAt())
					|| before(incident.milestones().mitigatedAt(), alert.resolvedAt()))) {
				continue;
			}
			var pageCount = bySubject.getOrDefault(alert.id(), 0);
			if (incident != null) {
				var opener = opener(number, openers);
				if (opener != null && opener.id().equals(alert.id())) {
					pageCount += bySubject.getOrDefault(number, 0);
				}
			}
			if (pageCount == 0) {
				continue;
			}
			var outside = incident != null && incident.isPrivate()
					&& hidden.computeIfAbsent(number, n -> viewer == null || incidents.find(n, viewer).isEmpty());
			var summary = outside ? PRIVATE_SUMMARY : alert.summary();
			rows.add(new PagedNoAction(alert.id(), alert.serviceId(), null, alert.dedupKey(), summary,
					alert.firstSeenAt(), alert.resolvedAt(), pageCount, "/alerts/" + alert.id(), Tuning.of(alert.serviceId())));
		}
		rows.sort(Comparator.comparing(PagedNoAction::pages).reversed().thenComparing(PagedNoAction::firstSeenAt));
		return rows;
	}

	private static boolean before(Instant moment, Instant limit) {
		return moment != null && moment.isBefore(limit);
	}

	private List<Flapping> flapping(List<Alert> seen) {
		var within = settings.flapping().within();
		var atLeast = settings.flapping().openedAtLeast();
		var byClass = new LinkedHashMap<List<Object>, List<Alert>>();
		for (var alert : seen) {
			byClass.computeIfAbsent(java.util.Arrays.asList(alert.serviceId(), alert.dedupKey()), k -> new ArrayList<>())
				.add(alert);
		}
		var rows = new ArrayList<Flapping>();
		byClass.forEach((key, opened) -> {
			opened.sort(Comparator.comparing(Alert::firstSeenAt));
			var most = 0;
			for (int last = 0, first = 0; last < opened.size(); last++) {
				while (Duration.between(opened.get(first).firstSeenAt(), opened.get(last).firstSeenAt()).compareTo(within) > 0) {
					first++;
				}
				most = Math.max(most, last - first + 1);
			}
			if (most >= atLeast) {
				var alert = opened.get(0);
				rows.add(new Flapping(alert.serviceId(), null, alert.dedupKey(), opened.size(), most, alert.firstSeenAt(),
						opened.get(opened.size() - 1).firstSeenAt(), Tuning.of(alert.serviceId())));
			}
		});
		rows.sort(Comparator.comparing(Flapping::mostWithin).thenComparing(Flapping::opened).reversed());
		return rows;
	}

	private record OutOfHoursRows(List<OutOfHours> services, List<OutOfHours> classes) {
	}

	/** Pages in the period by service and by alert class; a page about an incident counts for each service it hit. */
	private OutOfHoursRows outOfHours(ReportPeriod period, List<PageRecord> pages, Map<Long, Incident> paged,
			Map<Long, Alert> openers, UUID serviceId) {
		var inPeriod = pages.stream().filter(p -> !p.at().isBefore(period.from()) && p.at().isBefore(period.to()))
			.filter(p -> p.subject().incidentNumber() == null || paged.containsKey(p.subject().incidentNumber())).toList();
		var people = inPeriod.stream().map(PageRecord::accountId).distinct().toList();
		var found = accounts.findAll(people);
		var hours = workingHours.of(people);
		var pagedAlerts = alerts.findAll(inPeriod.stream().map(p -> p.subject().alertId()).filter(Objects::nonNull)
			.collect(java.util.stream.Collectors.toSet()));
		var byService = new LinkedHashMap<UUID, int[]>();
		var byClass = new LinkedHashMap<List<Object>, int[]>();
		for (var page : inPeriod) {
			var account = found.get(page.accountId());
			var afterHours = account != null && hours.containsKey(account.id())
					&& !hours.get(account.id()).contains(page.at(), OnCallHealthReport.zone(account)) ? 1 : 0;
			var classes = new ArrayList<List<Object>>();
			if (page.subject().alertId() != null) {
				var alert = pagedAlerts.get(page.subject().alertId());
				if (alert != null) {
					classes.add(java.util.Arrays.asList(alert.serviceId(), alert.dedupKey()));
				}
			}
			else {
				var number = page.subject().incidentNumber();
				var opener = opener(number, openers);
				for (var service : paged.get(number).affectedServiceIds()) {
					classes.add(java.util.Arrays.asList(service,
							opener != null && service.equals(opener.serviceId()) ? opener.dedupKey() : null));
				}
			}
			var services = new HashSet<UUID>();
			for (var key : classes) {
				var service = (UUID) key.get(0);
				if (serviceId != null && !serviceId.equals(service)) {
					continue;
				}
				count(byClass.computeIfAbsent(key, k -> new int[2]), afterHours);
				if (services.add(service)) {
					count(byService.computeIfAbsent(service, k -> new int[2]), afterHours);
				}
			}
		}
		var services = new ArrayList<OutOfHours>();
		byService.forEach((service, n) -> services.add(new OutOfHours(service, null, null, n[0], n[1], Tuning.of(service))));
		var classes = new ArrayList<OutOfHours>();
		byClass.forEach((key, n) -> classes.add(new OutOfHours((UUID) key.get(0), null, (String) key.get(1), n[0], n[1],
				Tuning.of((UUID) key.get(0)))));
		return new OutOfHoursRows(services, classes);
	}

	private static void count(int[] counts, int afterHours) {
		counts[0]++;
		counts[1] += afterHours;
	}

	private static List<OutOfHours> top(Collection<OutOfHours> rows, Map<UUID, String> names, int limit) {
		return rows.stream()
			.map(r -> new OutOfHours(r.serviceId(), name(names, r.serviceId()), r.dedupKey(), r.pages(),
					r.afterHoursPages(), r.tuning()))
			.filter(r -> r.afterHoursPages() > 0)
			.sorted(Comparator.comparing(OutOfHours::afterHoursPages).thenComparing(OutOfHours::pages).reversed()
				.thenComparing(OutOfHours::serviceName).thenComparing(r -> Objects.toString(r.dedupKey(), "")))
			.limit(limit).toList();
	}
}
