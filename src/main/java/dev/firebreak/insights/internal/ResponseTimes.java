package dev.firebreak.insights.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.firebreak.catalog.Catalog;
import dev.firebreak.catalog.Service;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Milestones;
import dev.firebreak.incident.Severity;
import dev.firebreak.platform.Problems;

/**
 * MTTA, MTTM and MTTR (acknowledged, mitigated, resolved − detected) of the incidents detected in a
 * period, by severity, service or team, beside the same numbers of the period before. An incident
 * that skipped a milestone is left out of that milestone's numbers, not counted as zero.
 */
@Component
class ResponseTimes {

	static final String NONE = "none";

	static final String UNCLASSIFIED = "unclassified";

	private final CountedIncidents incidents;

	private final Catalog catalog;

	ResponseTimes(CountedIncidents incidents, Catalog catalog) {
		this.incidents = incidents;
		this.catalog = catalog;
	}

	enum Grouping {
		SEVERITY, SERVICE, TEAM;

		static Grouping parse(String text) {
			if (text == null || text.isBlank()) {
				return SEVERITY;
			}
			try {
				return valueOf(text.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw Problems.invalid("/by", "by must be severity, service or team, not '" + text + "'");
			}
		}

		String key() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** Which incidents a report covers: those of one service, or of one team's services; null means all. */
	record Scope(UUID serviceId, UUID teamId) {

		static final Scope ALL = new Scope(null, null);
	}

	/** A group's row: {@code key} is the severity, the service id or the team id ({@code none}: no service, no team). */
	record Row(String key, String name, int incidents, int previousIncidents, Metric mtta, Metric mttm, Metric mttr) {
	}

	/** One milestone's numbers now and in the period before; {@code change} is the mean's, negative when faster. */
	record Metric(Stat current, Stat previous, Duration change, Double changePercent) {

		static Metric of(Stat current, Stat previous) {
			if (current.mean() == null || previous.mean() == null) {
				return new Metric(current, previous, null, null);
			}
			var change = current.mean().minus(previous.mean());
			var percent = previous.mean().isZero() ? null
					: Math.round(1000.0 * change.toMillis() / previous.mean().toMillis()) / 10.0;
			return new Metric(current, previous, change, percent);
		}
	}

	record Report(ReportPeriod period, ReportPeriod previous, Grouping by, List<Row> rows) {
	}

	/** The mean times of the incidents detected in one week (UTC, from Monday), clipped to the period. */
	record WeekPoint(LocalDate week, int incidents, Duration mtta, Duration mttm, Duration mttr) {
	}

	Report report(ReportPeriod period, Grouping by, Scope scope) {
		var previousPeriod = period.previous();
		var current = incidents.detectedBetween(period.from(), period.to());
		var previous = incidents.detectedBetween(previousPeriod.from(), previousPeriod.to());
		var services = services(current, previous);
		current = scoped(current, scope, services);
		previous = scoped(previous, scope, services);
		var keys = keys(by, services);
		var now = groups(current, keys);
		var before = groups(previous, keys);
		var all = new LinkedHashSet<Key>(now.keySet());
		all.addAll(before.keySet());
		var rows = all.stream().sorted(order(by)).map(key -> {
			var in = now.getOrDefault(key, List.of());
			var was = before.getOrDefault(key, List.of());
			return new Row(key.id(), key.name(), in.size(), was.size(), metric(in, was, Milestones::timeToAcknowledge),
					metric(in, was, Milestones::timeToMitigate), metric(in, was, Milestones::timeToResolve));
		}).toList();
		return new Report(period, previousPeriod, by, rows);
	}

	/** Mean times per severity of the incidents detected in the period (the gauges). */
	Map<String, Row> bySeverity(ReportPeriod period) {
		var rows = new LinkedHashMap<String, Row>();
		report(period, Grouping.SEVERITY, Scope.ALL).rows().forEach(row -> rows.put(row.key(), row));
		return rows;
	}

	List<WeekPoint> weekly(ReportPeriod period, Scope scope) {
		var detected = incidents.detectedBetween(period.from(), period.to());
		detected = scoped(detected, scope, services(detected, List.of()));
		var byWeek = new LinkedHashMap<LocalDate, List<Incident>>();
		var week = monday(period.from());
		while (week.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(period.to())) {
			byWeek.put(week, new ArrayList<>());
			week = week.plusWeeks(1);
		}
		for (var incident : detected) {
			byWeek.get(monday(incident.milestones().detectedAt())).add(incident);
		}
		return byWeek.entrySet().stream().map(e -> new WeekPoint(e.getKey(), e.getValue().size(),
				mean(e.getValue(), Milestones::timeToAcknowledge), mean(e.getValue(), Milestones::timeToMitigate),
				mean(e.getValue(), Milestones::timeToResolve))).toList();
	}

	static LocalDate monday(Instant instant) {
		return instant.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	private static Duration mean(List<Incident> incidents, Function<Milestones, Duration> time) {
		return Stat.of(incidents.stream().map(i -> time.apply(i.milestones())).toList()).mean();
	}

	private static Metric metric(List<Incident> now, List<Incident> before, Function<Milestones, Duration> time) {
		return Metric.of(Stat.of(now.stream().map(i -> time.apply(i.milestones())).toList()),
				Stat.of(before.stream().map(i -> time.apply(i.milestones())).toList()));
	}

	private Map<UUID, Service> services(Collection<Incident> current, Collection<Incident> previous) {
		var ids = new HashSet<UUID>();
		current.forEach(i -> ids.addAll(i.affectedServiceIds()));
		previous.forEach(i -> ids.addAll(i.affectedServiceIds()));
		return ids.isEmpty() ? Map.of() : catalog.services(ids);
	}

	private static List<Incident> scoped(List<Incident> incidents, Scope scope, Map<UUID, Service> services) {
		return incidents.stream()
			.filter(i -> scope.serviceId() == null || i.affectedServiceIds().contains(scope.serviceId()))
			.filter(i -> scope.teamId() == null || i.affectedServiceIds().stream().map(services::get)
				.anyMatch(s -> s != null && scope.teamId().equals(s.ownerTeamId())))
			.toList();
	}

	/** A group: its id and the name people read. */
	private record Key(String id, String name) {
	}

	private Function<Incident, Set<Key>> keys(Grouping by, Map<UUID, Service> services) {
		return switch (by) {
			case SEVERITY -> incident -> Set.of(incident.severity() == null ? new Key(UNCLASSIFIED, "Unclassified")
					: new Key(incident.severity().name(), incident.severity().name()));
			case SERVICE -> incident -> {
				var keys = new LinkedHashSet<Key>();
				for (var id : incident.affectedServiceIds()) {
					var service = services.get(id);
					keys.add(new Key(id.toString(), service == null ? id.toString() : service.name()));
				}
				return keys.isEmpty() ? Set.of(new Key(NONE, "No service")) : keys;
			};
			case TEAM -> {
				var teamNames = new HashMap<UUID, String>();
				yield incident -> {
					var keys = new LinkedHashSet<Key>();
					for (var id : incident.affectedServiceIds()) {
						var service = services.get(id);
						if (service != null && service.ownerTeamId() != null) {
							var name = teamNames.computeIfAbsent(service.ownerTeamId(),
									team -> catalog.team(team).map(t -> t.name()).orElse(team.toString()));
							keys.add(new Key(service.ownerTeamId().toString(), name));
						}
					}
					// an incident counts once per team, however many of the team's services it hit
					return keys.isEmpty() ? Set.of(new Key(NONE, "No owner team")) : keys;
				};
			}
		};
	}

	private static Map<Key, List<Incident>> groups(List<Incident> incidents, Function<Incident, Set<Key>> keys) {
		var groups = new LinkedHashMap<Key, List<Incident>>();
		for (var incident : incidents) {
			for (var key : keys.apply(incident)) {
				groups.computeIfAbsent(key, k -> new ArrayList<>()).add(incident);
			}
		}
		return groups;
	}

	private static Comparator<Key> order(Grouping by) {
		if (by == Grouping.SEVERITY) {
			// SEV1 first, unclassified last
			return Comparator.comparing(key -> key.id().equals(UNCLASSIFIED) ? Severity.values().length
					: Severity.valueOf(key.id()).ordinal());
		}
		return Comparator.<Key, Boolean>comparing(key -> key.id().equals(NONE)).thenComparing(Key::name,
				String.CASE_INSENSITIVE_ORDER);
	}
}
