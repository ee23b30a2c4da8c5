package dev.firebreak.escalation.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.firebreak.catalog.Catalog;
import dev.firebreak.escalation.EscalationLevel;
import dev.firebreak.escalation.EscalationPolicy;
import dev.firebreak.escalation.EscalationTarget;
import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.AuditLog;
import dev.firebreak.notification.ChatChannel;
import dev.firebreak.notification.Notifications;
import dev.firebreak.oncall.OnCall;
import dev.firebreak.platform.Problems;
import dev.firebreak.platform.Text;

/** Changes to escalation policies: checked (every target exists), stored and audited in one transaction. */
@Component
class PolicyEditor {

	static final int MAX_REPEAT = 9;

	static final int MAX_LEVELS = 20;

	static final int MAX_TARGETS = 20;

	/** Shorter than this, a level pages the next before a person could have read the first page. */
	static final Duration MIN_DELAY = Duration.ofMinutes(1);

	private final PolicyStore store;

	private final Accounts accounts;

	private final OnCall onCall;

	private final Catalog catalog;

	private final Notifications notifications;

	private final AuditLog audit;

	private final Clock clock;

	PolicyEditor(PolicyStore store, Accounts accounts, OnCall onCall, Catalog catalog, Notifications notifications,
			AuditLog audit, Clock clock) {
		this.store = store;
		this.accounts = accounts;
		this.onCall = onCall;
		this.catalog = catalog;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
	}

	EscalationPolicy get(UUID id) {
		return store.find(id).orElseThrow(() -> Problems.notFound("No escalation policy " + id));
	}

	@Transactional
	EscalationPolicy create(Draft draft) {
		var policy = check(UUID.randomUUID(), draft);
		store.save(policy, clock.instant(), true);
		audit.record("escalation_policy.created", "escalation_policy", policy.id().toString(), describe(policy));
		return get(policy.id());
	}

	@Transactional
	EscalationPolicy update(UUID id, Draft draft) {
		get(id);
		var policy = check(id, draft);
		store.save(policy, clock.instant(), false);
		audit.record("escalation_policy.updated", "escalation_policy", id.toString(), describe(policy));
		return get(id);
	}

	@Transactional
	void delete(UUID id) {
		var policy = get(id);
		store.delete(id);
		audit.record("escalation_policy.deleted", "escalation_policy", id.toString(), policy.name());
	}

	private EscalationPolicy check(UUID id, Draft draft) {
		var name = Text.required("/name", draft.name(), 200, "name the policy, e.g. 'Payments on-call'");
		var description = Text.optional("/description", draft.description(), 2000);
		if (store.nameTaken(name, id)) {
			throw Problems.conflict("An escalation policy named '" + name + "' already exists");
		}
		var repeat = draft.repeat() == null ? 0 : draft.repeat();
		if (repeat < 0 || repeat > MAX_REPEAT) {
			throw Problems.invalid("/repeat", "repeat must be between 0 (run the levels once) and " + MAX_REPEAT);
		}
		var levels = draft.levels() == null ? List.<EscalationLevel>of() : draft.levels();
		if (levels.isEmpty() || levels.size() > MAX_LEVELS) {
			throw Problems.invalid("/levels", "a policy needs between 1 and " + MAX_LEVELS + " levels, each with who to page");
		}
		var channels = notifications.channels().stream().map(ChatChannel::id).toList();
		for (int i = 0; i < levels.size(); i++) {
			var level = levels.get(i);
			var pointer = "/levels/" + i;
			if (level == null) {
				throw Problems.invalid(pointer, "a level needs targets, e.g. {\"targets\": [{\"type\": \"schedule\", \"id\": \"…\"}]}");
			}
			if (level.delay() != null && level.delay().compareTo(MIN_DELAY) < 0) {
				throw Problems.invalid(pointer + "/delay", "delay must be at least " + MIN_DELAY
						+ " (leave it out to use the severity's ack target)");
			}
			var targets = level.targets() == null ? List.<EscalationTarget>of() : level.targets();
			if (targets.isEmpty() || targets.size() > MAX_TARGETS) {
				throw Problems.invalid(pointer + "/targets", "a level pages between 1 and " + MAX_TARGETS
						+ " targets: people, schedules, teams or chat channels");
			}
			for (int t = 0; t < targets.size(); t++) {
				checkTarget(pointer + "/targets/" + t, targets.get(t), channels);
			}
			if (new HashSet<>(targets).size() != targets.size()) {
				throw Problems.invalid(pointer + "/targets", "a target appears twice in the same level");
			}
		}
		var services = draft.serviceIds() == null ? List.<UUID>of() : List.copyOf(new java.util.LinkedHashSet<>(draft.serviceIds()));
		var known = catalog.services(services);
		for (int s = 0; s < services.size(); s++) {
			if (!known.containsKey(services.get(s))) {
				throw Problems.invalid("/service_ids/" + s, "no service " + services.get(s));
			}
		}
		var elsewhere = store.attachedElsewhere(services, id);
		if (!elsewhere.isEmpty()) {
			var first = elsewhere.entrySet().iterator().next();
			throw Problems.conflict("Service " + known.get(first.getKey()).name() + " already follows the policy '"
					+ first.getValue() + "'; take it off that policy first (a service follows one policy)");
		}
		return new EscalationPolicy(id, name, description == null ? "" : description, repeat, List.copyOf(levels), services, null);
	}

	private void checkTarget(String pointer, EscalationTarget target, List<UUID> channels) {
		if (target == null || target.type() == null || target.id() == null) {
			throw Problems.invalid(pointer, "a target is {\"type\": \"person|schedule|team|channel\", \"id\": \"<uuid>\"}");
		}
		var exists = switch (target.type()) {
			case PERSON -> accounts.find(target.id()).isPresent();
			case SCHEDULE -> onCall.schedule(target.id()).isPresent();
			case TEAM -> catalog.team(target.id()).isPresent();
			case CHANNEL -> channels.contains(target.id());
		};
		if (!exists) {
			throw Problems.invalid(pointer + "/id", "no " + target.type() + " " + target.id());
		}
	}

	private static String describe(EscalationPolicy policy) {
		return policy.name() + ": " + policy.levels().size() + " level(s), repeat " + policy.repeat() + ", "
				+ policy.serviceIds().size() + " service(s)";
	}

	/** A policy as someone wrote it, before it is checked. */
	record Draft(String name, String description, Integer repeat, List<EscalationLevel> levels, List<UUID> serviceIds) {
	}
}
