package dev.firebreak.incident.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.firebreak.alerting.Alerts;
import dev.firebreak.catalog.Catalog;
import dev.firebreak.catalog.Runbook;
import dev.firebreak.catalog.Runbooks;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.TimelineEntry;
import dev.firebreak.incident.TimelineKind;

/**
 * The runbooks on the incident page: for each of its alerts the catalog's runbook, then the general
 * runbooks of its services — the ones its pages link to — each flagged when stale. Without any,
 * the page says so (a page that went out without a runbook is the gap on-call health counts) and
 * links to the form, prefilled with the first service.
 */
@Component
class IncidentRunbooks {

	/** How the paging capability words a page it handed to a channel on the timeline ("Paged Ada by email"). */
	private static final String PAGED = "Paged ";

	/** How many of its alerts, oldest first, the page looks up: a storm grouped into one incident must not slow its page. */
	static final int ALERTS_LOOKED_AT = 20;

	private final Alerts alerts;

	private final Runbooks runbooks;

	private final Catalog catalog;

	IncidentRunbooks(Alerts alerts, Runbooks runbooks, Catalog catalog) {
		this.alerts = alerts;
		this.runbooks = runbooks;
		this.catalog = catalog;
	}

	/** A runbook as the incident page lists it. */
	record Row(UUID id, String title, boolean stale, String why) {
	}

	void show(Incident incident, List<dev.firebreak.alerting.Alert> incidentAlerts, List<TimelineEntry> timeline,
			Model model) {
		var found = new LinkedHashMap<UUID, Row>();
		for (var alert : incidentAlerts.stream().limit(ALERTS_LOOKED_AT).toList()) {
			runbooks.forAlert(alert.serviceId(), alerts.matchFields(alert.id()))
				.ifPresent(runbook -> found.putIfAbsent(runbook.id(), row(runbook, "for the alert: " + alert.summary())));
		}
		var services = new LinkedHashSet<UUID>(incident.affectedServiceIds());
		incidentAlerts.forEach(alert -> services.add(alert.serviceId()));
		runbooks.ofServices(services).stream().filter(runbook -> runbook.matchers().isEmpty())
			.forEach(runbook -> found.putIfAbsent(runbook.id(), row(runbook, "for its service")));
		var rows = new ArrayList<>(found.values());
		model.addAttribute("runbooks", rows);
		var paged = timeline.stream()
			.anyMatch(entry -> entry.kind() == TimelineKind.PAGING && entry.text() != null && entry.text().startsWith(PAGED));
		model.addAttribute("runbookGap", rows.isEmpty() ? (paged ? "paged" : "none") : null);
		var first = services.stream().filter(id -> catalog.service(id).isPresent()).findFirst().orElse(null);
		model.addAttribute("runbookService", first);
	}

	private static Row row(Runbook runbook, String why) {
		return new Row(runbook.id(), runbook.title(), runbook.stale(), why);
	}
}
