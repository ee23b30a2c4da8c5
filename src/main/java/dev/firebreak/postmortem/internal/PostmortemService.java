package dev.firebreak.postmortem.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.AuditLog;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.identity.Role;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.Obligations;
import dev.firebreak.platform.Problems;
import dev.firebreak.postmortem.Postmortem;
import dev.firebreak.postmortem.PostmortemPublished;
import dev.firebreak.postmortem.PostmortemStatus;
import dev.firebreak.postmortem.Postmortems;

/**
 * Post-mortems: created when a resolution asks for one (or by hand), written, reviewed, published.
 * Each move meets the incident's matching obligation and is audited. A person sees a post-mortem
 * only if they may see its incident.
 */
@Service
class PostmortemService implements Postmortems {

	static final String BY_HAND = "started by hand";

	/** The incident module's obligation for the book's last day of the review meeting. */
	static final String REVIEW_DEADLINE = "postmortem:review-deadline";

	private final PostmortemStore store;

	private final Incidents incidents;

	private final Obligations obligations;

	private final Accounts accounts;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final FactsBook facts;

	private final Clock clock;

	PostmortemService(PostmortemStore store, Incidents incidents, Obligations obligations, Accounts accounts,
			AuditLog audit, ApplicationEventPublisher events, FactsBook facts, Clock clock) {
		this.store = store;
		this.incidents = incidents;
		this.obligations = obligations;
		this.accounts = accounts;
		this.audit = audit;
		this.events = events;
		this.facts = facts;
		this.clock = clock;
	}

	@Override
	public Optional<Postmortem> find(UUID id) {
		return store.find(id);
	}

	@Override
	public Optional<Postmortem> ofIncident(long incidentNumber) {
		return store.ofIncident(incidentNumber);
	}

	/** The post-mortem as this person may see it; 404 otherwise (a private incident's does not exist for outsiders). */
	Postmortem visible(UUID id, FirebreakUser viewer) {
		return store.find(id).filter(p -> incidents.find(p.incidentNumber(), viewer).isPresent())
			.orElseThrow(() -> Problems.notFound("No post-mortem " + id + "; GET /api/v1/postmortems lists them"));
	}

	/** The ones this person may see, newest first. */
	List<Postmortem> list(PostmortemStatus status, UUID owner, FirebreakUser viewer) {
		var all = store.list(status, owner);
		if (viewer.isAdmin()) {
			return all;
		}
		return all.stream().filter(p -> incidents.find(p.incidentNumber(), viewer).isPresent()).toList();
	}

	/**
	 * Creates the post-mortem the incident's resolution required or asked for, owned as it said, the
	 * first "why" filled with the root cause it gave. An incident that has one keeps it.
	 */
	@Transactional
	void createForResolution(long number) {
		var resolution = incidents.resolution(number).filter(r -> r.postmortemRequired());
		if (resolution.isEmpty()) {
			return;
		}
		var r = resolution.get();
		var id = UUID.randomUUID();
		var firstWhy = r.rootCause() == null || r.rootCause().isBlank() ? null : clip(r.rootCause());
		if (store.createIfAbsent(id, number, r.postmortemOwner(), r.postmortemReason(), firstWhy, null, clock.instant())) {
			audit.record("postmortem.created", "postmortem", id.toString(),
					Incident.PREFIX + number + ": " + r.postmortemReason());
		}
		else {
			store.ofIncident(number).ifPresent(this::keepSchedule);
		}
	}

	/**
	 * A re-opened incident resolved again opens the post-mortem's schedule anew; what its post-mortem
	 * has done already stays done (else a published one would be overdue forever), and what is left
	 * stays with the post-mortem's owner rather than the commander the resolution named.
	 */
	private void keepSchedule(Postmortem postmortem) {
		var number = postmortem.incidentNumber();
		if (postmortem.status() != PostmortemStatus.DRAFT) {
			obligations.meet(number, "postmortem:draft", "the draft was submitted for review already");
		}
		if (postmortem.review() != null) {
			var held = "review meeting held " + postmortem.review().heldAt();
			obligations.meet(number, "postmortem:review", held);
			obligations.meet(number, REVIEW_DEADLINE, held);
		}
		if (postmortem.status() == PostmortemStatus.PUBLISHED) {
			obligations.meet(number, "postmortem:publish", "published already");
		}
		obligations.of(number).stream()
			.filter(o -> o.key().startsWith(PostmortemViews.KEY_PREFIX) && o.state().isOpen())
			.forEach(o -> obligations.reassign(number, o.key(), postmortem.ownerId()));
	}

	/** A responder starts one for a resolved or closed incident; one it has already is answered as it is. */
	@Transactional
	Started start(String incidentId, FirebreakUser user) {
		var incident = incidents.visible(incidentId, user);
		var existing = store.ofIncident(incident.number());
		if (existing.isPresent()) {
			return new Started(existing.get(), false);
		}
		if (incident.isActive()) {
			throw Problems.conflict(incident.id() + " is " + incident.status()
					+ "; a post-mortem starts once it is resolved (resolving it through the gate may ask for one)");
		}
		return createByHand(incident, user);
	}

	/**
	 * Creates it, unless someone else did between the check and now (a resolution's listener, a second
	 * click): then theirs is answered, and only the one created is audited.
	 */
	Started createByHand(Incident incident, FirebreakUser user) {
		var id = UUID.randomUUID();
		var firstWhy = incidents.resolution(incident.number()).map(r -> r.rootCause()).filter(c -> c != null && !c.isBlank())
			.map(PostmortemService::clip).orElse(null);
		var won = store.createIfAbsent(id, incident.number(), user.id(), BY_HAND, firstWhy, user.id(), clock.instant());
		if (won) {
			audit.record("postmortem.created", "postmortem", id.toString(), incident.id() + ": " + BY_HAND);
		}
		return new Started(store.ofIncident(incident.number()).orElseThrow(), won);
	}

	record Started(Postmortem postmortem, boolean created) {
	}

	@Transactional
	Postmortem reassign(UUID id, UUID ownerId, FirebreakUser user) {
		var postmortem = visible(id, user);
		if (ownerId == null) {
			throw Problems.invalid("/owner_id", "owner_id is required: the account of the responder who owns the post-mortem");
		}
		var owner = accounts.find(ownerId)
			.orElseThrow(() -> Problems.invalid("/owner_id", "No account " + ownerId + "; GET /api/v1/accounts lists them"));
		if (owner.role() == Role.VIEWER) {
			throw Problems.invalid("/owner_id", owner.displayName() + " is a viewer; a post-mortem owner is a responder");
		}
		if (incidents.find(postmortem.incidentNumber(), new FirebreakUser(owner, null)).isEmpty()) {
			throw Problems.invalid("/owner_id", owner.displayName() + " cannot see this private incident; add them to it first");
		}
		store.reassign(id, ownerId, clock.instant());
		// the schedule follows the owner: the new one is reminded of what is still open
		obligations.of(postmortem.incidentNumber()).stream()
			.filter(o -> o.key().startsWith(PostmortemViews.KEY_PREFIX) && o.state().isOpen())
			.forEach(o -> obligations.reassign(postmortem.incidentNumber(), o.key(), ownerId));
		audit.record("postmortem.owner_changed", "postmortem", id.toString(), postmortem.incidentId() + ": owned by "
				+ owner.displayName());
		return store.find(id).orElseThrow();
	}

	@Transactional
	Postmortem save(UUID id, Postmortem.Sections sections, FirebreakUser user) {
		var postmortem = visible(id, user);
		var checked = Limits.checked(sections);
		if (!postmortem.status().isEditable() || !store.saveSections(id, checked, clock.instant())) {
			throw frozen(postmortem);
		}
		audit.record("postmortem.sections_saved", "postmortem", id.toString(), postmortem.incidentId());
		return store.find(id).orElseThrow();
	}

	@Transactional
	Postmortem recordReview(UUID id, Postmortem.Review given, FirebreakUser user) {
		var postmortem = visible(id, user);
		var now = clock.instant();
		if (given.heldAt() == null) {
			throw Problems.invalid("/held_at", "held_at is required: when the review meeting was held (UTC, ISO-8601)");
		}
		if (given.heldAt().isAfter(now)) {
			throw Problems.invalid("/held_at", "held_at is in the future; record the meeting once it was held");
		}
		var review = new Postmortem.Review(given.heldAt(), Limits.attendees(given.attendees()), Limits.notes(given.notes()),
				user.id(), now);
		if (postmortem.status() != PostmortemStatus.IN_REVIEW || !store.recordReview(id, review)) {
			throw Problems.conflict("The post-mortem is " + postmortem.status()
					+ "; the review meeting is recorded while it is in review (POST …/status {\"status\": \"in_review\"} first)",
					Map.of("postmortem_status", postmortem.status().toString()));
		}
		obligations.meet(postmortem.incidentNumber(), "postmortem:review", "review meeting held " + review.heldAt());
		obligations.meet(postmortem.incidentNumber(), REVIEW_DEADLINE, "review meeting held " + review.heldAt());
		audit.record("postmortem.review_recorded", "postmortem", id.toString(),
				postmortem.incidentId() + ": held " + review.heldAt());
		return store.find(id).orElseThrow();
	}

	/** Moves the status; an illegal move answers 409 with the moves allowed, publishing without what it needs 409 with the list. */
	@Transactional
	Postmortem move(UUID id, PostmortemStatus target, FirebreakUser user) {
		var postmortem = visible(id, user);
		if (target == null) {
			throw Problems.invalid("/status", "status is required: draft, in_review or published");
		}
		var from = postmortem.status();
		if (from == target) {
			return postmortem;
		}
		if (!from.next().contains(target)) {
			throw Problems.conflict("A post-mortem " + from + " cannot move to " + target
					+ (from == PostmortemStatus.PUBLISHED ? "; a published post-mortem is final" : ""),
					Map.of("allowed", from.next().stream().map(Object::toString).toList()));
		}
		String frozen = null;
		if (target == PostmortemStatus.PUBLISHED) {
			var missing = missing(postmortem);
			if (!missing.isEmpty()) {
				throw Problems.conflict("The post-mortem cannot be published yet: "
						+ String.join("; ", missing.stream().map(Missing::detail).toList()), Map.of("missing", missing));
			}
			frozen = facts.freeze(incidents.find(postmortem.incidentNumber()).orElseThrow());
		}
		var now = clock.instant();
		if (!store.move(id, from, target, now, frozen)) {
			throw Problems.conflict("Someone moved the post-mortem at the same time; reload it and try again");
		}
		var number = postmortem.incidentNumber();
		var who = user.account().displayName();
		switch (target) {
			case IN_REVIEW -> obligations.meet(number, "postmortem:draft", "draft submitted for review by " + who);
			case PUBLISHED -> {
				obligations.meet(number, "postmortem:publish", "published by " + who);
				events.publishEvent(new PostmortemPublished(id, number, now));
			}
			case DRAFT -> {
				// back to draft: the draft obligation stays met; the review and publication ones still stand
			}
		}
		audit.record("postmortem.status_changed", "postmortem", id.toString(),
				postmortem.incidentId() + ": " + from + " → " + target);
		return store.find(id).orElseThrow();
	}

	/** What publication still needs: the review meeting and the answers to the five questions. */
	static List<Missing> missing(Postmortem p) {
		var missing = new ArrayList<Missing>();
		if (p.review() == null) {
			missing.add(new Missing("review", "the review meeting is not recorded (POST …/review {held_at, attendees, notes})"));
		}
		var s = p.sections();
		answer(missing, "what_happened", s.whatHappened(), "what happened");
		if (s.why().isEmpty()) {
			missing.add(new Missing("why", "why it happened is not answered (up to five whys)"));
		}
		answer(missing, "not_detected_sooner", s.notDetectedSooner(), "why it was not detected sooner");
		answer(missing, "slowed_response", s.slowedResponse(), "what slowed the response");
		answer(missing, "prevents_recurrence", s.preventsRecurrence(), "what prevents it from happening again");
		return missing;
	}

	/** One thing publication needs: its key (a section, or {@code review}) and what to do. */
	record Missing(String key, String detail) {
	}

	private static void answer(List<Missing> missing, String key, String text, String question) {
		if (text == null || text.isBlank()) {
			missing.add(new Missing(key, question + " is not answered"));
		}
	}

	private static RuntimeException frozen(Postmortem postmortem) {
		return Problems.problem(HttpStatus.CONFLICT, "Conflict",
				"The post-mortem of " + postmortem.incidentId() + " is published; its text is final", Map.of("postmortem_status", "published"));
	}

	private static String clip(String text) {
		return text.length() <= Limits.WHY_MAX ? text : text.substring(0, Limits.WHY_MAX);
	}
}
