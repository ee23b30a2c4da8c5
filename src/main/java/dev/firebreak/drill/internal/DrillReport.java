package dev.firebreak.drill.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.firebreak.incident.IncidentRole;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.ObligationKind;
import dev.firebreak.incident.Severity;
import dev.firebreak.notification.ContactType;
import dev.firebreak.notification.DeliveryStatus;

/**
 * What a drill report says: what was run, who was paged when and by what, who acknowledged, the
 * times to acknowledge and to mitigate against their targets, the incident's obligations (the war
 * room's among them) met or missed, and the service's earlier drills for comparison.
 */
record DrillReport(DrillView drill, List<PageLine> pages, List<ObligationLine> obligations, int obligationsMet,
		int obligationsMissed, List<DrillView> earlierDrills) {

	/** One drill as the API and the pages show it, with names beside ids and its times worked out. */
	record DrillView(UUID id, UUID serviceId, String serviceName, UUID runbookId, String runbookTitle, Severity severity, String summary,
			UUID startedBy, String startedByName, Instant startedAt, UUID alertId, String incidentId,
			IncidentStatus incidentStatus, boolean running, Instant firstPageAt, Duration timeToFirstPage,
			Instant acknowledgedAt, UUID acknowledgedBy, String acknowledgedByName, Duration timeToAck,
			Duration ackTarget, Boolean ackTargetMet, Instant mitigatedAt, Duration timeToMitigate,
			Duration mitigateTarget, Boolean mitigateTargetMet, Instant endedAt, UUID endedBy, String endedByName) {
	}

	/** One message of a page about the drill incident: to whom, by what, when, and how it went. */
	record PageLine(Instant at, UUID accountId, String name, ContactType contactType, DeliveryStatus status,
			int attempts) {
	}

	/**
	 * One obligation of the drill incident, and its verdict: {@code met}, {@code met_late},
	 * {@code missed} (past due and never met), {@code waived}, or {@code open} (not yet due).
	 */
	record ObligationLine(String key, ObligationKind kind, String title, Instant dueAt, IncidentRole ownerRole,
			UUID ownerId, Instant metAt, String verdict, boolean warRoom) {
	}
}
