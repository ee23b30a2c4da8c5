package dev.firebreak.incident.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentAcknowledged;
import dev.firebreak.incident.IncidentClosed;
import dev.firebreak.incident.IncidentDeclared;
import dev.firebreak.incident.IncidentMitigated;
import dev.firebreak.incident.IncidentProceduresRaised;
import dev.firebreak.incident.IncidentResolved;
import dev.firebreak.incident.IncidentRole;
import dev.firebreak.incident.IncidentSeverityChanged;
import dev.firebreak.incident.IncidentStatusChanged;
import dev.firebreak.incident.ObligationKind;
import dev.firebreak.incident.ObligationOverdue;
import dev.firebreak.incident.RoleAssigned;
import dev.firebreak.incident.RoleHandedOver;
import dev.firebreak.incident.RoleUnassigned;
import dev.firebreak.incident.Severity;
import dev.firebreak.incident.TimelineEntry;
import dev.firebreak.incident.TimelineKind;
import dev.firebreak.platform.FirebreakPolicy;

/**
 * The book, kept: after every change of an incident its own obligations are worked out again from
 * what it is now (its severity's procedures, roles, milestones, war room), so that running twice,
 * or late, changes nothing. A missed obligation has the consequence the policy gives it: an
 * unclassified incident gets the default severity, a SEV2 left unmitigated opens a war room and
 * later runs with SEV1 procedures, the commander is proposed a rotation. Missed roles and stalled
 * progress are escalated by the escalation capability, which listens for them.
 */
@Component
class Playbook {

	private static final Logger log = LoggerFactory.getLogger(Playbook.class);

	static final String CLASSIFY = "classify";

	static final String PROGRESS = "progress";

	static final String MITIGATE_WAR_ROOM = "mitigate:war-room";

	static final String MITIGATE_SEV1 = "mitigate:sev1-procedures";

	static final String CHECKPOINT = "checkpoint";

	static final String IC_ROTATION = "ic-rotation";

	/** The single-holder roles a severity may require. */
	private static final Set<IncidentRole> ROLES = EnumSet.of(IncidentRole.INCIDENT_COMMANDER,
			IncidentRole.COMMUNICATIONS_LEAD, IncidentRole.OPERATIONS_LEAD, IncidentRole.SCRIBE);

	private final IncidentStore incidents;

	private final IncidentService service;

	private final ObligationBook book;

	private final ObligationStore store;

	private final TimelineStore timeline;

	private final ApplicationEventPublisher events;

	private final FirebreakPolicy policy;

	private final Clock clock;

	private final TransactionOperations transactions;

	Playbook(IncidentStore incidents, IncidentService service, ObligationBook book, ObligationStore store,
			TimelineStore timeline, ApplicationEventPublisher events, FirebreakPolicy policy,
			Clock clock, TransactionOperations transactions) {
		this.incidents = incidents;
		this.service = service;
		this.book = book;
		this.store = store;
		this.timeline = timeline;
		this.events = events;
		this.policy = policy;
		this.clock = clock;
		this.transactions = transactions;
	}

	@ApplicationModuleListener
	void on(IncidentDeclared event) {
		reconcile(event.incidentNumber(), event.declaredAt());
	}

	@ApplicationModuleListener
	void on(IncidentSeverityChanged event) {
		reconcile(event.incidentNumber(), event.at());
	}

	@ApplicationModuleListener
	void on(IncidentStatusChanged event) {
		reconcile(event.incidentNumber(), event.at());
	}

	@ApplicationModuleListener
	void on(IncidentAcknowledged event) {
		reconcile(event.incidentNumber(), event.at());
	}

	@ApplicationModuleListener
	void on(IncidentMitigated event) {
		reconcile(event.incidentNumber(), event.at());
	}

	@ApplicationModuleListener
	void on(IncidentProceduresRaised event) {
		reconcile(event.incidentNumber(), event.at());
	}

	@ApplicationModuleListener
	void on(RoleAssigned event) {
		reconcile(event.incidentNumber(), event.at());
	}

	@ApplicationModuleListener
	void on(RoleHandedOver event) {
		reconcile(event.incidentNumber(), event.at());
	}

	@ApplicationModuleListener
	void on(RoleUnassigned event) {
		reconcile(event.incidentNumber(), event.at());
	}

	@ApplicationModuleListener
	void on(IncidentResolved event) {
		reconcile(event.incidentNumber(), event.at());
	}

	@ApplicationModuleListener
	void on(IncidentClosed event) {
		reconcile(event.incidentNumber(), event.at());
	}

	/**
	 * Incidents already open when an instance starts (declared before obligations existed, or while
	 * no instance ran) get theirs: the rules are idempotent, so every instance may do it.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void reconcileOpenIncidents() {
		for (var number : incidents.active()) {
			try {
				transactions.executeWithoutResult(status -> reconcile(number, clock.instant()));
			}
			catch (RuntimeException e) {
				log.warn("Could not work out the obligations of {}{}", Incident.PREFIX, number, e);
			}
		}
	}

	/** What a missed obligation of this module's own rules brings about. */
	@ApplicationModuleListener
	void on(ObligationOverdue missed) {
		var number = missed.incidentNumber();
		switch (missed.key()) {
			case CLASSIFY -> {
				var severity = Severity.valueOf(policy.unclassifiedSeverity());
				service.classifyIfUnclassified(number, severity, "no severity " + SummaryWriter.human(policy.unclassifiedAfter())
						+ " after declaration, so " + severity + " until someone classifies it from user impact");
			}
			case MITIGATE_WAR_ROOM -> openWarRoomIfUnmitigated(number);
			case MITIGATE_SEV1 -> raiseProcedures(number);
			case IC_ROTATION -> proposeRotation(number);
			default -> {
				// roles and stalled progress are escalated by the escalation capability; updates by comms
			}
		}
	}

	/**
	 * Works the incident's own obligations out again from what it is now; {@code since} is when the
	 * change happened, from which a newly required role's deadline runs.
	 */
	@Transactional
	void reconcile(long number, Instant since) {
		if (incidents.lock(number).isEmpty()) {
			return;
		}
		var incident = incidents.find(number).orElseThrow();
		if (!incident.isActive()) {
			book.withdrawOwn(number);
			return;
		}
		var declared = incident.milestones().declaredAt();
		if (incident.severity() == null) {
			ensure(incident, CLASSIFY, ObligationKind.CLASSIFY, "Classify the severity from user impact (else "
					+ policy.unclassifiedSeverity() + ")", declared.plus(policy.unclassifiedAfter()), IncidentRole.INCIDENT_COMMANDER, false);
			// no severity's procedures yet; an incident on several services has its war room all the same
			warRoom(incident, null, since);
			return;
		}
		book.meet(number, CLASSIFY, "classified as " + incident.severity());
		var procedures = policy.severity(incident.procedures().name());
		roles(incident, procedures, since);
		mitigation(incident);
		progress(incident, procedures);
		warRoom(incident, procedures, since);
	}

	private void roles(Incident incident, FirebreakPolicy.SeverityPolicy procedures, Instant since) {
		var number = incident.number();
		for (var role : ROLES) {
			var key = "role:" + role;
			var required = procedures.requiredRoles().contains(role.toString());
			var holder = incident.roles().get(role);
			if (!required) {
				book.withdraw(number, key);
				continue;
			}
			var existing = store.find(number, key);
			var vacated = holder == null && existing.isPresent() && existing.get().metAt() != null && !existing.get().waived();
			if (existing.isEmpty() || vacated) {
				// required from the change that asked for it: the declaration, a severity raised, SEV1
				// procedures, or the holder leaving the role
				var due = since.plus(procedures.roleDeadline());
				book.open(number, key, ObligationKind.ROLE, "Fill the role of " + role.title().toLowerCase(Locale.ROOT)
						+ " (" + incident.procedures() + ")", due, IncidentRole.INCIDENT_COMMANDER, null, true);
			}
			if (holder != null) {
				book.meet(number, key, "filled by " + service.name(holder));
			}
		}
	}

	private void mitigation(Incident incident) {
		var number = incident.number();
		var mitigatedAt = incident.milestones().mitigatedAt();
		if (mitigatedAt != null) {
			book.meet(number, MITIGATE_WAR_ROOM, "mitigated at " + ObligationBook.TIME.format(mitigatedAt));
			book.meet(number, MITIGATE_SEV1, "mitigated at " + ObligationBook.TIME.format(mitigatedAt));
			return;
		}
		if (incident.severity() != Severity.SEV2 || incident.procedures() != Severity.SEV2) {
			book.withdraw(number, MITIGATE_WAR_ROOM);
			book.withdraw(number, MITIGATE_SEV1);
			return;
		}
		var sev2Since = sev2Since(incident);
		if (store.warRoom(number).isEmpty()) {
			ensure(incident, MITIGATE_WAR_ROOM, ObligationKind.MITIGATE, "Mitigate, or a war room opens",
					sev2Since.plus(policy.warRoom().sev2UnmitigatedAfter()), IncidentRole.OPERATIONS_LEAD, true);
		}
		ensure(incident, MITIGATE_SEV1, ObligationKind.MITIGATE, "Mitigate, or SEV1 procedures apply",
				sev2Since.plus(policy.escalation().sev2AsSev1After()), IncidentRole.OPERATIONS_LEAD, true);
	}

	private void progress(Incident incident, FirebreakPolicy.SeverityPolicy procedures) {
		var acknowledged = incident.milestones().acknowledgedAt();
		if (acknowledged == null || !procedures.page()) {
			return;
		}
		ensure(incident, PROGRESS, ObligationKind.PROGRESS, "Show mitigation progress, or the escalation moves up a level",
				acknowledged.plus(policy.escalation().noMitigationProgressAfterAck()), IncidentRole.OPERATIONS_LEAD, false);
		var recorded = timeline.mitigations(incident.number());
		if (incident.milestones().mitigatedAt() != null) {
			book.meet(incident.number(), PROGRESS, "mitigated");
		}
		else if (!recorded.isEmpty()) {
			book.meet(incident.number(), PROGRESS, "mitigation recorded: " + recorded.get(0).description());
		}
	}

	private void warRoom(Incident incident, FirebreakPolicy.SeverityPolicy procedures, Instant since) {
		var number = incident.number();
		String reason = null;
		if (procedures != null && procedures.warRoom() == FirebreakPolicy.Requirement.REQUIRED) {
			reason = incident.procedures() + (incident.severity() == incident.procedures() ? "" : " procedures")
					+ " requires a war room";
		}
		else if (policy.warRoom().severalServices() && incident.affectedServiceIds().size() > 1) {
			reason = "it affects " + incident.affectedServiceIds().size() + " services";
		}
		if (reason != null) {
			openWarRoom(number, since, reason);
		}
		var room = store.warRoom(number).orElse(null);
		if (room == null) {
			return;
		}
		var last = room.lastCheckpointAt() != null ? room.lastCheckpointAt() : room.openedAt();
		ensure(incident, CHECKPOINT, ObligationKind.CHECKPOINT, "Answer the war-room checkpoint",
				last.plus(policy.warRoom().checkpoint()), IncidentRole.INCIDENT_COMMANDER, false);
		var commander = incident.roles().get(IncidentRole.INCIDENT_COMMANDER);
		if (commander == null) {
			book.withdraw(number, IC_ROTATION);
			return;
		}
		// a commander tires whether or not the room was open all along: counted from when they took the role
		var leading = store.roleSince(number, IncidentRole.INCIDENT_COMMANDER).orElse(room.openedAt());
		ensure(incident, IC_ROTATION, ObligationKind.IC_ROTATION, "Consider a fresh incident commander ("
				+ service.name(commander) + " has led since " + ObligationBook.TIME.format(leading) + ")",
				leading.plus(policy.warRoom().proposeIcRotationAfter()), IncidentRole.INCIDENT_COMMANDER, false);
	}

	/** When the incident became the SEV2 it is: at declaration, or when a person (or the policy) said so. */
	private Instant sev2Since(Incident incident) {
		return incidents.severitySince(incident.number()).orElse(incident.milestones().declaredAt());
	}

	/** "after declaration", or "after it became SEV2" when it was something else first. */
	private String afterItBecame(Incident incident) {
		return sev2Since(incident).equals(incident.milestones().declaredAt()) ? "after declaration"
				: "after it became " + incident.severity();
	}

	/** Opens it when it is not there with this due time already (met or not). */
	private void ensure(Incident incident, String key, ObligationKind kind, String title, Instant due, IncidentRole owner,
			boolean tellsCommander) {
		var existing = store.find(incident.number(), key);
		if (existing.isPresent() && existing.get().dueAt().equals(due)) {
			return;
		}
		book.open(incident.number(), key, kind, title, due, owner, null, tellsCommander);
	}

	/** Opens the war room once, with why, on the timeline. */
	void openWarRoom(long number, Instant at, String reason) {
		if (store.openWarRoom(number, at, reason)) {
			write(number, "War room opened: " + reason + ". Checkpoint every "
					+ SummaryWriter.human(policy.warRoom().checkpoint()) + "; one decision owner, the incident commander");
		}
	}

	@Transactional
	void openWarRoomIfUnmitigated(long number) {
		incidents.lock(number);
		var incident = incidents.find(number).orElse(null);
		if (incident == null || !incident.isActive() || incident.milestones().mitigatedAt() != null) {
			return;
		}
		openWarRoom(number, clock.instant(), incident.severity() + " not mitigated "
				+ SummaryWriter.human(policy.warRoom().sev2UnmitigatedAfter()) + " " + afterItBecame(incident));
		book.meet(number, MITIGATE_WAR_ROOM, "a war room opened at " + ObligationBook.TIME.format(clock.instant()));
		reconcile(number, clock.instant());
	}

	/** A SEV2 still unmitigated past the policy's time is run as a SEV1, and everybody hears it. */
	@Transactional
	void raiseProcedures(long number) {
		incidents.lock(number);
		var incident = incidents.find(number).orElse(null);
		if (incident == null || !incident.isActive() || incident.milestones().mitigatedAt() != null
				|| incident.severity() != Severity.SEV2 || incident.procedures() == Severity.SEV1) {
			return;
		}
		var now = clock.instant();
		incidents.raiseProcedures(number, now);
		book.meet(number, MITIGATE_SEV1, "SEV1 procedures apply since " + ObligationBook.TIME.format(now));
		write(number, "SEV1 procedures apply: " + incident.severity() + " not mitigated "
				+ SummaryWriter.human(policy.escalation().sev2AsSev1After())
				+ " " + afterItBecame(incident) + ". SEV1 roles, cadences, war room and paging now apply; the severity stays "
				+ incident.severity() + " until someone changes it from user impact");
		events.publishEvent(new IncidentProceduresRaised(number, incident.severity(), Severity.SEV1, now));
	}

	@Transactional
	void proposeRotation(long number) {
		incidents.lock(number);
		var incident = incidents.find(number).orElse(null);
		var commander = incident == null ? null : incident.roles().get(IncidentRole.INCIDENT_COMMANDER);
		// proposed once per commander's stint: the obligation met says it was, a second delivery finds it so
		if (commander == null || !incident.isActive() || !store.close(number, IC_ROTATION, clock.instant(),
				"proposed to " + service.name(commander) + " at " + ObligationBook.TIME.format(clock.instant()), false)) {
			return;
		}
		var since = store.roleSince(number, IncidentRole.INCIDENT_COMMANDER).orElse(clock.instant());
		write(number, "Proposal: rotate the incident commander. " + service.name(commander) + " has led for "
				+ SummaryWriter.human(Duration.between(since, clock.instant()))
				+ "; hand over to a fresh commander (PUT /api/v1/incidents/" + incident.id()
				+ "/roles/incident_commander), or set this aside with a reason");
	}

	private void write(long number, String text) {
		timeline.append(new TimelineEntry(UUID.randomUUID(), number, clock.instant(), null, TimelineKind.POLICY, text, null));
	}
}
