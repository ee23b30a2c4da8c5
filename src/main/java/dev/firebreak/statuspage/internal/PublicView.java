package dev.firebreak.statuspage.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.firebreak.statuspage.ComponentStatus;

/**
 * What the public page templates read: {@link PageData} turned into words and times in the page's
 * time zone. Every text here comes from the page's own records (component names, public updates),
 * never from an incident's internal record.
 */
final class PublicView {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH);

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

	private PublicView() {
	}

	record Page(String name, String logoUrl, String logoAlt, String brandColour, String base, String timeZone,
			String indicator, String description, List<GroupView> groups, List<IncidentView> incidents,
			List<MaintenanceView> maintenances, List<IncidentView> recent, String updated, String updatedIso,
			int uptimeDays, String historyMonth) {
	}

	record GroupView(String name, String description, String status, String statusWords,
			List<ComponentView> components) {
	}

	record ComponentView(String id, String name, String description, String status, String statusWords,
			String uptime, List<DayView> days) {
	}

	record DayView(String label, String status) {
	}

	record UpdateView(String status, String body, String time, String iso, List<String> components) {
	}

	record IncidentView(String name, String status, String impact, String url, String started, String startedIso,
			List<UpdateView> updates) {
	}

	record MaintenanceView(String name, String status, String from, String fromIso, String until, String untilIso,
			List<String> components, List<UpdateView> updates) {
	}

	record MonthView(String title, String month, String previous, String next, List<IncidentView> incidents) {
	}

	static Page page(PageData data, String base) {
		var zone = data.settings().timeZone();
		var status = PublicJson.status(data);
		var groups = new ArrayList<GroupView>();
		for (var group : data.groups()) {
			var members = data.components().stream().filter(c -> group.id().equals(c.groupId()))
				.filter(c -> shown(c)).map(c -> component(c, data, zone)).toList();
			if (!members.isEmpty()) {
				var worst = data.components().stream().filter(c -> group.id().equals(c.groupId()))
					.map(PageComponent::status).reduce(ComponentStatus.OPERATIONAL, ComponentStatus::worse);
				groups.add(new GroupView(group.name(), group.description(), css(worst), worst.words(), members));
			}
		}
		var loose = data.components().stream().filter(c -> c.groupId() == null).filter(PublicView::shown)
			.map(c -> component(c, data, zone)).toList();
		if (!loose.isEmpty()) {
			groups.add(new GroupView(null, null, null, null, loose));
		}
		var active = data.unresolved().stream().map(i -> incident(i, data.updatesOf(i.id()), base, zone)).toList();
		var weekAgo = data.now().minus(Duration.ofDays(7));
		var recent = data.incidents().stream().filter(PublicIncident::isResolved)
			.filter(i -> i.resolvedAt() != null && i.resolvedAt().isAfter(weekAgo))
			.map(i -> incident(i, data.updatesOf(i.id()), base, zone)).toList();
		var maintenances = new ArrayList<MaintenanceView>();
		for (var m : data.maintenances(MaintenanceStatus.IN_PROGRESS, MaintenanceStatus.VERIFYING,
				MaintenanceStatus.SCHEDULED)) {
			maintenances.add(maintenance(m, data, zone));
		}
		maintenances.sort((a, b) -> a.fromIso().compareTo(b.fromIso()));
		var settings = data.settings();
		return new Page(settings.name(), settings.logoUrl(), settings.logoAlt(), settings.brandColour(), base,
				zone.getId(), status.indicator(), status.description(), groups, active, maintenances, recent,
				time(data.lastChange(), zone), data.lastChange().toString(), data.bars().isEmpty() ? 90
						: data.bars().values().iterator().next().days().size(),
				YearMonth.from(data.now().atZone(zone)).toString());
	}

	static MonthView month(PageReader.History history, YearMonth month, YearMonth now, String base, ZoneId zone) {
		var incidents = history.incidents().stream()
			.map(i -> incident(i, history.updates().getOrDefault(i.id(), List.of()), base, zone)).toList();
		var first = history.first() == null ? now : YearMonth.from(history.first().atZone(zone));
		return new MonthView(MONTH.format(month), month.toString(),
				month.isAfter(first) ? month.minusMonths(1).toString() : null,
				month.isBefore(now) ? month.plusMonths(1).toString() : null, incidents);
	}

	/** A component marked "only show if degraded" stays off the page while it is fine. */
	private static boolean shown(PageComponent c) {
		return !c.onlyShowIfDegraded() || c.status() != ComponentStatus.OPERATIONAL;
	}

	private static ComponentView component(PageComponent c, PageData data, ZoneId zone) {
		var bar = data.bars().get(c.id());
		var days = new ArrayList<DayView>();
		if (bar != null) {
			for (var day : bar.days()) {
				days.add(new DayView(dayLabel(day), day.hasData() ? css(day.worst()) : "nodata"));
			}
		}
		return new ComponentView(c.id().toString(), c.name(), c.description(), css(c.status()), c.status().words(),
				bar == null ? "no data" : Uptime.percent(bar.uptime()), days);
	}

	static IncidentView incident(PublicIncident i, List<PublicUpdate> updates, String base, ZoneId zone) {
		return new IncidentView(i.name(), words(i.status()), i.impact(), base + "/incidents/" + i.id(),
				time(i.startedAt(), zone), i.startedAt().toString(), updates(updates, zone));
	}

	private static MaintenanceView maintenance(Maintenance m, PageData data, ZoneId zone) {
		var names = data.components().stream().filter(c -> m.componentIds().contains(c.id()))
			.map(PageComponent::name).toList();
		return new MaintenanceView(m.name(), words(m.status().toString()), time(m.scheduledFor(), zone),
				m.scheduledFor().toString(), time(m.scheduledUntil(), zone), m.scheduledUntil().toString(), names,
				updates(data.updatesOf(m.id()), zone));
	}

	static List<UpdateView> updates(List<PublicUpdate> updates, ZoneId zone) {
		return updates.stream()
			.map(u -> new UpdateView(words(u.status()), u.body(), time(u.displayAt(), zone), u.displayAt().toString(),
					u.affected().stream().map(PublicUpdate.AffectedComponent::name).toList()))
			.toList();
	}

	/**
	 * Newest first; updates of the same instant in the order of their steps, later step first (a
	 * maintenance planned to start now is scheduled and in progress at once), not as the store
	 * happened to return them.
	 */
	private static String dayLabel(Uptime.Day day) {
		var date = DAY.format(day.date());
		if (!day.hasData()) {
			return date + ": no data";
		}
		var down = new ArrayList<String>();
		for (var status : List.of(ComponentStatus.MAJOR_OUTAGE, ComponentStatus.PARTIAL_OUTAGE,
				ComponentStatus.DEGRADED_PERFORMANCE, ComponentStatus.UNDER_MAINTENANCE)) {
			var spent = day.time().get(status);
			if (spent != null && !spent.isZero()) {
				down.add(status.words().toLowerCase(Locale.ENGLISH) + " " + duration(spent));
			}
		}
		return date + ": " + (down.isEmpty() ? "no downtime" : String.join(", ", down));
	}

	static String duration(Duration d) {
		var minutes = Math.max(1, (d.toSeconds() + 59) / 60);
		return minutes < 60 ? minutes + " min" : minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
	}

	static String css(ComponentStatus status) {
		return status.toString().replace('_', '-');
	}

	/** "in_progress" → "In progress". */
	static String words(String status) {
		var words = status.replace('_', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	static String time(Instant instant, ZoneId zone) {
		return TIME.format(instant.atZone(zone));
	}
}
