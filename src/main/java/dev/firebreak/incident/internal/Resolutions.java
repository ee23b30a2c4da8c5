package dev.firebreak.incident.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.AuditLog;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.identity.Role;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentRole;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.ObligationKind;
import dev.firebreak.incident.TimelineEntry;
import dev.firebreak.incident.TimelineKind;
import dev.firebreak.platform.FirebreakPolicy;
import dev.firebreak.platform.Problems;
import dev.firebreak.platform.Text;

/**
 * Resolving through the gate: the answers are checked with the record, an unmet gate refuses
 * (or the commander overrides it, with a reason on the timeline), and the resolution records what
 * was said, whether a post-mortem is required and when each of its steps is due.
 */
@Service
class Resolutions {

	static final int ANSWER_MAX = 10_000;

	private final IncidentService incidents;

	private final IncidentStore store;

	private final ResolutionGate gate;

	private final ObligationBook obligations;

	private final TimelineStore timeline;

	private final Accounts accounts;

	private final AuditLog audit;

	private final FirebreakPolicy policy;

	private final Clock clock;

	Resolutions(IncidentService incidents, IncidentStore store, ResolutionGate gate, ObligationBook obligations,
			TimelineStore timeline, Accounts accounts, AuditLog audit, FirebreakPolicy policy, Clock clock) {
		this.incidents = incidents;
		this.store = store;
		this.gate = gate;
		this.obligations = obligations;
		this.timeline = timeline;
		this.accounts = accounts;
		this.audit = audit;
		this.policy = policy;
		this.clock = clock;
	}

	/** The gate as it stands for these answers, without changing anything. */
	ResolutionGate.Verdict verdict(long number, ResolutionGate.Answers answers) {
		return gate.evaluate(incidents.get(number), answers);
	}

	/** The override reason recorded when a fire drill is ended while its gate still misses something. */
	static final String DRILL_ENDED = "drill ended";

	@Transactional
	Incident resolve(long number, ResolutionGate.Answers given, String note, String overrideReason, UUID postmortemOwner,
			UUID actor) {
		return resolve(number, given, note, overrideReason, postmortemOwner, actor, false);
	}

	/**
	 * Ends a fire drill's incident through the gate: whatever it still misses is overridden with
	 * {@link #DRILL_ENDED} by the person ending the drill, who need not be its commander (the drill
	 * is theirs to end). Resolved or closed already: left as it is.
	 */
	@Transactional
	Incident endDrill(long number, UUID actor) {
		var current = store.lock(number).orElseThrow(() -> IncidentRules.noSuchIncident(number));
		var incident = incidents.get(number);
		if (!incident.drill()) {
			throw Problems.conflict(incident.id() + " is not a fire drill; resolve it with POST /api/v1/incidents/"
					+ incident.id() + "/resolution");
		}
		if (current == IncidentStatus.RESOLVED || current == IncidentStatus.CLOSED) {
			return incident;
		}
		return resolve(number, ResolutionGate.Answers.NONE, "the fire drill ended", DRILL_ENDED, null, actor, true);
	}

	private Incident resolve(long number, ResolutionGate.Answers given, String note, String overrideReason,
			UUID postmortemOwner, UUID actor, boolean drillEnded) {
		var answers = checked(given);
		var said = Text.optional("/note", note, IncidentRules.NOTE_MAX);
		var override = Text.optional("/override_reason", overrideReason, IncidentRules.REASON_MAX);
		var current = store.lock(number).orElseThrow(() -> IncidentRules.noSuchIncident(number));
		if (current == IncidentStatus.RESOLVED) {
			// resolved already (two people resolving at once): nothing changes, like any move to the current status
			return incidents.get(number);
		}
		IncidentRules.checkMove(number, current, IncidentStatus.RESOLVED);
		if (postmortemOwner != null) {
			var owner = accounts.find(postmortemOwner)
				.orElseThrow(() -> Problems.invalid("/postmortem_owner_id", "No account " + postmortemOwner));
			if (owner.role() == Role.VIEWER) {
				throw Problems.invalid("/postmortem_owner_id", owner.displayName() + " is a viewer; a post-mortem owner is a responder");
			}
			if (incidents.find(number, new FirebreakUser(owner, null)).isEmpty()) {
				throw Problems.invalid("/postmortem_owner_id", owner.displayName()
						+ " cannot see this private incident; add them to it first");
			}
		}
		if (answers.customerImpact() != null) {
			store.updateCustomerImpact(number, answers.customerImpact());
		}
		var incident = incidents.get(number);
		var verdict = gate.evaluate(incident, answers);
		var unmet = verdict.unmet();
		if (!unmet.isEmpty()) {
			if (override == null || override.isEmpty()) {
				throw ResolutionGate.refusal(incident, verdict);
			}
			var commander = incident.roles().get(IncidentRole.INCIDENT_COMMANDER);
			var admin = accounts.find(actor).map(a -> a.role() == Role.ADMIN).orElse(false);
			if (!drillEnded && !actor.equals(commander) && !admin) {
				throw Problems.problem(HttpStatus.FORBIDDEN, "Only the incident commander overrides the gate",
						"Only the incident commander (or an admin) resolves " + incident.id()
								+ " over an unmet gate; ask them, or take the role first",
						Map.of());
			}
		}
		var now = clock.instant();
		var resolved = incidents.move(number, current, IncidentStatus.RESOLVED, said, actor);
		var rule = verdict.postmortem();
		var postmortem = rule.required() || Boolean.TRUE.equals(answers.postmortem());
		var owner = !postmortem ? null : postmortemOwner != null ? postmortemOwner
				: incident.roles().getOrDefault(IncidentRole.INCIDENT_COMMANDER, actor);
		var unmetText = unmet.stream().map(ResolutionGate.Item::label).collect(Collectors.joining("; "));
		obligations.withdrawOwn(number);
		store.saveResolution(number, new IncidentStore.Resolution(now, answers.rootCause(),
				Boolean.TRUE.equals(answers.rootCauseDeferred()), answers.guardrails(), answers.followUps(),
				unmet.isEmpty() ? null : override, postmortem,
				rule.required() ? rule.reason() : postmortem ? "asked for at resolution" : null, owner),
				actor, answers.containment(), unmet.isEmpty() ? null : unmetText);
		if (!unmet.isEmpty()) {
			write(number, actor, "Resolved over the gate by " + incidents.name(actor) + ". Why: " + override + ". Unmet: " + unmetText);
			audit.record("incident.gate_overridden", "incident", incident.id(), override + " (unmet: " + unmetText + ")");
		}
		var text = new StringBuilder("Resolution: root cause ")
			.append(answers.rootCause() != null && !answers.rootCause().isBlank() ? answers.rootCause()
					: "deferred to the post-mortem")
			.append(". Temporary guardrails: ").append(answers.guardrails() == null ? "not listed" : answers.guardrails());
		if (postmortem) {
			var pm = policy.postmortem();
			text.append(". Post-mortem required (").append(rule.required() ? rule.reason() : "asked for at resolution")
				.append("), owned by ").append(incidents.name(owner)).append(": draft by ").append(day(now.plus(pm.draftWithin())))
				.append(", review meeting by ").append(day(now.plus(pm.reviewWithin()))).append(" (at the latest ")
				.append(day(now.plus(pm.reviewAtTheLatest()))).append("), published by ")
				.append(day(now.plus(pm.publishWithin()))).append(", action items reviewed ")
				.append(day(now.plus(pm.actionItemReviewAfter())));
			open(number, "postmortem:draft", "Draft the post-mortem with its timeline", now.plus(pm.draftWithin()), owner);
			open(number, "postmortem:review", "Hold the post-mortem review meeting (at the latest "
					+ day(now.plus(pm.reviewAtTheLatest())) + ")", now.plus(pm.reviewWithin()), owner);
			open(number, "postmortem:review-deadline", "Hold the post-mortem review meeting — last day",
					now.plus(pm.reviewAtTheLatest()), owner);
			open(number, "postmortem:publish", "Publish the post-mortem", now.plus(pm.publishWithin()), owner);
			open(number, "postmortem:action-review", "Review the post-mortem's action items", now.plus(pm.actionItemReviewAfter()), owner);
		}
		else {
			text.append(". No post-mortem required");
		}
		text.append(". Summary: /api/v1/incidents/").append(incident.id()).append("/summary.md");
		write(number, actor, text.toString());
		return resolved;
	}

	private void open(long number, String key, String title, Instant due, UUID owner) {
		obligations.open(number, key, ObligationKind.POSTMORTEM, title, due, IncidentRole.INCIDENT_COMMANDER, owner, false);
	}

	private static ResolutionGate.Answers checked(ResolutionGate.Answers a) {
		return new ResolutionGate.Answers(Text.optional("/customer_impact", a.customerImpact(), IncidentRules.SUMMARY_MAX),
				a.mitigationVerified(), Text.optional("/root_cause", a.rootCause(), ANSWER_MAX), a.rootCauseDeferred(),
				a.systemsNormal(), a.customersCanResume(), Text.optional("/containment", a.containment(), 2_000),
				Text.optional("/guardrails", a.guardrails(), ANSWER_MAX), Text.optional("/follow_ups", a.followUps(), ANSWER_MAX),
				a.postmortem());
	}

	private void write(long number, UUID author, String text) {
		timeline.append(new TimelineEntry(UUID.randomUUID(), number, clock.instant(), author, TimelineKind.RESOLUTION, text, null));
	}

	private static String day(Instant instant) {
		return java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.withZone(java.time.ZoneOffset.UTC).format(instant);
	}
}
