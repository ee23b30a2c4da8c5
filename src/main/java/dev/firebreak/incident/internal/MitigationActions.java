package dev.firebreak.incident.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.ErrorResponseException;

import dev.firebreak.catalog.Catalog;
import dev.firebreak.catalog.MitigationAction;
import dev.firebreak.catalog.Service;
import dev.firebreak.identity.AuditLog;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.MitigationLever;
import dev.firebreak.incident.TimelineEntry;
import dev.firebreak.incident.TimelineKind;
import dev.firebreak.platform.Problems;

/**
 * Runs a service's mitigation actions from an incident, by the rule "every command against
 * production is announced before it executes": the announcement is committed on the timeline
 * first, then the call is made, then its result is committed. Each step is its own transaction,
 * so an instance that dies during the call still leaves the announcement, and no database
 * transaction is held open while a remote endpoint thinks.
 */
@Component
class MitigationActions {

	private static final Logger log = LoggerFactory.getLogger(MitigationActions.class);

	private final Incidents incidents;

	private final IncidentStore store;

	private final Catalog catalog;

	private final TimelineStore timeline;

	private final AuditLog audit;

	private final Clock clock;

	private final TransactionOperations transactions;

	private final MitigationCalls calls;

	MitigationActions(Incidents incidents, IncidentStore store, Catalog catalog, TimelineStore timeline, AuditLog audit,
			Clock clock, TransactionOperations transactions, MitigationActionSettings settings) {
		this.incidents = incidents;
		this.store = store;
		this.catalog = catalog;
		this.timeline = timeline;
		this.audit = audit;
		this.clock = clock;
		this.transactions = transactions;
		this.calls = new MitigationCalls(settings.timeout());
	}

	private static ErrorResponseException notActive(Incident incident) {
		return Problems.conflict(incident.id() + " is " + incident.status()
				+ ": re-open it (move it to investigating) before running actions against production");
	}

	/** The actions of the incident's affected services, by service and name. */
	List<MitigationAction> of(Incident incident) {
		return catalog.mitigationActions(incident.affectedServiceIds());
	}

	/**
	 * What came of running an action (or its rollback).
	 *
	 * @param statusCode null when no answer came ({@code error} says why)
	 * @param bodyExcerpt the first characters of the answer, or null
	 */
	record Run(Instant announcedAt, Instant finishedAt, Integer statusCode, boolean ok, String bodyExcerpt,
			String error) {
	}

	/**
	 * Announces, runs and records an action of one of the incident's services.
	 *
	 * @param rollback true to send the action's rollback call instead of its run call
	 * @param reason why, in the responder's words, or null
	 */
	Run run(Incident incident, UUID actionId, boolean rollback, String reason, FirebreakUser user) {
		var action = actionOf(incident, actionId);
		if (!incident.isActive()) {
			throw notActive(incident);
		}
		if (rollback && !action.canRollBack()) {
			throw Problems.conflict("'" + action.name() + "' has no rollback call; undo it by hand and say so on the timeline");
		}
		var why = IncidentRules.optional("/reason", reason, IncidentRules.REASON_MAX);
		var call = rollback ? action.rollback() : action.run();
		var service = catalog.service(action.serviceId()).map(Service::name).orElse("a removed service");
		var what = (rollback ? "Rolling back " : "Running ") + action.name() + " (" + action.lever() + ") on " + service;

		var announcement = what + ": " + call.method() + " " + call.url() + " — announced by "
				+ user.account().displayName() + (why == null ? "" : "; reason: " + why);
		var announced = transactions.execute(status -> {
			// under the incident's lock: resolved a moment ago is resolved, and nothing runs against production
			if (!store.lock(incident.number()).map(IncidentStatus::isActive).orElse(false)) {
				throw notActive(incidents.find(incident.number()).orElse(incident));
			}
			var entry = incidents.record(incident.number(), TimelineKind.ACTION, announcement, user.id());
			audit.record(rollback ? "incident.mitigation_action_rollback_announced" : "incident.mitigation_action_announced",
					"incident", incident.id(), action.id() + ": " + announcement);
			return entry;
		});

		var outcome = calls.send(call);
		var finishedAt = clock.instant();
		var result = result(what, outcome, Duration.between(announced.at(), finishedAt));
		transactions.executeWithoutResult(status -> {
			// straight to the timeline, past the closed-incident check: a call that went out is
			// recorded whatever became of the incident in the meantime
			timeline.append(new TimelineEntry(UUID.randomUUID(), incident.number(), finishedAt, user.id(),
					TimelineKind.ACTION, result, null));
			audit.record(rollback ? "incident.mitigation_action_rolled_back" : "incident.mitigation_action_ran",
					"incident", incident.id(), action.id() + ": " + result);
		});
		if (outcome.ok() && !rollback) {
			recordMitigation(incident, action, user.id());
		}
		return new Run(announced.at(), finishedAt, outcome.status(), outcome.ok(), outcome.excerpt(), outcome.error());
	}

	private MitigationAction actionOf(Incident incident, UUID actionId) {
		var action = catalog.mitigationAction(actionId).orElseThrow(() -> Problems.notFound("No mitigation action "
				+ actionId + "; GET /api/v1/incidents/" + incident.id() + "/mitigation-actions lists the ones that run here"));
		if (!incident.affectedServiceIds().contains(action.serviceId())) {
			var service = catalog.service(action.serviceId()).map(Service::name).orElse(action.serviceId().toString());
			throw Problems.conflict("'" + action.name() + "' belongs to " + service + ", which " + incident.id()
					+ " does not affect; an incident runs only its affected services' actions");
		}
		return action;
	}

	/** Running it is progress; whether it stopped the impact is the responders' call to record. */
	private void recordMitigation(Incident incident, MitigationAction action, UUID actor) {
		try {
			incidents.recordMitigation(incident.number(), lever(action.lever()), "Ran mitigation action " + action.name(),
					false, actor);
		}
		catch (ErrorResponseException e) {
			// closed while the call ran: the result entry above already says what was done
			log.info("Not recording {} as a mitigation of {}: {}", action.name(), incident.id(), e.getMessage());
		}
	}

	/** The incident's lever of the catalog's name for it (the catalog keeps the same names). */
	static MitigationLever lever(String name) {
		try {
			return MitigationLever.valueOf(name.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return MitigationLever.OTHER;
		}
	}

	private static String result(String what, MitigationCalls.Outcome outcome, Duration took) {
		var prefix = "Result: " + what.substring(0, 1).toLowerCase(Locale.ROOT) + what.substring(1);
		if (outcome.status() == null) {
			return prefix + " failed after " + took.toMillis() + " ms: " + outcome.error();
		}
		var answer = outcome.excerpt() == null || outcome.excerpt().isEmpty() ? "" : " — " + outcome.excerpt();
		return prefix + " answered HTTP " + outcome.status() + (outcome.ok() ? "" : " (failed)") + " in "
				+ took.toMillis() + " ms" + answer;
	}
}
