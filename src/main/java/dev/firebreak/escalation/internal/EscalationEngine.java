package dev.firebreak.escalation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import dev.firebreak.escalation.Escalation;
import dev.firebreak.escalation.EscalationLevelReached;
import dev.firebreak.escalation.EscalationPolicy;
import dev.firebreak.identity.Account;
import dev.firebreak.identity.Accounts;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Incidents;
import dev.firebreak.notification.Notice;
import dev.firebreak.notification.Notifications;
import dev.firebreak.notification.PageRequest;
import dev.firebreak.notification.Subject;
import dev.firebreak.notification.Urgency;

/**
 * Runs escalation policies for incidents. Paging a level asks the notification module to page each
 * person (idempotent by incident, policy, cycle, level and person) and sets a durable timer for the
 * level's delay; when it fires with nobody having acknowledged, the next level is paged — or, after
 * the last level, the first again, {@code repeat} times, and then the incident is marked
 * unacknowledged after escalation. Every move is a compare-and-set on the escalation's row (its
 * cycle and level), so a timer that fires twice, or on two instances, moves it once.
 */
@Component
class EscalationEngine {

	private final EscalationStore store;

	private final PolicyStore policies;

	private final TargetResolver targets;

	private final Urgencies urgencies;

	private final Incidents incidents;

	private final Notifications notifications;

	private final Accounts accounts;

	private final SchedulerClient timers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	EscalationEngine(EscalationStore store, PolicyStore policies, TargetResolver targets, Urgencies urgencies,
			Incidents incidents, Notifications notifications, Accounts accounts, @Lazy SchedulerClient timers,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.policies = policies;
		this.targets = targets;
		this.urgencies = urgencies;
		this.incidents = incidents;
		this.notifications = notifications;
		this.accounts = accounts;
		this.timers = timers;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Starts the policy of each of the incident's services (a policy shared by two services runs
	 * once). Customer-reported incidents start one level up; suspected data loss at the top level.
	 */
	@Transactional
	void start(long number) {
		var incident = incidents.find(number).orElse(null);
		if (incident == null || settled(incident)) {
			return;
		}
		var byPolicy = new LinkedHashMap<UUID, EscalationPolicy>();
		for (var service : incident.affectedServiceIds()) {
			policies.forService(service).ifPresent(policy -> byPolicy.putIfAbsent(policy.id(), policy));
		}
		if (byPolicy.isEmpty()) {
			if (!incident.affectedServiceIds().isEmpty() && !alreadySaidNobody(number)) {
				incidents.recordPaging(number, NO_POLICY);
			}
			return;
		}
		var now = clock.instant();
		var urgency = urgencies.of(incident.procedures(), incident.affectedServiceIds(), now);
		for (var policy : byPolicy.values()) {
			var last = policy.levels().size() - 1;
			var reported = incident.customerReported() || incident.source() == IncidentSource.CUSTOMER_REPORT;
			var first = incident.dataLossSuspected() ? last : reported ? Math.min(1, last) : 0;
			var escalation = new Escalation(UUID.randomUUID(), number, policy.id(), policy.name(), urgency, 0, first,
					Escalation.Status.ACTIVE, now, null, now);
			if (store.start(escalation)) {
				var why = first == 0 ? "" : incident.dataLossSuspected() ? " (data loss suspected: top level first)"
						: " (reported by a customer: one level up)";
				page(escalation, policy, incident, first, 0, why);
			}
		}
	}

	/** The incident became more urgent (a severity raised): an escalation that only notified now pages and escalates. */
	@Transactional
	void urgencyChanged(long number) {
		var incident = incidents.find(number).orElse(null);
		if (incident == null || settled(incident)) {
			return;
		}
		var urgency = urgencies.of(incident.procedures(), incident.affectedServiceIds(), clock.instant());
		if (urgency != Urgency.HIGH) {
			return;
		}
		var running = store.ofIncident(number);
		if (running.isEmpty()) {
			// its services had no policy when it was declared (or it was not urgent then and none ran)
			start(number);
			return;
		}
		for (var escalation : running) {
			if (escalation.status() == Escalation.Status.ACTIVE && escalation.urgency() == Urgency.LOW) {
				var locked = store.lock(escalation.id()).orElseThrow();
				if (locked.urgency() == Urgency.LOW && locked.status() == Escalation.Status.ACTIVE) {
					var policy = policies.find(locked.policyId()).orElse(null);
					if (policy != null) {
						var raised = withUrgency(locked, Urgency.HIGH);
						page(raised, policy, incident, locked.level(), locked.cycle(), " (now " + label(incident) + ")");
					}
				}
			}
		}
	}

	/** A level's delay ran out. Moves on only if the escalation still stands where the timer found it. */
	@Transactional
	void levelDue(LevelDue due) {
		var escalation = store.lock(due.escalationId()).orElse(null);
		if (escalation == null || escalation.status() != Escalation.Status.ACTIVE || escalation.cycle() != due.cycle()
				|| escalation.level() != due.level()) {
			return;
		}
		var now = clock.instant();
		var incident = incidents.find(escalation.incidentNumber()).orElse(null);
		if (incident == null || settled(incident)) {
			// the acknowledgement's listener has not run yet, or ran before this escalation existed
			store.finish(escalation.id(), incident != null && isResolved(incident) ? Escalation.Status.RESOLVED
					: Escalation.Status.ACKNOWLEDGED, now);
			return;
		}
		var policy = policies.find(escalation.policyId()).orElse(null);
		if (policy == null) {
			store.finish(escalation.id(), Escalation.Status.EXHAUSTED, now);
			incidents.recordPaging(incident.number(), "Escalation stopped: its policy '" + escalation.policyName() + "' was deleted");
			return;
		}
		advance(escalation, policy, incident, escalation.cycle(), escalation.level(), "");
	}

	/**
	 * A missed obligation (a required role unfilled, no mitigation progress) brings in the next
	 * level of each running policy once, beside whoever already acknowledged, and the commander
	 * when the rule names them. The escalation itself stays where it is.
	 */
	@Transactional
	void escalateOnce(long number, Instant dueAt, String why, UUID commander) {
		var incident = incidents.find(number).orElse(null);
		if (incident == null || isResolved(incident)) {
			return;
		}
		var now = clock.instant();
		var subject = Subject.incident(number);
		var paged = new java.util.LinkedHashSet<UUID>();
		var where = new java.util.ArrayList<String>();
		for (var escalation : store.ofIncident(number)) {
			var policy = policies.find(escalation.policyId()).orElse(null);
			// an escalation nobody acknowledged is moving up by itself; one at its last level has nobody further
			if (policy == null || escalation.status() == Escalation.Status.ACTIVE
					|| escalation.level() + 1 >= policy.levels().size()) {
				continue;
			}
			var level = escalation.level() + 1;
			var people = targets.resolve(policy.levels().get(level), now).people();
			var label = "level " + (level + 1) + " of '" + policy.name() + "'";
			for (var person : people) {
				if (paged.add(person)) {
					notifications.page(new PageRequest("INC-" + number + ":missed:" + dueAt.toEpochMilli() + ":" + person, person,
							Urgency.HIGH, subject, "Escalated (" + why + "): " + label));
				}
			}
			if (!people.isEmpty()) {
				where.add(label);
			}
		}
		if (commander != null && paged.add(commander)) {
			notifications.page(new PageRequest("INC-" + number + ":missed:" + dueAt.toEpochMilli() + ":" + commander, commander,
					Urgency.HIGH, subject, "Escalated (" + why + "): the incident commander"));
			where.add("the incident commander");
		}
		if (paged.isEmpty()) {
			incidents.recordPaging(number, "Could not escalate (" + why + "): no acknowledged escalation of its services has a next level with anybody on call");
			return;
		}
		var names = accounts.findAll(paged).values().stream().map(Account::displayName).sorted()
			.collect(Collectors.joining(", "));
		incidents.recordPaging(number, "Escalated (" + why + "): paged " + names + " — " + String.join(", ", where));
	}

	/** Someone acknowledged, or the incident was resolved: nothing more is paged for it. */
	@Transactional
	void stop(long number, Escalation.Status why) {
		// resolving straight from triage acknowledges too; by the time either listener runs, the incident says which
		var resolved = incidents.find(number).map(EscalationEngine::isResolved).orElse(false);
		store.finishAll(number, resolved ? Escalation.Status.RESOLVED : why, clock.instant());
		notifications.stop(Subject.incident(number));
	}

	private void advance(Escalation escalation, EscalationPolicy policy, Incident incident, int cycle, int level, String why) {
		var last = policy.levels().size() - 1;
		if (level < last) {
			page(escalation, policy, incident, level + 1, cycle, why);
		}
		else if (cycle < policy.repeat()) {
			page(escalation, policy, incident, 0, cycle + 1, why);
		}
		else {
			store.finish(escalation.id(), Escalation.Status.EXHAUSTED, clock.instant());
			incidents.recordPaging(incident.number(), "Unacknowledged after escalation: nobody acknowledged after every level of '"
					+ policy.name() + "' was paged " + times(policy.repeat() + 1) + why);
		}
	}

	/**
	 * Pages one level. A level with nobody to page (a gap in every schedule it names) is skipped at
	 * once, so that an empty level never holds up the next one; the timeline says so.
	 */
	private void page(Escalation escalation, EscalationPolicy policy, Incident incident, int level, int cycle, String why) {
		var now = clock.instant();
		var resolved = targets.resolve(policy.levels().get(level), now);
		var where = "level " + (level + 1) + " of '" + policy.name() + "'" + (cycle == 0 ? "" : " (repeat " + cycle + ")");
		if (resolved.nobody()) {
			incidents.recordPaging(incident.number(), "Nobody to page on " + where
					+ (resolved.gaps().isEmpty() ? "" : ": nobody on call on " + String.join(", ", resolved.gaps()))
					+ "; going on to the next level");
			store.moveTo(escalation.id(), escalation.urgency(), cycle, level, null, now);
			if (nothingToPageAnywhere(policy, now)) {
				store.finish(escalation.id(), Escalation.Status.EXHAUSTED, now);
				incidents.recordPaging(incident.number(), "Unacknowledged after escalation: no level of '" + policy.name()
						+ "' has anybody to page");
				return;
			}
			advance(escalation, policy, incident, cycle, level, why);
			return;
		}
		var subject = Subject.incident(incident.number());
		var urgency = escalation.urgency();
		var reason = where.substring(0, 1).toUpperCase() + where.substring(1);
		for (var person : resolved.people()) {
			notifications.page(new PageRequest(key(escalation, cycle, level) + ":" + person, person, urgency, subject, reason));
		}
		for (var channel : resolved.channels()) {
			notifications.announce(channel, new Notice(key(escalation, cycle, level) + ":channel", "[" + label(incident) + "] "
					+ incident.id() + " " + incident.title(), "Paging " + where + ". " + incident.summary(), null));
		}
		var delay = policy.levels().get(level).delay() != null ? policy.levels().get(level).delay()
				: urgencies.ackTarget(incident.procedures());
		var nextAt = urgency == Urgency.HIGH ? now.plus(delay) : null;
		store.moveTo(escalation.id(), urgency, cycle, level, nextAt, now);
		if (nextAt != null) {
			timers.scheduleIfNotExists(EscalationTasks.LEVEL_DUE.instance(escalation.id() + ":c" + cycle + ":l" + level)
				.data(new LevelDue(escalation.id(), cycle, level))
				.scheduledTo(nextAt));
		}
		var names = accounts.findAll(resolved.people()).values().stream().map(Account::displayName).sorted()
			.collect(Collectors.joining(", "));
		var who = names.isEmpty() ? resolved.channels().size() + " chat channel(s)" : names;
		incidents.recordPaging(incident.number(), (urgency == Urgency.HIGH ? "Paged " : "Notified (low urgency, no escalation) ")
				+ who + ": " + where + why + (nextAt == null ? "" : "; next level unless acknowledged within " + human(delay)));
		events.publishEvent(new EscalationLevelReached(incident.number(), policy.id(), cycle, level, resolved.people(), now));
	}

	private boolean nothingToPageAnywhere(EscalationPolicy policy, Instant at) {
		return policy.levels().stream().allMatch(level -> targets.resolve(level, at).nobody());
	}

	private boolean alreadySaidNobody(long number) {
		return incidents.timeline(number).stream().anyMatch(entry -> NO_POLICY.equals(entry.text()));
	}

	private static final String NO_POLICY = "Nobody was paged: no escalation policy covers the incident's services";

	/** incident, policy, cycle and level: with the person, the idempotency key of a page. */
	private static String key(Escalation escalation, int cycle, int level) {
		return "INC-" + escalation.incidentNumber() + ":" + escalation.policyId() + ":c" + cycle + ":l" + level + ":"
				+ escalation.urgency();
	}

	private static Escalation withUrgency(Escalation e, Urgency urgency) {
		return new Escalation(e.id(), e.incidentNumber(), e.policyId(), e.policyName(), urgency, e.cycle(), e.level(),
				e.status(), e.startedAt(), e.nextAt(), e.updatedAt());
	}

	private static boolean settled(Incident incident) {
		return incident.milestones().acknowledgedAt() != null || isResolved(incident);
	}

	private static boolean isResolved(Incident incident) {
		return incident.status() == IncidentStatus.RESOLVED || incident.status() == IncidentStatus.CLOSED;
	}

	private static String label(Incident incident) {
		return incident.severity() == null ? "unclassified" : incident.severity().name();
	}

	private static String times(int n) {
		return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
	}

	private static String human(java.time.Duration duration) {
		var minutes = duration.toMinutes();
		return minutes % 60 == 0 ? (minutes / 60) + " h" : minutes + " min";
	}

	/** The data of a level's timer: which escalation, and where it stood when the timer was set. */
	record LevelDue(UUID escalationId, int cycle, int level) {
	}

}
