package dev.firebreak.postmortem.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.firebreak.catalog.Catalog;
import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.AuditLog;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Problems;
import dev.firebreak.postmortem.ActionItem;
import dev.firebreak.postmortem.ActionItemCompleted;
import dev.firebreak.postmortem.ActionItemCreated;
import dev.firebreak.postmortem.ActionItemReopened;
import dev.firebreak.postmortem.ActionItemUpdated;
import dev.firebreak.postmortem.ActionItems;

/**
 * Adds, edits, completes and reopens action items: checked, audited, published and reminded of in
 * the transaction of the change. "Today" and "overdue" are days in UTC by the injected clock.
 */
@Service
class ActionItemService implements ActionItems {

	static final int EVIDENCE_MAX = 2_000;

	private final ActionItemStore store;

	private final ActionItemReminders reminders;

	private final Incidents incidents;

	private final Accounts accounts;

	private final Catalog catalog;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final ActionItemPolicy policy;

	private final Clock clock;

	ActionItemService(ActionItemStore store, ActionItemReminders reminders, Incidents incidents, Accounts accounts,
			Catalog catalog, AuditLog audit, ApplicationEventPublisher events, ActionItemPolicy policy, Clock clock) {
		this.store = store;
		this.reminders = reminders;
		this.incidents = incidents;
		this.accounts = accounts;
		this.catalog = catalog;
		this.audit = audit;
		this.events = events;
		this.policy = policy;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	/** The latest day a new due day may be. */
	LocalDate latestDueOn() {
		return today().plus(policy.dueWithin());
	}

	@Override
	public List<ActionItem> of(long incidentNumber) {
		return store.ofIncident(incidentNumber, false, today());
	}

	@Override
	public List<ActionItem> open(long incidentNumber) {
		return store.ofIncident(incidentNumber, true, today());
	}

	@Override
	public Optional<ActionItem> find(UUID id) {
		return store.find(id, today());
	}

	/** The item, if this person may see its incident; otherwise 404, as if it did not exist. */
	ActionItem visible(UUID id, FirebreakUser viewer) {
		return find(id).filter(item -> incidents.find(item.incidentNumber(), viewer).isPresent())
			.orElseThrow(() -> noSuchItem(id));
	}

	@Transactional
	ActionItem create(Incident incident, ActionItemInput input, UUID actor) {
		var fields = input.checked(incident, today(), latestDueOn(), null, accounts, incidents);
		var id = UUID.randomUUID();
		var now = clock.instant();
		store.insert(id, incident.number(), fields, actor, now);
		var item = store.find(id, today()).orElseThrow();
		reminders.schedule(item);
		audit.record("action_item.created", "action_item", id.toString(), describe(item));
		events.publishEvent(new ActionItemCreated(id, incident.number(), item.ownerId(), item.dueOn(), item.priority(), now));
		return item;
	}

	@Transactional
	ActionItem update(UUID id, ActionItemInput input, FirebreakUser user) {
		var current = lockVisible(id, user);
		if (!current.isOpen()) {
			throw Problems.conflict("Action item " + id + " is done; reopen it (POST /api/v1/action-items/" + id
					+ "/reopen) before changing it");
		}
		var incident = incidents.find(current.incidentNumber()).orElseThrow(() -> noSuchItem(id));
		var fields = input.checked(incident, today(), latestDueOn(), current.dueOn(), accounts, incidents);
		var now = clock.instant();
		store.update(id, fields, now);
		var item = store.find(id, today()).orElseThrow();
		reminders.schedule(item);
		audit.record("action_item.updated", "action_item", id.toString(), describe(item));
		events.publishEvent(new ActionItemUpdated(UUID.randomUUID(), id, item.incidentNumber(), item.ownerId(), item.dueOn(), item.priority(),
				user.id(), now));
		return item;
	}

	/** Marks it done with the evidence; an item already done is left as it is (a second click). */
	@Transactional
	ActionItem complete(UUID id, String evidence, FirebreakUser user) {
		var errors = new ArrayList<Problems.FieldProblem>();
		var said = ActionItemInput.text(errors, "/evidence", evidence, EVIDENCE_MAX,
				"what shows the definition of done is met (a PR, a drill's result, a dashboard)");
		if (!errors.isEmpty()) {
			throw ActionItemInput.invalid(errors, java.util.Map.of());
		}
		var current = lockVisible(id, user);
		var now = clock.instant();
		if (store.complete(id, said, user.id(), now)) {
			audit.record("action_item.completed", "action_item", id.toString(), current.incident() + ": " + current.title()
					+ " done. Evidence: " + said);
			events.publishEvent(new ActionItemCompleted(id, current.incidentNumber(), current.ownerId(), user.id(), now));
		}
		return store.find(id, today()).orElseThrow();
	}

	/** Opens a done item again, saying why; its reminders follow its due day again. */
	@Transactional
	ActionItem reopen(UUID id, String reason, FirebreakUser user) {
		var errors = new ArrayList<Problems.FieldProblem>();
		var why = ActionItemInput.text(errors, "/reason", reason, EVIDENCE_MAX, "say why it is not done after all");
		if (!errors.isEmpty()) {
			throw ActionItemInput.invalid(errors, java.util.Map.of());
		}
		var current = lockVisible(id, user);
		var now = clock.instant();
		if (store.reopen(id, now)) {
			var item = store.find(id, today()).orElseThrow();
			reminders.schedule(item);
			audit.record("action_item.reopened", "action_item", id.toString(), current.incident() + ": " + current.title()
					+ " reopened. Why: " + why);
			events.publishEvent(new ActionItemReopened(UUID.randomUUID(), id, item.incidentNumber(), item.ownerId(), user.id(), why, now));
			return item;
		}
		return store.find(id, today()).orElseThrow();
	}

	/**
	 * The items of an owner and/or of a team's members in a state, of the incidents this person may
	 * see; {@code team} must exist.
	 */
	Page<ActionItem> list(UUID owner, UUID team, ActionItemStore.State state, FirebreakUser viewer, Page.Request page) {
		List<UUID> owners = null;
		if (team != null) {
			var members = catalog.team(team).orElseThrow(() -> Problems.notFound("No team " + team
					+ "; GET /api/v1/teams lists them")).memberIds();
			owners = owner == null ? members : members.contains(owner) ? List.of(owner) : List.of();
		}
		else if (owner != null) {
			owners = List.of(owner);
		}
		// counted per incident, paged by the database: the list is bounded however many items there are
		var today = today();
		var counts = store.countsByIncident(owners, state, today);
		var hidden = hiddenFrom(viewer, counts.keySet());
		var total = counts.entrySet().stream().filter(count -> !hidden.contains(count.getKey()))
			.mapToLong(Map.Entry::getValue).sum();
		return new Page<>(store.matching(owners, state, today, hidden, page.offset(), page.size()), total);
	}

	/** Of these incidents, the ones this person may not see: private ones they are not on, and any gone. */
	private Set<Long> hiddenFrom(FirebreakUser viewer, Collection<Long> numbers) {
		if (numbers.isEmpty()) {
			return Set.of();
		}
		var found = incidents.findAll(numbers);
		var hidden = new HashSet<Long>();
		for (var number : numbers) {
			var incident = found.get(number);
			if (incident == null || incident.isPrivate() && incidents.find(number, viewer).isEmpty()) {
				hidden.add(number);
			}
		}
		return hidden;
	}

	private ActionItem lockVisible(UUID id, FirebreakUser user) {
		var item = store.lock(id, today()).orElseThrow(() -> noSuchItem(id));
		if (incidents.find(item.incidentNumber(), user).isEmpty()) {
			throw noSuchItem(id);
		}
		return item;
	}

	private String describe(ActionItem item) {
		var owner = accounts.find(item.ownerId()).map(a -> a.displayName()).orElse(item.ownerId().toString());
		return item.incident() + ": " + item.title() + " (" + item.priority() + ", owner " + owner + ", due "
				+ item.dueOn() + "). Done when: " + item.definitionOfDone();
	}

	static org.springframework.web.ErrorResponseException noSuchItem(UUID id) {
		return Problems.notFound("No action item " + id + "; GET /api/v1/incidents/{id}/action-items lists an incident's");
	}
}
