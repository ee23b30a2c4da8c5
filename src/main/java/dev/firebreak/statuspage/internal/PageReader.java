package dev.firebreak.statuspage.internal;

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
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.firebreak.platform.Text;

/** Reads what the page shows, in one read-only transaction. */
@Component
class PageReader {

	private final StatusPageStore page;

	private final PublicIncidentStore incidents;

	private final MaintenanceStore maintenances;

	private final StatusPagePolicy policy;

	private final Clock clock;

	private final String baseUrl;

	PageReader(StatusPageStore page, PublicIncidentStore incidents, MaintenanceStore maintenances,
			StatusPagePolicy policy, Clock clock, @Value("${firebreak.base-url}") String baseUrl) {
		this.page = page;
		this.incidents = incidents;
		this.maintenances = maintenances;
		this.policy = policy;
		this.clock = clock;
		this.baseUrl = Text.withoutTrailingSlash(baseUrl);
	}

	@Transactional(readOnly = true)
	PageData read() {
		var now = clock.instant();
		var settings = page.settings();
		var components = page.components();
		var since = now.minus(Duration.ofDays(policy.uptimeDays() + 1L));
		var spans = page.spansSince(since);
		var bars = new HashMap<UUID, Uptime.Bar>();
		for (var component : components) {
			var start = component.startDate().atStartOfDay(settings.timeZone()).toInstant();
			bars.put(component.id(), Uptime.of(spans.getOrDefault(component.id(), List.of()), start,
					settings.timeZone(), policy.uptimeDays(), now, policy.partialOutageCounts()));
		}
		var listed = new LinkedHashMap<UUID, PublicIncident>();
		incidents.unresolved().forEach(i -> listed.put(i.id(), i));
		incidents.recent(policy.listed()).forEach(i -> listed.putIfAbsent(i.id(), i));
		var incidentList = new ArrayList<>(listed.values());
		incidentList.sort((a, b) -> b.createdAt().compareTo(a.createdAt()));
		var maintenanceList = new LinkedHashMap<UUID, Maintenance>();
		maintenances.withStatus(List.of(MaintenanceStatus.SCHEDULED, MaintenanceStatus.IN_PROGRESS,
				MaintenanceStatus.VERIFYING)).forEach(m -> maintenanceList.put(m.id(), m));
		maintenances.recent(policy.listed()).forEach(m -> maintenanceList.putIfAbsent(m.id(), m));
		var maintenanceSorted = new ArrayList<>(maintenanceList.values());
		maintenanceSorted.sort((a, b) -> b.scheduledFor().compareTo(a.scheduledFor()));
		var ids = incidentList.stream().map(PublicIncident::id).toList();
		var updates = new HashMap<UUID, List<PublicUpdate>>(newestFirst(incidents.updatesOf(ids)));
		updates.putAll(newestFirst(maintenances.updatesOf(maintenanceSorted.stream().map(Maintenance::id).toList())));
		// on its own host name the page lives at that host's root (served over HTTPS by whatever fronts it)
		var url = settings.hostName() == null ? baseUrl + "/status" : "https://" + settings.hostName();
		return new PageData(settings, settings.revision(), now, url, page.groups(), components, bars,
				List.copyOf(incidentList), List.copyOf(maintenanceSorted), updates, incidents.componentsOf(ids));
	}

	/** The incidents created in {@code [from, to)}, with their updates: a month of history. */
	@Transactional(readOnly = true)
	History history(Instant from, Instant to) {
		var list = incidents.createdBetween(from, to);
		var ids = list.stream().map(PublicIncident::id).toList();
		return new History(list, newestFirst(incidents.updatesOf(ids)), incidents.firstCreated());
	}

	@Transactional(readOnly = true)
	java.util.Optional<History> incident(UUID id) {
		return incidents.get(id).map(i -> new History(List.of(i), newestFirst(incidents.updatesOf(List.of(i.id()))), null));
	}

	/** The steps of an incident and of a maintenance, in the order they come. */
	private static final List<String> STEPS = List.of("investigating", "identified", "monitoring", "resolved",
			"postmortem", "scheduled", "in_progress", "verifying", "completed");

	/**
	 * Each subject's updates newest first; updates of the same instant (a maintenance planned to start
	 * now is scheduled and in progress at once) in the order of their steps, the later step first.
	 */
	private static Map<UUID, List<PublicUpdate>> newestFirst(Map<UUID, List<PublicUpdate>> updates) {
		var sorted = new HashMap<UUID, List<PublicUpdate>>();
		updates.forEach((subject, list) -> sorted.put(subject, list.stream()
			.sorted(Comparator.comparing(PublicUpdate::displayAt)
				.thenComparingInt((PublicUpdate u) -> STEPS.indexOf(u.status())).reversed())
			.toList()));
		return sorted;
	}

	/** Incidents of a stretch of time, with their updates; {@code first} is when the first incident ever was. */
	record History(List<PublicIncident> incidents, java.util.Map<UUID, List<PublicUpdate>> updates, Instant first) {
	}
}
