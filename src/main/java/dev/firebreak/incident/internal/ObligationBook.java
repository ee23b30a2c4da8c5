package dev.firebreak.incident.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import dev.firebreak.identity.AuditLog;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentRole;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Obligation;
import dev.firebreak.incident.ObligationDue;
import dev.firebreak.incident.ObligationKind;
import dev.firebreak.incident.ObligationOverdue;
import dev.firebreak.incident.Obligations;
import dev.firebreak.incident.TimelineEntry;
import dev.firebreak.incident.TimelineKind;
import dev.firebreak.platform.FirebreakPolicy;
import dev.firebreak.platform.Problems;
import dev.firebreak.platform.Text;

/**
 * The obligations of incidents and their two durable timers: a reminder when one comes due
 * (the policy's {@code cadence.reminder-before} ahead) and the notice when it is missed. A timer
 * carries the due time it was set for; an obligation met or opened again since finds its old
 * timers doing nothing.
 */
@Service
class ObligationBook implements Obligations {

	static final TaskDescriptor<Check> CHECK = TaskDescriptor.of("incident-obligation", Check.class);

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

	/** A timer: remind ({@code overdue} false) or tell that it was missed. */
	record Check(long number, String key, long dueAtMillis, boolean overdue) {
	}

	private final ObligationStore store;

	private final IncidentStore incidents;

	private final TimelineStore timeline;

	private final SchedulerClient timers;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final FirebreakPolicy policy;

	private final Clock clock;

	ObligationBook(ObligationStore store, IncidentStore incidents, TimelineStore timeline, @Lazy SchedulerClient timers,
			ApplicationEventPublisher events, AuditLog audit, FirebreakPolicy policy, Clock clock) {
		this.store = store;
		this.incidents = incidents;
		this.timeline = timeline;
		this.timers = timers;
		this.events = events;
		this.audit = audit;
		this.policy = policy;
		this.clock = clock;
	}

	@Override
	public List<Obligation> of(long number) {
		var incident = incidents.find(number).orElseThrow(() -> IncidentRules.noSuchIncident(number));
		var now = clock.instant();
		return store.of(number).stream().map(row -> obligation(row, incident, now))
			.sorted(Comparator.comparing((Obligation o) -> !o.state().isOpen()).thenComparing(Obligation::dueAt))
			.toList();
	}

	/** The most pressing open obligation of each of these incidents (the soonest due), by number. */
	Map<Long, Obligation> mostPressing(Collection<Incident> incidents) {
		var byNumber = incidents.stream().collect(Collectors.toMap(Incident::number, i -> i, (a, b) -> a));
		var now = clock.instant();
		var pressing = new HashMap<Long, Obligation>();
		store.mostPressing(byNumber.keySet())
			.forEach((number, row) -> pressing.put(number, obligation(row, byNumber.get(number), now)));
		return pressing;
	}

	@Override
	@Transactional
	public void open(long number, String key, ObligationKind kind, String title, Instant dueAt, IncidentRole owner,
			boolean overdueTellsCommander) {
		open(number, key, kind, title, dueAt, owner, null, overdueTellsCommander);
	}

	/** Opens one owed by a named person rather than a role's holder. */
	@Transactional
	void open(long number, String key, ObligationKind kind, String title, Instant dueAt, IncidentRole owner,
			UUID ownerId, boolean overdueTellsCommander) {
		var status = incidents.lock(number).orElseThrow(() -> IncidentRules.noSuchIncident(number));
		if (!status.isActive() && kind != ObligationKind.POSTMORTEM && kind != ObligationKind.UPDATE) {
			return;
		}
		var existing = store.find(number, key);
		if (existing.isPresent() && existing.get().metAt() == null && existing.get().dueAt().equals(dueAt)) {
			return;
		}
		store.open(new ObligationStore.Row(number, key, kind, title, dueAt, owner, ownerId, overdueTellsCommander,
				clock.instant(), null, null, false));
		var remindAt = dueAt.minus(policy.cadence().reminderBefore());
		var id = Incident.PREFIX + number + ":" + key + ":" + dueAt.toEpochMilli();
		if (remindAt.isAfter(clock.instant())) {
			timers.scheduleIfNotExists(CHECK.instance(id + ":due").data(new Check(number, key, dueAt.toEpochMilli(), false))
				.scheduledTo(remindAt));
		}
		timers.scheduleIfNotExists(CHECK.instance(id + ":overdue").data(new Check(number, key, dueAt.toEpochMilli(), true))
			.scheduledTo(dueAt));
	}

	@Override
	@Transactional
	public void meet(long number, String key, String outcome) {
		store.close(number, key, clock.instant(), outcome, false);
	}

	@Override
	@Transactional
	public void reassign(long number, String key, UUID ownerId) {
		store.find(number, key).filter(row -> row.metAt() == null).ifPresent(row -> store.reassign(number, key, ownerId));
	}

	@Override
	@Transactional
	public void withdraw(long number, String key) {
		store.find(number, key).filter(row -> row.metAt() == null).ifPresent(row -> store.delete(number, key));
	}

	@Override
	@Transactional
	public Obligation waive(long number, String key, String reason, UUID actor) {
		var why = Text.required("/reason", reason, IncidentRules.REASON_MAX, "say why it does not apply to this incident");
		incidents.lock(number).orElseThrow(() -> IncidentRules.noSuchIncident(number));
		var incident = incidents.find(number).orElseThrow();
		var commander = incident.roles().get(IncidentRole.INCIDENT_COMMANDER);
		if (commander != null && !commander.equals(actor)) {
			throw Problems.problem(org.springframework.http.HttpStatus.FORBIDDEN, "Only the incident commander waives",
					"Only the incident commander sets an obligation aside on " + incident.id()
							+ "; ask them, or take the role first",
					Map.of());
		}
		var row = store.find(number, key)
			.orElseThrow(() -> Problems.notFound(incident.id() + " owes nothing called '" + key
					+ "'; GET /api/v1/incidents/" + incident.id() + "/obligations lists what it owes"));
		if (!store.close(number, key, clock.instant(), why, true)) {
			throw Problems.conflict("'" + row.title() + "' is no longer open", Map.of("key", key));
		}
		write(number, actor, TimelineKind.POLICY, "Set aside: " + row.title() + ". Why: " + why);
		audit.record("incident.obligation_waived", "incident", incident.id(), key + ": " + why);
		return of(number).stream().filter(o -> o.key().equals(key)).findFirst().orElseThrow();
	}

	/** A timer went off: remind the owner, or record the miss and tell who the rule names. */
	@Transactional
	void check(Check check) {
		var status = incidents.lock(check.number()).orElse(null);
		var row = store.find(check.number(), check.key()).orElse(null);
		if (status == null || row == null || row.metAt() != null || row.dueAt().toEpochMilli() != check.dueAtMillis()
				|| !stillOwed(row.kind(), status)) {
			return;
		}
		var incident = incidents.find(check.number()).orElseThrow();
		var owner = owner(row, incident);
		if (!check.overdue()) {
			if (row.kind() == ObligationKind.CHECKPOINT) {
				write(check.number(), null, TimelineKind.CHECKPOINT, "Checkpoint due at " + TIME.format(row.dueAt())
						+ ": What do we know now? What are we trying next? Do we need to escalate or bring in more people? "
						+ "Is the status page current?");
			}
			events.publishEvent(new ObligationDue(check.number(), row.key(), row.kind(), row.title(), row.dueAt(), owner));
			return;
		}
		var commander = row.tellsCommander() ? incident.roles().get(IncidentRole.INCIDENT_COMMANDER) : null;
		write(check.number(), null, TimelineKind.POLICY, "Overdue: " + row.title() + " (due " + TIME.format(row.dueAt()) + ")");
		events.publishEvent(new ObligationOverdue(check.number(), row.key(), row.kind(), row.title(), row.dueAt(), owner,
				commander));
	}

	/**
	 * Whether an obligation of this kind is still owed by an incident in this status: the post-mortem
	 * after the close too, the last public update after the resolution, the rest only while active.
	 */
	private static boolean stillOwed(ObligationKind kind, IncidentStatus status) {
		return switch (kind) {
			case POSTMORTEM -> true;
			case UPDATE -> status != IncidentStatus.CLOSED;
			default -> status.isActive();
		};
	}

	/** Withdraws what a resolved incident no longer owes: everything but its post-mortem and its last updates. */
	@Transactional
	void withdrawOwn(long number) {
		for (var row : store.of(number)) {
			if (row.metAt() == null && !stillOwed(row.kind(), IncidentStatus.RESOLVED)) {
				store.delete(number, row.key());
			}
		}
	}

	/** The person who owes it: the named owner, else the role's holder, else the commander who holds every unfilled role. */
	static UUID owner(ObligationStore.Row row, Incident incident) {
		if (row.ownerId() != null) {
			return row.ownerId();
		}
		var holder = incident.roles().get(row.ownerRole());
		return holder != null ? holder : incident.roles().get(IncidentRole.INCIDENT_COMMANDER);
	}

	private Obligation obligation(ObligationStore.Row row, Incident incident, Instant now) {
		Obligation.State state;
		if (row.metAt() != null) {
			state = row.waived() ? Obligation.State.WAIVED : Obligation.State.MET;
		}
		else if (!now.isBefore(row.dueAt())) {
			state = Obligation.State.OVERDUE;
		}
		else if (!now.isBefore(row.dueAt().minus(policy.cadence().reminderBefore()))) {
			state = Obligation.State.DUE_SOON;
		}
		else {
			state = Obligation.State.PENDING;
		}
		return new Obligation(row.key(), row.kind(), row.title(), row.dueAt(), row.ownerRole(), owner(row, incident),
				row.metAt(), row.outcome(), state);
	}

	private void write(long number, UUID author, TimelineKind kind, String text) {
		timeline.append(new TimelineEntry(UUID.randomUUID(), number, clock.instant(), author, kind, text, null));
	}

	@Configuration(proxyBeanMethods = false)
	static class Timers {

		@Bean
		Task<Check> incidentObligation(@Lazy ObligationBook book) {
			return Tasks.oneTime(CHECK).execute((instance, context) -> book.check(instance.getData()));
		}
	}
}
