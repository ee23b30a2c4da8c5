package dev.firebreak.escalation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import dev.firebreak.alerting.AlertSeverity;
import dev.firebreak.alerting.AlertTriggered;
import dev.firebreak.alerting.Alerts;
import dev.firebreak.escalation.Escalation;
import dev.firebreak.escalation.EscalationLevel;
import dev.firebreak.escalation.EscalationLevelReached;
import dev.firebreak.escalation.EscalationPolicy;
import dev.firebreak.identity.Account;
import dev.firebreak.identity.Accounts;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.Incidents;
import dev.firebreak.notification.Notice;
import dev.firebreak.notification.Notifications;
import dev.firebreak.notification.PageRequest;
import dev.firebreak.notification.Subject;
import dev.firebreak.notification.Urgency;

/**
 * Runs escalation policies for incidents, and for alerts that open none. Paging a level asks the
 * notification module to page each person (idempotent by incident or alert, policy, cycle, level
 * and person) and sets a durable timer for the level's delay; when it fires with nobody having
 * acknowledged, the next level is paged — or, after the last level, the first again,
 * {@code repeat} times, and then an incident is flagged unacknowledged after escalation. Every
 * move is a compare-and-set on the escalation's row (its cycle and level), so a timer that fires
 * twice, or on two instances, moves it once.
 */
@Component
class EscalationEngine {

	private final EscalationStore store;

	private final PolicyStore policies;

	private final TargetResolver targets;

	private final Urgencies urgencies;

	private final Incidents incidents;

	private final Alerts alerts;

	private final Notifications notifications;

	private final Accounts accounts;

	private final SchedulerClient timers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	EscalationEngine(EscalationStore store, PolicyStore policies, TargetResolver targets, Urgencies urgencies,
			Incidents incidents, Alerts alerts, Notifications notifications, Accounts accounts,
			@Lazy SchedulerClient timers, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.policies = policies;
		this.targets = targets;
		this.urgencies = urgencies;
		this.incidents = incidents;
		this.alerts = alerts;
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
		if (incident == null || new Escalated.OfIncident(incident).settled()) {
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
			var escalation = new Escalation(UUID.randomUUID(), number, null, policy.id(), policy.name(), urgency, 0, first,
					Escalation.Status.ACTIVE, now, null, now);
			if (store.start(escalation)) {
				var why = first == 0 ? "" : incident.dataLossSuspected() ? " (data loss suspected: top level first)"
						: " (reported by a customer: one level up)";
				page(escalation, policy, new Escalated.OfIncident(incident), first, 0, why, memo(now));
			}
		}
	}

	/** The incident became more urgent (a severity raised): an escalation that only notified now pages and escalates. */
	@Transactional
	void urgencyChanged(long number) {
		var incident = incidents.find(number).orElse(null);
		if (incident == null || new Escalated.OfIncident(incident).settled()) {
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
		var escalated = new Escalated.OfIncident(incident);
		for (var escalation : running) {
			raise(escalation, escalated, " (now " + escalated.label() + ")");
		}
	}

	/** An escalation that only notified pages now, from the level it stands on, and escalates from there. */
	private void raise(Escalation escalation, Escalated escalated, String why) {
		if (escalation.status() != Escalation.Status.ACTIVE || escalation.urgency() != Urgency.LOW) {
			return;
		}
		var locked = store.lock(escalation.id()).orElseThrow();
		if (locked.urgency() == Urgency.LOW && locked.status() == Escalation.Status.ACTIVE) {
			var policy = policies.find(locked.policyId()).orElse(null);
			if (policy != null) {
				var raised = withUrgency(locked, Urgency.HIGH);
				page(raised, policy, escalated, locked.level(), locked.cycle(), why, memo(clock.instant()));
			}
		}
	}

	/**
	 * Alerts opened (or made worse) that open no incident, as their service routes them: critical
	 * and error ones are high urgency and run the service's policy as an incident's would, level by
	 * level; warnings are low urgency, the first level told once by their low-urgency rules; info
	 * pages nobody; an alert in a maintenance window neither. A storm brings hundreds of alerts of a
	 * few services: each service's routing, policy and people are looked up once per batch.
	 */
	@Transactional
	void startForAlerts(List<AlertTriggered> triggered) {
		var ids = triggered.stream().filter(t -> !t.duringMaintenance() && t.serviceId() != null)
			.map(AlertTriggered::alertId).distinct().toList();
		if (ids.isEmpty()) {
			return;
		}
		var now = clock.instant();
		var opensIncident = new HashMap<String, Boolean>();
		var policyOf = new HashMap<UUID, Optional<EscalationPolicy>>();
		var people = memo(now);
		// as they stand now: one acknowledged or resolved before this ran pages nobody, and one made
		// worse within the batch is handled once, with its worst severity
		for (var alert : alerts.findAll(ids).values()) {
			var escalated = new Escalated.OfAlert(alert);
			// a drill's alert pages through the drill incident it opened, never on its own
			if (escalated.settled() || alert.duringMaintenance() || alert.drill() || alert.severity() == AlertSeverity.INFO
					|| opensIncident.computeIfAbsent(alert.serviceId() + "/" + alert.severity(),
							k -> incidents.severityOpenedBy(alert.serviceId(), alert.severity()).isPresent())) {
				continue;
			}
			var policy = policyOf.computeIfAbsent(alert.serviceId(), policies::forService).orElse(null);
			if (policy == null) {
				continue;
			}
			var urgency = alert.severity().isHighUrgency() ? Urgency.HIGH : Urgency.LOW;
			var escalation = new Escalation(UUID.randomUUID(), null, alert.id(), policy.id(), policy.name(), urgency, 0, 0,
					Escalation.Status.ACTIVE, now, null, now);
			if (store.start(escalation)) {
				page(escalation, policy, escalated, 0, 0, "", people);
			}
			else if (urgency == Urgency.HIGH) {
				// a warning that turned critical: its notice becomes a page
				store.ofAlert(alert.id()).stream().filter(e -> e.policyId().equals(policy.id()))
					.forEach(e -> raise(e, escalated, " (now " + alert.severity() + ")"));
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
		var escalated = current(escalation).orElse(null);
		if (escalated == null || escalated.settled()) {
			// the acknowledgement's listener has not run yet, or ran before this escalation existed
			store.finish(escalation.id(), escalated != null && escalated.resolved() ? Escalation.Status.RESOLVED
					: Escalation.Status.ACKNOWLEDGED, now);
			return;
		}
		var policy = policies.find(escalation.policyId()).orElse(null);
		if (policy == null) {
			store.finish(escalation.id(), Escalation.Status.EXHAUSTED, now);
			record(escalated, "Escalation stopped: its policy '" + escalation.policyName() + "' was deleted");
			return;
		}
		advance(escalation, policy, escalated, escalation.cycle(), escalation.level(), "", memo(now));
	}

	private Optional<Escalated> current(Escalation escalation) {
		return escalation.incidentNumber() != null
				? incidents.find(escalation.incidentNumber()).map(Escalated.OfIncident::new)
				: alerts.find(escalation.alertId()).map(Escalated.OfAlert::new);
	}

	/** Someone acknowledged, or the incident was resolved: nothing more is paged for it. */
	@Transactional
	void stop(long number, Escalation.Status why) {
		// resolving straight from triage acknowledges too; by the time either listener runs, the incident says which
		var resolved = incidents.find(number).map(incident -> new Escalated.OfIncident(incident).resolved()).orElse(false);
		store.finishAll(number, resolved ? Escalation.Status.RESOLVED : why, clock.instant());
		notifications.stop(Subject.incident(number));
	}

	/** Alerts were acknowledged or resolved: their escalations stop, and so does what was still to be sent about them. */
	@Transactional
	void stopAlerts(Collection<UUID> alertIds, Escalation.Status why) {
		store.finishAllOfAlerts(alertIds, why, clock.instant());
		for (var alertId : alertIds) {
			notifications.stop(Subject.alert(alertId));
		}
	}

	private void advance(Escalation escalation, EscalationPolicy policy, Escalated escalated, int cycle, int level,
			String why, Function<EscalationLevel, TargetResolver.Resolved> people) {
		var last = policy.levels().size() - 1;
		if (level < last) {
			page(escalation, policy, escalated, level + 1, cycle, why, people);
		}
		else if (cycle < policy.repeat()) {
			page(escalation, policy, escalated, 0, cycle + 1, why, people);
		}
		else {
			exhausted(escalation, escalated, "nobody acknowledged after every level of '" + policy.name() + "' was paged "
					+ times(policy.repeat() + 1) + why);
		}
	}

	/** The policy ran out: the escalation stops, and an incident is flagged until someone acknowledges it. */
	private void exhausted(Escalation escalation, Escalated escalated, String why) {
		var now = clock.instant();
		store.finish(escalation.id(), Escalation.Status.EXHAUSTED, now);
		record(escalated, "Unacknowledged after escalation: " + why);
		if (escalated instanceof Escalated.OfIncident about) {
			incidents.flagUnacknowledgedAfterEscalation(about.incident().number(), now);
		}
	}

	/**
	 * Pages one level. A level with nobody to page (a gap in every schedule it names) is skipped at
	 * once, so that an empty level never holds up the next one; the timeline says so.
	 */
	private void page(Escalation escalation, EscalationPolicy policy, Escalated escalated, int level, int cycle, String why,
			Function<EscalationLevel, TargetResolver.Resolved> people) {
		var now = clock.instant();
		var resolved = people.apply(policy.levels().get(level));
		var where = "level " + (level + 1) + " of '" + policy.name() + "'" + (cycle == 0 ? "" : " (repeat " + cycle + ")");
		if (resolved.nobody()) {
			record(escalated, "Nobody to page on " + where
					+ (resolved.gaps().isEmpty() ? "" : ": nobody on call on " + String.join(", ", resolved.gaps()))
					+ "; going on to the next level");
			store.moveTo(escalation.id(), escalation.urgency(), cycle, level, null, now);
			if (policy.levels().stream().allMatch(each -> people.apply(each).nobody())) {
				exhausted(escalation, escalated, "no level of '" + policy.name() + "' has anybody to page");
				return;
			}
			advance(escalation, policy, escalated, cycle, level, why, people);
			return;
		}
		var subject = escalated.subject();
		var urgency = escalation.urgency();
		var reason = where.substring(0, 1).toUpperCase() + where.substring(1);
		for (var person : resolved.people()) {
			notifications.page(new PageRequest(key(escalation, subject, cycle, level) + ":" + person, person, urgency, subject,
					reason));
		}
		// a storm of warnings is not posted to the channels alert by alert
		var announced = urgency == Urgency.HIGH || escalated instanceof Escalated.OfIncident;
		for (var channel : announced ? resolved.channels() : List.<UUID>of()) {
			notifications.announce(channel, new Notice(key(escalation, subject, cycle, level) + ":channel", escalated.headline(),
					("Paging " + where + ". " + escalated.summary()).strip(), null));
		}
		var delay = policy.levels().get(level).delay() != null ? policy.levels().get(level).delay() : ackTarget(escalated);
		var nextAt = urgency == Urgency.HIGH ? now.plus(delay) : null;
		store.moveTo(escalation.id(), urgency, cycle, level, nextAt, now);
		if (nextAt != null) {
			timers.scheduleIfNotExists(EscalationTasks.LEVEL_DUE.instance(escalation.id() + ":c" + cycle + ":l" + level)
				.data(new LevelDue(escalation.id(), cycle, level))
				.scheduledTo(nextAt));
		}
		if (escalated instanceof Escalated.OfIncident about) {
			var names = accounts.findAll(resolved.people()).values().stream().map(Account::displayName).sorted()
				.collect(Collectors.joining(", "));
			var who = names.isEmpty() ? resolved.channels().size() + " chat channel(s)" : names;
			record(escalated, (urgency == Urgency.HIGH ? "Paged " : "Notified (low urgency, no escalation) ") + who + ": "
					+ where + why + (nextAt == null ? "" : "; next level unless acknowledged within " + human(delay)));
			events.publishEvent(new EscalationLevelReached(about.incident().number(), policy.id(), cycle, level,
					resolved.people(), now));
		}
	}

	/**
	 * How long a level that names no delay waits: an incident's severity's ack target; an alert
	 * that opened no incident has no severity, so it waits what an unclassified incident would.
	 */
	private java.time.Duration ackTarget(Escalated escalated) {
		return urgencies.ackTarget(escalated instanceof Escalated.OfIncident about ? about.incident().procedures() : null);
	}

	/** An incident's moves go on its timeline; an alert has none (its escalations say where they stand). */
	private void record(Escalated escalated, String text) {
		if (escalated instanceof Escalated.OfIncident about) {
			incidents.recordPaging(about.incident().number(), text);
		}
	}

	/** Who each level pages at this instant, each level looked up once: a batch of alerts of one service shares it. */
	private Function<EscalationLevel, TargetResolver.Resolved> memo(Instant now) {
		var known = new HashMap<EscalationLevel, TargetResolver.Resolved>();
		return level -> known.computeIfAbsent(level, each -> targets.resolve(each, now));
	}

	private boolean alreadySaidNobody(long number) {
		return incidents.timeline(number).stream().anyMatch(entry -> NO_POLICY.equals(entry.text()));
	}

	private static final String NO_POLICY = "Nobody was paged: no escalation policy covers the incident's services";

	/** incident (or alert), policy, cycle and level: with the person, the idempotency key of a page. */
	private static String key(Escalation escalation, Subject subject, int cycle, int level) {
		return subject.key() + ":" + escalation.policyId() + ":c" + cycle + ":l" + level + ":" + escalation.urgency();
	}

	private static Escalation withUrgency(Escalation e, Urgency urgency) {
		return new Escalation(e.id(), e.incidentNumber(), e.alertId(), e.policyId(), e.policyName(), urgency, e.cycle(), e.level(),
				e.status(), e.startedAt(), e.nextAt(), e.updatedAt());
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
