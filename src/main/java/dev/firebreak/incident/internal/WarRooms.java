package dev.firebreak.incident.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.AuditLog;
import dev.firebreak.identity.Role;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentRole;
import dev.firebreak.incident.TimelineEntry;
import dev.firebreak.incident.TimelineKind;
import dev.firebreak.platform.FirebreakPolicy;
import dev.firebreak.platform.Problems;
import dev.firebreak.platform.Text;

/**
 * The war room: its checkpoints, answered by the commander (or the scribe who writes for them) in
 * the timeline, and its decisions, each with who decided.
 */
@Service
class WarRooms {

	static final int ANSWER_MAX = 5_000;

	/** A war room's reason, leaving room in its column for who opened it. */
	static final int REASON_MAX = 300;

	/** The checkpoint's four questions, in the words the prompt uses. */
	record Answers(String known, String next, String escalate, String statusPage) {
	}

	record Decision(UUID id, long incidentNumber, String decision, String rationale, UUID decidedBy, Instant decidedAt) {
	}

	record State(boolean active, Instant openedAt, String reason, Instant lastCheckpointAt, Instant nextCheckpointAt) {
	}

	private final IncidentService incidents;

	private final IncidentStore store;

	private final ObligationStore obligations;

	private final Playbook playbook;

	private final TimelineStore timeline;

	private final Accounts accounts;

	private final AuditLog audit;

	private final FirebreakPolicy policy;

	private final Clock clock;

	WarRooms(IncidentService incidents, IncidentStore store, ObligationStore obligations, Playbook playbook,
			TimelineStore timeline, Accounts accounts, AuditLog audit, FirebreakPolicy policy, Clock clock) {
		this.incidents = incidents;
		this.store = store;
		this.obligations = obligations;
		this.playbook = playbook;
		this.timeline = timeline;
		this.accounts = accounts;
		this.audit = audit;
		this.policy = policy;
		this.clock = clock;
	}

	State state(long number) {
		return obligations.warRoom(number)
			.map(room -> new State(true, room.openedAt(), room.reason(), room.lastCheckpointAt(),
					(room.lastCheckpointAt() != null ? room.lastCheckpointAt() : room.openedAt()).plus(policy.warRoom().checkpoint())))
			.orElse(new State(false, null, null, null, null));
	}

	/** Opens the war room by hand (any responder may call one), with why. */
	@Transactional
	State open(long number, String reason, UUID actor) {
		var why = Text.required("/reason", reason, REASON_MAX, "say why the response needs a war room");
		var incident = active(number);
		playbook.openWarRoom(number, clock.instant(), why + " (opened by " + incidents.name(actor) + ")");
		audit.record("incident.war_room_opened", "incident", incident.id(), why);
		playbook.reconcile(number, clock.instant());
		return state(number);
	}

	@Transactional
	TimelineEntry answerCheckpoint(long number, Answers answers, UUID actor) {
		var known = Text.required("/known", answers.known(), ANSWER_MAX, "what do we know now?");
		var next = Text.required("/next", answers.next(), ANSWER_MAX, "what are we trying next?");
		var escalate = Text.required("/escalate", answers.escalate(), ANSWER_MAX, "do we need to escalate or bring in more people?");
		var statusPage = Text.required("/status_page", answers.statusPage(), ANSWER_MAX, "is the status page current?");
		var incident = active(number);
		if (obligations.warRoom(number).isEmpty()) {
			throw Problems.conflict(incident.id() + " has no war room; checkpoints belong to a war room "
					+ "(POST /api/v1/incidents/" + incident.id() + "/war-room opens one)");
		}
		var commander = incident.roles().get(IncidentRole.INCIDENT_COMMANDER);
		var scribe = incident.roles().get(IncidentRole.SCRIBE);
		if (!actor.equals(commander) && !actor.equals(scribe)) {
			throw Problems.problem(HttpStatus.FORBIDDEN, "The commander answers the checkpoint",
					"The incident commander (or the scribe, writing for them) answers the checkpoint of " + incident.id(),
					Map.of());
		}
		var now = clock.instant();
		var entry = new TimelineEntry(UUID.randomUUID(), number, now, actor, TimelineKind.CHECKPOINT,
				"Checkpoint answered by " + incidents.name(actor) + ". What we know: " + known + " What we try next: " + next
						+ " Escalate or bring people: " + escalate + " Status page: " + statusPage,
				null);
		timeline.append(entry);
		obligations.checkpointAnswered(number, now);
		obligations.close(number, Playbook.CHECKPOINT, now, "answered by " + incidents.name(actor), false);
		audit.record("incident.checkpoint_answered", "incident", incident.id(), known);
		playbook.reconcile(number, clock.instant());
		return entry;
	}

	@Transactional
	Decision decide(long number, String decision, String rationale, UUID actor) {
		var what = Text.required("/decision", decision, 2_000, "say what was decided, e.g. 'fail over to eu-west'");
		var why = Text.optional("/rationale", rationale, IncidentRules.SUMMARY_MAX);
		var incident = active(number);
		var writer = accounts.find(actor).orElseThrow();
		if (writer.role() == Role.VIEWER) {
			throw Problems.problem(HttpStatus.FORBIDDEN, "Viewers do not decide", "Viewers follow incidents; decisions are responders'", Map.of());
		}
		// one decision owner: the commander decides, the scribe may write it down for them; without a
		// commander, whoever responds decides
		var commander = incident.roles().get(IncidentRole.INCIDENT_COMMANDER);
		var byScribe = commander != null && !actor.equals(commander) && actor.equals(incident.roles().get(IncidentRole.SCRIBE));
		if (commander != null && !actor.equals(commander) && !byScribe) {
			throw Problems.problem(HttpStatus.FORBIDDEN, "The incident commander decides", "Decisions on " + incident.id()
					+ " are the incident commander's (" + incidents.name(commander) + "); the scribe may record them", Map.of());
		}
		var decidedBy = byScribe ? commander : actor;
		var recorded = new Decision(UUID.randomUUID(), number, what, why, decidedBy, clock.instant());
		obligations.recordDecision(recorded);
		timeline.append(new TimelineEntry(UUID.randomUUID(), number, recorded.decidedAt(), actor, TimelineKind.DECISION,
				"Decided by " + incidents.name(decidedBy) + (byScribe ? " (recorded by " + writer.displayName() + ")" : "") + ": "
						+ what + (why == null || why.isEmpty() ? "" : ". Why: " + why), null));
		audit.record("incident.decision_recorded", "incident", incident.id(), what);
		return recorded;
	}

	List<Decision> decisions(long number) {
		return obligations.decisions(number);
	}

	private Incident active(long number) {
		var status = store.lock(number).orElseThrow(() -> IncidentRules.noSuchIncident(number));
		var incident = incidents.get(number);
		if (!status.isActive()) {
			throw Problems.conflict(incident.id() + " is " + status + "; the war room closed with it",
					Map.of("current", status.toString()));
		}
		return incident;
	}
}
