package dev.firebreak.alerting.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.firebreak.alerting.Alert;
import dev.firebreak.alerting.AlertAcknowledged;
import dev.firebreak.alerting.AlertResolved;
import dev.firebreak.alerting.AlertStatus;
import dev.firebreak.alerting.AlertTriggered;
import dev.firebreak.alerting.AlertsChanged;
import dev.firebreak.alerting.internal.AlertStore.Key;
import dev.firebreak.catalog.Catalog;

/**
 * Applies a batch of inbound events to the alerts they name, inside the caller's transaction, in
 * the order they arrived: the open alerts of all keys are read and locked in one statement, the
 * events are folded in memory (a trigger opens an alert or counts a repeat; acknowledge and
 * resolve act on the open one and are dropped when there is none), and the result is written
 * back in two batched statements, with one {@link AlertsChanged} for the listeners. A storm of
 * 500 events costs a handful of round trips, not 1,500.
 */
@Component
class AlertFold {

	private final AlertStore alerts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Catalog catalog;

	AlertFold(AlertStore alerts, ApplicationEventPublisher events, Clock clock, Catalog catalog) {
		this.catalog = catalog;
		this.alerts = alerts;
		this.events = events;
		this.clock = clock;
	}

	void apply(List<IngestCommand> commands) {
		var now = clock.instant();
		var open = new HashMap<>(alerts.lockOpen(commands.stream()
			.map(command -> new Key(command.integration().id(), command.dedupKey())).distinct().toList()));
		// new alerts of services in a maintenance window are recorded as such: one query per batch
		var maintenance = catalog.inMaintenance(commands.stream()
			.filter(command -> command instanceof IngestCommand.Trigger && !open.containsKey(
					new Key(command.integration().id(), command.dedupKey())))
			.map(command -> command.integration().serviceId()).collect(Collectors.toSet()), now);
		var touched = new LinkedHashMap<UUID, Alert>();
		var triggered = new ArrayList<AlertTriggered>();
		var acknowledgements = new ArrayList<AlertAcknowledged>();
		var resolutions = new ArrayList<AlertResolved>();
		var created = new HashSet<UUID>();
		var payloads = new HashMap<UUID, String>();
		// the first payload of an alert opened and repeated within this batch
		var originals = new HashMap<UUID, String>();
		for (var command : commands) {
			var key = new Key(command.integration().id(), command.dedupKey());
			var current = open.get(key);
			if (command instanceof IngestCommand.Trigger trigger && current != null) {
				var repeated = new Alert(current.id(), current.integrationId(), current.serviceId(), current.dedupKey(),
						current.status(), trigger.severity(), trigger.summary(), current.source(),
						current.occurrences() + 1, current.firstSeenAt(), now, current.acknowledgedAt(), null,
						current.duringMaintenance(), current.drill());
				open.put(key, repeated);
				touched.put(repeated.id(), repeated);
				if (created.contains(repeated.id())) {
					originals.putIfAbsent(repeated.id(), payloads.get(repeated.id()));
				}
				payloads.put(repeated.id(), trigger.payload());
				if (trigger.severity().compareTo(current.severity()) < 0) {
					// worse than before (a warning turned critical): told again, so it may open an incident now
					triggered.add(new AlertTriggered(repeated.id(), repeated.serviceId(), repeated.severity(),
							repeated.summary(), now, repeated.duringMaintenance(), repeated.drill()));
				}
			}
			else if (command instanceof IngestCommand.Trigger trigger) {
				var opened = new Alert(UUID.randomUUID(), key.integrationId(), trigger.integration().serviceId(),
						key.dedupKey(), AlertStatus.TRIGGERED, trigger.severity(), trigger.summary(), trigger.source(), 1,
						// a drill is started on purpose: a maintenance window does not silence it
						now, now, null, null, !trigger.drill() && maintenance.contains(trigger.integration().serviceId()),
						trigger.drill());
				open.put(key, opened);
				touched.put(opened.id(), opened);
				created.add(opened.id());
				payloads.put(opened.id(), trigger.payload());
				triggered.add(new AlertTriggered(opened.id(), opened.serviceId(), opened.severity(), opened.summary(),
						now, opened.duringMaintenance(), opened.drill()));
			}
			else if (command instanceof IngestCommand.Acknowledge && current != null
					&& current.status() == AlertStatus.TRIGGERED) {
				var acknowledged = new Alert(current.id(), current.integrationId(), current.serviceId(),
						current.dedupKey(), AlertStatus.ACKNOWLEDGED, current.severity(), current.summary(),
						current.source(), current.occurrences(), current.firstSeenAt(), now, now, null,
						current.duringMaintenance(), current.drill());
				open.put(key, acknowledged);
				touched.put(acknowledged.id(), acknowledged);
				acknowledgements.add(new AlertAcknowledged(current.id(), current.serviceId(), now));
			}
			else if (command instanceof IngestCommand.Resolve && current != null) {
				var resolved = new Alert(current.id(), current.integrationId(), current.serviceId(), current.dedupKey(),
						AlertStatus.RESOLVED, current.severity(), current.summary(), current.source(),
						current.occurrences(), current.firstSeenAt(), now, current.acknowledgedAt(), now,
						current.duringMaintenance(), current.drill());
				open.remove(key);
				touched.put(resolved.id(), resolved);
				resolutions.add(new AlertResolved(current.id(), current.serviceId(), now));
			}
			// else: acknowledge or resolve with nothing to act on is dropped, and still accepted
		}
		var updated = new ArrayList<Alert>();
		var inserted = new ArrayList<Alert>();
		for (var alert : touched.values()) {
			(created.contains(alert.id()) ? inserted : updated).add(alert);
		}
		// updates first: a resolved alert gives up its key before a new alert of the same key takes it;
		// inserts in key order, so that two writers inserting the same new keys wait instead of deadlocking
		alerts.updateAll(updated, payloads);
		inserted.sort(Comparator.comparing(Alert::integrationId).thenComparing(Alert::dedupKey));
		alerts.insertAll(inserted, originals, payloads);
		var changed = new AlertsChanged(triggered, acknowledgements, resolutions);
		if (!changed.isEmpty()) {
			events.publishEvent(changed);
		}
	}
}
