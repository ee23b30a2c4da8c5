package dev.firebreak.escalation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.firebreak.escalation.Escalation;
import dev.firebreak.identity.Account;
import dev.firebreak.identity.Accounts;
import dev.firebreak.incident.Incidents;
import dev.firebreak.notification.Notifications;
import dev.firebreak.notification.PageRequest;
import dev.firebreak.notification.Subject;
import dev.firebreak.notification.Urgency;

/**
 * The escalation the response rules ask for when an obligation is missed: not a move of the
 * running escalations, but one extra page of the level above whoever acknowledged.
 */
@Component
class MissedObligations {

	private final EscalationStore store;

	private final PolicyStore policies;

	private final TargetResolver targets;

	private final Incidents incidents;

	private final Notifications notifications;

	private final Accounts accounts;

	private final Clock clock;

	MissedObligations(EscalationStore store, PolicyStore policies, TargetResolver targets, Incidents incidents,
			Notifications notifications, Accounts accounts, Clock clock) {
		this.store = store;
		this.policies = policies;
		this.targets = targets;
		this.incidents = incidents;
		this.notifications = notifications;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * A missed obligation (a required role unfilled, no mitigation progress) brings in the next
	 * level of each running policy once, beside whoever already acknowledged, and the commander
	 * when the rule names them. The escalation itself stays where it is.
	 */
	@Transactional
	void escalateOnce(long number, Instant dueAt, String why, UUID commander) {
		var incident = incidents.find(number).orElse(null);
		if (incident == null || new Escalated.OfIncident(incident).resolved()) {
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
}
