package dev.firebreak.drill.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.firebreak.catalog.Catalog;
import dev.firebreak.catalog.Runbook;
import dev.firebreak.catalog.Runbooks;
import dev.firebreak.catalog.Service;
import dev.firebreak.drill.Drill;
import dev.firebreak.drill.internal.DrillReport.DrillView;
import dev.firebreak.drill.internal.DrillReport.ObligationLine;
import dev.firebreak.drill.internal.DrillReport.PageLine;
import dev.firebreak.identity.Account;
import dev.firebreak.identity.Accounts;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.Obligation;
import dev.firebreak.incident.ObligationKind;
import dev.firebreak.incident.Obligations;
import dev.firebreak.notification.Delivery;
import dev.firebreak.notification.DeliveryStatus;
import dev.firebreak.notification.Notifications;
import dev.firebreak.notification.Subject;

/** Writes drill reports from the drill's row and what the incident, notification and catalog faces say. */
@Component
class DrillReports {

	/** How many of the service's earlier drills a report compares with. */
	static final int EARLIER = 10;

	/** The obligations the war room and the response by the book bring: roles, mitigation, checkpoints. */
	private static final Set<ObligationKind> WAR_ROOM = EnumSet.of(ObligationKind.ROLE, ObligationKind.MITIGATE,
			ObligationKind.PROGRESS, ObligationKind.CHECKPOINT, ObligationKind.IC_ROTATION);

	private static final Set<DeliveryStatus> HANDED_OVER = EnumSet.of(DeliveryStatus.SENT, DeliveryStatus.DELIVERED);

	private final DrillStore store;

	private final Incidents incidents;

	private final Obligations obligations;

	private final Notifications notifications;

	private final Catalog catalog;

	private final Runbooks runbooks;

	private final Accounts accounts;

	private final Clock clock;

	DrillReports(DrillStore store, Incidents incidents, Obligations obligations, Notifications notifications,
			Catalog catalog, Runbooks runbooks, Accounts accounts, Clock clock) {
		this.store = store;
		this.runbooks = runbooks;
		this.incidents = incidents;
		this.obligations = obligations;
		this.notifications = notifications;
		this.catalog = catalog;
		this.accounts = accounts;
		this.clock = clock;
	}

	DrillReport report(Drill drill) {
		var deliveries = notifications.deliveries(Subject.incident(drill.incidentNumber()));
		var earlier = store.earlier(drill.serviceId(), drill.startedAt(), EARLIER);
		var people = new HashSet<UUID>();
		deliveries.forEach(d -> people.add(d.accountId()));
		var names = names(people, List.of(drill), earlier);
		var pages = deliveries.stream().filter(d -> d.accountId() != null)
			.map(d -> new PageLine(d.sentAt() != null ? d.sentAt() : d.createdAt(), d.accountId(),
					name(names, d.accountId()), d.contactType(), d.status(), d.attempts()))
			.toList();
		var now = clock.instant();
		var lines = new java.util.ArrayList<>(obligations.of(drill.incidentNumber()).stream().map(o -> line(o, now)).toList());
		var listed = new HashSet<String>();
		lines.forEach(l -> listed.add(l.key()));
		for (var missed : store.missed(drill.id())) {
			// withdrawn when the incident was resolved, never met
			if (!listed.contains(missed.key())) {
				lines.add(new ObligationLine(missed.key(), missed.kind(), missed.title(), missed.dueAt(), null,
						missed.ownerId(), null, "missed", WAR_ROOM.contains(missed.kind())));
				listed.add(missed.key());
			}
		}
		var met = (int) lines.stream().filter(l -> l.verdict().equals("met")).count();
		var missed = (int) lines.stream().filter(l -> l.verdict().equals("missed") || l.verdict().equals("met_late")).count();
		var services = catalog.services(List.of(drill.serviceId()));
		return new DrillReport(view(drill, firstPage(drill, deliveries), names, services), pages, lines, met, missed,
				earlier.stream().map(e -> view(e, e.firstPageAt(), names, services)).toList());
	}

	/** Drills for a list: each with its names and incident status. */
	List<DrillView> views(List<Drill> drills) {
		var names = names(Set.of(), drills, List.of());
		var services = catalog.services(drills.stream().map(Drill::serviceId).distinct().toList());
		return drills.stream().map(d -> view(d, d.firstPageAt(), names, services)).toList();
	}

	private DrillView view(Drill d, Instant firstPageAt, Map<UUID, Account> names, Map<UUID, Service> services) {
		var service = services.get(d.serviceId());
		var status = incidents.find(d.incidentNumber()).map(Incident::status).orElse(null);
		return new DrillView(d.id(), d.serviceId(), service == null ? null : service.name(), d.runbookId(),
				d.runbookId() == null ? null : runbooks.find(d.runbookId()).map(Runbook::title).orElse("a deleted runbook"),
				d.severity(),
				d.summary(), d.startedBy(), name(names, d.startedBy()), d.startedAt(), d.alertId(), d.incidentId(), status,
				d.isRunning(), firstPageAt, firstPageAt == null ? null : Duration.between(d.startedAt(), firstPageAt),
				d.acknowledgedAt(), d.acknowledgedBy(), name(names, d.acknowledgedBy()), d.timeToAck(), d.ackTarget(),
				d.ackTargetMet(), d.mitigatedAt(), d.timeToMitigate(), d.mitigateTarget(), d.mitigateTargetMet(),
				d.endedAt(), d.endedBy(), name(names, d.endedBy()));
	}

	/** The recorded first page; before its event arrived, the delivery log's earliest message handed over. */
	private static Instant firstPage(Drill drill, List<Delivery> deliveries) {
		if (drill.firstPageAt() != null) {
			return drill.firstPageAt();
		}
		return deliveries.stream().filter(d -> HANDED_OVER.contains(d.status()) && d.sentAt() != null)
			.map(Delivery::sentAt).min(Instant::compareTo).orElse(null);
	}

	private static ObligationLine line(Obligation o, Instant now) {
		String verdict;
		if (o.state() == Obligation.State.WAIVED) {
			verdict = "waived";
		}
		else if (o.metAt() != null) {
			verdict = o.dueAt() == null || !o.metAt().isAfter(o.dueAt()) ? "met" : "met_late";
		}
		else if (o.dueAt() != null && now.isAfter(o.dueAt())) {
			verdict = "missed";
		}
		else {
			verdict = "open";
		}
		return new ObligationLine(o.key(), o.kind(), o.title(), o.dueAt(), o.ownerRole(), o.ownerId(), o.metAt(), verdict,
				WAR_ROOM.contains(o.kind()));
	}

	private Map<UUID, Account> names(Collection<UUID> people, List<Drill> drills, List<Drill> more) {
		var ids = new HashSet<UUID>(people);
		for (var list : List.of(drills, more)) {
			for (var d : list) {
				ids.add(d.startedBy());
				ids.add(d.acknowledgedBy());
				ids.add(d.endedBy());
			}
		}
		ids.remove(null);
		return accounts.findAll(ids);
	}

	private static String name(Map<UUID, Account> names, UUID id) {
		var account = id == null ? null : names.get(id);
		return account == null ? null : account.displayName();
	}
}
