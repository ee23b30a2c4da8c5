package dev.firebreak.drill.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.firebreak.alerting.Alerts;
import dev.firebreak.incident.IncidentAcknowledged;
import dev.firebreak.incident.IncidentMitigated;
import dev.firebreak.incident.IncidentResolved;
import dev.firebreak.incident.IncidentRole;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.ObligationOverdue;
import dev.firebreak.incident.TimelineKind;
import dev.firebreak.notification.NotificationDelivered;

/**
 * Records how a drill's response went, from the events of its incident: the first page handed to
 * a channel, the acknowledgement (and by whom), the mitigation, the resolution. Every event that
 * is not about a drill incident is ignored; each milestone is written once, so a repeat is harmless.
 */
@Component
class DrillListeners {

	private final DrillStore store;

	private final Incidents incidents;

	private final Alerts alerts;

	DrillListeners(DrillStore store, Incidents incidents, Alerts alerts) {
		this.store = store;
		this.incidents = incidents;
		this.alerts = alerts;
	}

	@ApplicationModuleListener
	void on(NotificationDelivered delivered) {
		if (delivered.incidentNumber() == null) {
			return;
		}
		var at = delivered.sentAt() != null ? delivered.sentAt() : delivered.acceptedAt();
		if (at != null && store.byIncident(delivered.incidentNumber()).isPresent()) {
			store.firstPage(delivered.incidentNumber(), at);
		}
	}

	@ApplicationModuleListener
	void on(IncidentAcknowledged acknowledged) {
		var number = acknowledged.incidentNumber();
		if (store.byIncident(number).isEmpty()) {
			return;
		}
		store.acknowledged(number, acknowledged.at(), acknowledger(number, acknowledged.at()));
	}

	/**
	 * Mitigating a drill clears its alert, as the metric behind a real alert recovers: the incident
	 * then follows the path a real one takes (monitoring, and a person confirms the resolution).
	 */
	@ApplicationModuleListener
	void on(IncidentMitigated mitigated) {
		store.byIncident(mitigated.incidentNumber()).ifPresent(drill -> {
			store.mitigated(drill.incidentNumber(), mitigated.at());
			alerts.resolveDrill(drill.alertId());
		});
	}

	/** Kept by the drill: resolution withdraws the incident's open obligations, and the report still names them. */
	@ApplicationModuleListener
	void on(ObligationOverdue overdue) {
		store.byIncident(overdue.incidentNumber()).ifPresent(drill -> store.missed(drill.id(),
				new DrillStore.MissedObligation(overdue.key(), overdue.kind(), overdue.title(), overdue.dueAt(),
						overdue.ownerId())));
	}

	@ApplicationModuleListener
	void on(IncidentResolved resolved) {
		store.byIncident(resolved.incidentNumber()).ifPresent(drill -> {
			// ended by its responders: ending the drill itself names who ended it first
			store.ended(drill.incidentNumber(), resolved.at(), null);
			alerts.resolveDrill(drill.alertId());
		});
	}

	/**
	 * Who took it on: the author of the status move that acknowledged it (leaving triage, at the
	 * acknowledgement's instant); else its commander, whom an acknowledgement by the paged person names.
	 */
	private UUID acknowledger(long number, Instant at) {
		var moved = incidents.timeline(number).stream()
			.filter(entry -> entry.kind() == TimelineKind.STATUS_CHANGED && entry.at().equals(at))
			.map(entry -> entry.authorId()).filter(Objects::nonNull)
			.min(Comparator.naturalOrder());
		return moved.orElseGet(() -> incidents.find(number).map(i -> i.roles().get(IncidentRole.INCIDENT_COMMANDER))
			.orElse(null));
	}
}
