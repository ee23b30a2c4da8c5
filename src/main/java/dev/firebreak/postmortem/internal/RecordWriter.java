package dev.firebreak.postmortem.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.firebreak.comms.StatusUpdate;
import dev.firebreak.comms.StatusUpdates;
import dev.firebreak.escalation.Escalation;
import dev.firebreak.escalation.EscalationPolicies;
import dev.firebreak.identity.Account;
import dev.firebreak.identity.Accounts;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.TimelineEntry;
import dev.firebreak.incident.TimelineKind;
import dev.firebreak.notification.Delivery;
import dev.firebreak.notification.Notifications;
import dev.firebreak.notification.Subject;
import dev.firebreak.platform.Page;

/**
 * Writes the facts part of a post-mortem from the incident's record, so nobody copies the timeline
 * by hand: milestones, the times from detection and the steps between them, the timeline, mitigations, decisions, status
 * updates, who was paged when, how far each escalation went, and the detection gap when customers told us first.
 */
@Component
class RecordWriter {

	/** The status updates read into the facts: far more than an incident posts. */
	static final int UPDATES_READ = Page.MAX_SIZE;

	private final Incidents incidents;

	private final StatusUpdates updates;

	private final Notifications notifications;

	private final Accounts accounts;

	private final EscalationPolicies escalations;

	private final Clock clock;

	RecordWriter(Incidents incidents, StatusUpdates updates, Notifications notifications, Accounts accounts,
			EscalationPolicies escalations, Clock clock) {
		this.incidents = incidents;
		this.updates = updates;
		this.notifications = notifications;
		this.accounts = accounts;
		this.escalations = escalations;
		this.clock = clock;
	}

	Facts write(Incident incident) {
		var number = incident.number();
		var timeline = incidents.timeline(number);
		var mitigations = incidents.mitigations(number);
		var posted = new ArrayList<>(updates.of(number, null, new Page.Request(0, UPDATES_READ)).items());
		posted.sort(Comparator.comparing(StatusUpdate::postedAt));
		var paged = notifications.deliveries(Subject.incident(number)).stream().filter(d -> d.accountId() != null).toList();
		var people = new HashSet<UUID>();
		timeline.stream().map(TimelineEntry::authorId).filter(Objects::nonNull).forEach(people::add);
		mitigations.forEach(m -> {
			if (m.recordedBy() != null) {
				people.add(m.recordedBy());
			}
		});
		posted.stream().map(StatusUpdate::authorId).filter(Objects::nonNull).forEach(people::add);
		paged.forEach(d -> people.add(d.accountId()));
		var names = accounts.findAll(people);

		var m = incident.milestones();
		var milestones = List.of(new Facts.Milestone("detected", m.detectedAt()),
				new Facts.Milestone("acknowledged", m.acknowledgedAt()), new Facts.Milestone("mitigated", m.mitigatedAt()),
				new Facts.Milestone("resolved", m.resolvedAt()));
		var gaps = new ArrayList<>(List.of(new Facts.Gap("time to acknowledge", "detected", "acknowledged", m.timeToAcknowledge()),
				new Facts.Gap("time to mitigate", "detected", "mitigated", m.timeToMitigate()),
				new Facts.Gap("time to resolve", "detected", "resolved", m.timeToResolve())));
		gaps.addAll(steps(milestones));
		var resolution = incidents.resolution(number)
			.map(r -> new Facts.Resolved(r.rootCause(), r.rootCauseDeferred(), r.containment(), r.guardrails(), r.followUps()))
			.orElse(null);
		return new Facts(incident.id(), incident.title(), incident.severity() == null ? null : incident.severity().name(),
				incident.source() == null ? null : incident.source().toString(), incident.customerReported(),
				incident.customerImpact(), incident.summary(), m.detectedAt(), m.resolvedAt(),
				m.resolvedAt() == null ? null : Duration.between(m.detectedAt(), m.resolvedAt()), milestones, gaps,
				detectionGap(incident),
				timeline.stream().map(e -> line(e.at(), e.authorId(), "[" + e.kind() + "] " + e.text(), names)).toList(),
				mitigations.stream()
					.map(x -> line(x.recordedAt(), x.recordedBy(),
							x.lever() + ": " + x.description() + (x.mitigated() ? " (stopped the impact)" : " (did not stop it)"), names))
					.toList(),
				timeline.stream().filter(e -> e.kind() == TimelineKind.DECISION).map(e -> line(e.at(), e.authorId(), e.text(), names))
					.toList(),
				posted.stream().map(u -> line(u.postedAt(), u.authorId(), "to " + u.audience() + ": " + u.text(), names)).toList(),
				paged.stream().map(d -> paged(d, names)).toList(),
				escalations.escalations(number).stream().sorted(Comparator.comparing(Escalation::startedAt))
					.map(RecordWriter::escalation).toList(),
				resolution, clock.instant(), false);
	}

	/** What each milestone is called as the end of a step: "acknowledgement to mitigation". */
	private static final Map<String, String> STEP_NAMES = Map.of("detected", "detection", "acknowledged", "acknowledgement",
			"mitigated", "mitigation", "resolved", "resolution");

	/**
	 * How long each step took, from one milestone reached to the next one reached (a skipped one is
	 * stepped over): where the time went, which the from-detection times hide.
	 */
	static List<Facts.Gap> steps(List<Facts.Milestone> milestones) {
		var reached = milestones.stream().filter(x -> x.at() != null).toList();
		var steps = new ArrayList<Facts.Gap>();
		for (var i = 1; i < reached.size(); i++) {
			var from = reached.get(i - 1);
			var to = reached.get(i);
			steps.add(new Facts.Gap(STEP_NAMES.get(from.name()) + " to " + STEP_NAMES.get(to.name()), from.name(), to.name(),
					Duration.between(from.at(), to.at())));
		}
		return steps;
	}

	/** The display names of everyone who may be named in a post-mortem, for the blameless check. */
	Collection<String> people() {
		return accounts.all().stream().map(Account::displayName).toList();
	}

	private static String detectionGap(Incident incident) {
		if (incident.source() == IncidentSource.CUSTOMER_REPORT) {
			return "Customers reported this before any alert did: our detection missed it. What signal would have "
					+ "shown it first, and why was there none?";
		}
		if (incident.customerReported()) {
			return "Customers reported it too (it was found by " + incident.source() + "): did they notice before we did?";
		}
		return null;
	}

	private static Facts.Line escalation(Escalation e) {
		var text = e.policyName() + ": level " + (e.level() + 1) + " paged" + (e.cycle() > 0 ? " on repeat " + e.cycle() : "")
				+ ", " + e.status();
		return new Facts.Line(e.startedAt(), "Firebreak", text);
	}

	private static Facts.Line paged(Delivery d, Map<UUID, Account> names) {
		var text = "paged " + name(d.accountId(), names) + " by " + d.contactType() + " (" + d.status()
				+ (d.attempts() > 1 ? ", " + d.attempts() + " attempts" : "") + ")";
		return new Facts.Line(d.sentAt() != null ? d.sentAt() : d.createdAt(), "Firebreak", text);
	}

	private static Facts.Line line(Instant at, UUID who, String text, Map<UUID, Account> names) {
		return new Facts.Line(at, who == null ? "Firebreak" : name(who, names), text);
	}

	private static String name(UUID id, Map<UUID, Account> names) {
		var account = names.get(id);
		return account == null ? String.valueOf(id) : account.displayName();
	}
}
