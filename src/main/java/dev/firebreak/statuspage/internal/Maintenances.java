package dev.firebreak.statuspage.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import dev.firebreak.catalog.MaintenanceCalendar;
import dev.firebreak.identity.AuditLog;
import dev.firebreak.platform.Problems;
import dev.firebreak.platform.Text;
import dev.firebreak.statuspage.ComponentStatus;

/**
 * Scheduled maintenance: planned with its components and times, it moves scheduled → in progress →
 * verifying → completed by itself at those times (durable timers), or earlier by a person. From
 * its start to the end of verifying, the catalog services behind its components are in a
 * maintenance window, so their alerts page nobody; subscribers are reminded before it starts.
 */
@Component
class Maintenances {

	static final TaskDescriptor<Step> STEP = TaskDescriptor.of("statuspage-maintenance", Step.class);

	static final int NAME_MAX = 300;

	static final int BODY_MAX = 10_000;

	/** What the page says at each step when no person wrote it. */
	static String defaultBody(MaintenanceStatus status) {
		return switch (status) {
			case SCHEDULED -> "This maintenance is scheduled.";
			case IN_PROGRESS -> "The scheduled maintenance is in progress. We will update this page when it is done.";
			case VERIFYING -> "The work is done and we are verifying that everything works as it should.";
			case COMPLETED -> "The scheduled maintenance has been completed.";
		};
	}

	private final MaintenanceStore store;

	private final StatusPageStore page;

	private final ComponentStatuses statuses;

	private final PageChanges changes;

	private final MaintenanceCalendar calendar;

	private final SchedulerClient timers;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final StatusPagePolicy policy;

	private final Clock clock;

	Maintenances(MaintenanceStore store, StatusPageStore page, ComponentStatuses statuses, PageChanges changes,
			MaintenanceCalendar calendar, @Lazy SchedulerClient timers, AuditLog audit, ApplicationEventPublisher events,
			StatusPagePolicy policy, Clock clock) {
		this.store = store;
		this.page = page;
		this.statuses = statuses;
		this.changes = changes;
		this.calendar = calendar;
		this.timers = timers;
		this.audit = audit;
		this.events = events;
		this.policy = policy;
		this.clock = clock;
	}

	/** What a person asks for; null fields of an edit keep what was planned. */
	record Plan(String name, Instant scheduledFor, Instant scheduledUntil, List<UUID> componentIds, String body) {
	}

	@Transactional
	Maintenance plan(Plan plan, UUID by) {
		changes.change();
		var now = clock.instant();
		var name = Text.required("/name", plan.name(), NAME_MAX, "what the work is, in customers' words");
		var components = components(plan.componentIds());
		var from = plan.scheduledFor();
		var until = plan.scheduledUntil();
		checkTimes(from, until, now);
		var maintenance = new Maintenance(UUID.randomUUID(), name, MaintenanceStatus.SCHEDULED, from, until,
				until.plus(policy.maintenance().verifyingFor()), null, null, null, by, now, now, components);
		store.save(maintenance);
		silence(maintenance, by);
		schedule(maintenance);
		addUpdate(maintenance, MaintenanceStatus.SCHEDULED, body(plan.body(), MaintenanceStatus.SCHEDULED), now);
		audit.record("statuspage.maintenance_planned", "maintenance", maintenance.id().toString(),
				name + " from " + from + " to " + until);
		return begin(maintenance, now);
	}

	/** Changes a maintenance that has not started: its name, times or components. */
	@Transactional
	Maintenance edit(UUID id, Plan plan, UUID by) {
		changes.change();
		var now = clock.instant();
		var existing = locked(id);
		if (existing.status() != MaintenanceStatus.SCHEDULED) {
			throw Problems.conflict("This maintenance is " + existing.status().toString().replace('_', ' ')
					+ "; only one still scheduled can be changed (post an update, or complete it)");
		}
		var name = plan.name() == null ? existing.name() : Text.required("/name", plan.name(), NAME_MAX, "");
		var from = plan.scheduledFor() == null ? existing.scheduledFor() : plan.scheduledFor();
		var until = plan.scheduledUntil() == null ? existing.scheduledUntil() : plan.scheduledUntil();
		checkTimes(from, until, now);
		var components = plan.componentIds() == null ? existing.componentIds() : components(plan.componentIds());
		var edited = new Maintenance(id, name, existing.status(), from, until,
				until.plus(policy.maintenance().verifyingFor()),
				from.equals(existing.scheduledFor()) ? existing.remindedAt() : null, null, null, existing.createdBy(),
				existing.createdAt(), now, components);
		store.save(edited);
		unsilence(id);
		silence(edited, by);
		schedule(edited);
		if (plan.body() != null) {
			addUpdate(edited, MaintenanceStatus.SCHEDULED, body(plan.body(), MaintenanceStatus.SCHEDULED), now);
		}
		audit.record("statuspage.maintenance_changed", "maintenance", id.toString(),
				name + " from " + from + " to " + until);
		return begin(edited, now);
	}

	/**
	 * Moves a maintenance on by hand (start early, verify, complete early), with the words the page
	 * shows; a maintenance never moves back.
	 */
	@Transactional
	Maintenance move(UUID id, MaintenanceStatus to, String body) {
		changes.change();
		var existing = locked(id);
		if (to == null) {
			throw Problems.invalid("/status", "status must be in_progress, verifying or completed");
		}
		if (to.ordinal() <= existing.status().ordinal()) {
			throw Problems.conflict("This maintenance is already " + existing.status().toString().replace('_', ' ')
					+ "; it moves on only (scheduled → in_progress → verifying → completed)");
		}
		var moved = to(existing, to, body(body, to), clock.instant());
		audit.record("statuspage.maintenance_" + to, "maintenance", id.toString(), existing.name());
		return moved;
	}

	/** Posts words on a maintenance without moving it. */
	@Transactional
	Maintenance comment(UUID id, String body) {
		changes.change();
		var existing = locked(id);
		addUpdate(existing, existing.status(), Text.required("/body", body, BODY_MAX, "what customers should know"),
				clock.instant());
		audit.record("statuspage.maintenance_updated", "maintenance", id.toString(), existing.name());
		return existing;
	}

	/** Calls off a maintenance that has not started: it leaves the page and silences nothing. */
	@Transactional
	void cancel(UUID id) {
		changes.change();
		var existing = locked(id);
		if (existing.status() != MaintenanceStatus.SCHEDULED) {
			throw Problems.conflict("This maintenance has started; complete it instead of cancelling it");
		}
		unsilence(id);
		store.delete(id);
		audit.record("statuspage.maintenance_cancelled", "maintenance", id.toString(), existing.name());
	}

	/** A timer went off: the step happens if the maintenance still plans it for that time. */
	@Transactional
	void step(Step step) {
		changes.change();
		var maintenance = store.lock(step.maintenanceId()).orElse(null);
		if (maintenance == null) {
			return;
		}
		var now = clock.instant();
		if (step.reminder()) {
			if (maintenance.status() == MaintenanceStatus.SCHEDULED && maintenance.remindedAt() == null
					&& maintenance.scheduledFor().toEpochMilli() == step.plannedFor()) {
				store.save(new Maintenance(maintenance.id(), maintenance.name(), maintenance.status(),
						maintenance.scheduledFor(), maintenance.scheduledUntil(), maintenance.verifyUntil(), now,
						maintenance.startedAt(), maintenance.completedAt(), maintenance.createdBy(),
						maintenance.createdAt(), maintenance.updatedAt(), maintenance.componentIds()));
				events.publishEvent(new MaintenanceReminderDue(maintenance.id()));
			}
			return;
		}
		begin(maintenance, now);
	}

	/** Takes every step already due, in order (a maintenance planned to start now starts now). */
	private Maintenance begin(Maintenance maintenance, Instant now) {
		var current = maintenance;
		for (var next = due(current, now); next != null; next = due(current, now)) {
			current = to(current, next, defaultBody(next), now);
		}
		return current;
	}

	private static MaintenanceStatus due(Maintenance m, Instant now) {
		return switch (m.status()) {
			case SCHEDULED -> !now.isBefore(m.scheduledFor()) ? MaintenanceStatus.IN_PROGRESS : null;
			case IN_PROGRESS -> !now.isBefore(m.scheduledUntil()) ? MaintenanceStatus.VERIFYING : null;
			case VERIFYING -> !now.isBefore(m.verifyUntil()) ? MaintenanceStatus.COMPLETED : null;
			case COMPLETED -> null;
		};
	}

	private Maintenance to(Maintenance existing, MaintenanceStatus to, String body, Instant now) {
		var moved = existing.with(to, now);
		store.save(moved);
		if (to == MaintenanceStatus.COMPLETED) {
			unsilence(existing.id());
		}
		else if (to.isActive() && now.isBefore(existing.scheduledFor())) {
			// started early: its services are silenced from now, not from the planned start
			unsilence(existing.id());
			silence(moved, existing.createdBy(), now);
		}
		var before = statuses.recompute(true);
		addUpdate(moved, to, body, now, before);
		return moved;
	}

	private void addUpdate(Maintenance maintenance, MaintenanceStatus status, String body, Instant now) {
		addUpdate(maintenance, status, body, now, Map.of());
	}

	/** @param before the components' statuses before this step, where it changed them */
	private void addUpdate(Maintenance maintenance, MaintenanceStatus status, String body, Instant now,
			Map<UUID, ComponentStatus> before) {
		var affected = new ArrayList<PublicUpdate.AffectedComponent>();
		for (var component : page.components()) {
			if (maintenance.componentIds().contains(component.id())) {
				affected.add(new PublicUpdate.AffectedComponent(component.id().toString(), component.name(),
						before.getOrDefault(component.id(), component.status()).toString(),
						component.status().toString()));
			}
		}
		var update = new PublicUpdate(UUID.randomUUID(), maintenance.id(), status.toString(), body, affected, now, now);
		store.addUpdate(update);
		events.publishEvent(new PublicUpdatePublished(maintenance.id(), update.id(), true));
	}

	private void silence(Maintenance maintenance, UUID by) {
		silence(maintenance, by, maintenance.scheduledFor());
	}

	private void silence(Maintenance maintenance, UUID by, Instant from) {
		var services = new LinkedHashSet<UUID>();
		page.components().stream().filter(c -> maintenance.componentIds().contains(c.id()))
			.forEach(c -> services.addAll(c.serviceIds()));
		for (var service : services) {
			var window = calendar.plan(service, from, maintenance.verifyUntil(),
					"Scheduled maintenance: " + maintenance.name(), by);
			store.addWindow(maintenance.id(), window.id());
		}
	}

	private void unsilence(UUID maintenanceId) {
		store.windows(maintenanceId).forEach(calendar::finish);
		store.forgetWindows(maintenanceId);
	}

	private void schedule(Maintenance m) {
		var now = clock.instant();
		var remindAt = m.scheduledFor().minus(policy.maintenance().remindBefore());
		var planned = m.scheduledFor().toEpochMilli();
		if (remindAt.isAfter(now)) {
			timers.scheduleIfNotExists(STEP.instance(m.id() + ":remind:" + planned)
				.data(new Step(m.id(), planned, true)).scheduledTo(remindAt));
		}
		for (var at : List.of(m.scheduledFor(), m.scheduledUntil(), m.verifyUntil())) {
			timers.scheduleIfNotExists(STEP.instance(m.id() + ":" + at.toEpochMilli())
				.data(new Step(m.id(), at.toEpochMilli(), false)).scheduledTo(at));
		}
	}

	private Maintenance locked(UUID id) {
		return store.lock(id).orElseThrow(() -> Problems.notFound("No scheduled maintenance " + id));
	}

	private List<UUID> components(List<UUID> ids) {
		if (ids == null || ids.isEmpty()) {
			throw Problems.invalid("/component_ids", "name at least one component the work affects");
		}
		var known = page.components().stream().map(PageComponent::id).toList();
		for (var id : ids) {
			if (!known.contains(id)) {
				throw Problems.invalid("/component_ids", "no component " + id + " on the status page");
			}
		}
		return List.copyOf(new LinkedHashSet<>(ids));
	}

	private void checkTimes(Instant from, Instant until, Instant now) {
		if (from == null) {
			throw Problems.invalid("/scheduled_for", "scheduled_for is required: when the work starts");
		}
		if (until == null) {
			throw Problems.invalid("/scheduled_until", "scheduled_until is required: when the work ends");
		}
		if (!until.isAfter(from)) {
			throw Problems.invalid("/scheduled_until", "scheduled_until must be after scheduled_for (" + from + ")");
		}
		if (!until.isAfter(now)) {
			throw Problems.invalid("/scheduled_until", "scheduled_until is in the past; maintenance is planned ahead");
		}
		// the services stay silenced while it verifies, and a silence lasts at most 7 days
		var longest = Duration.ofDays(7).minus(policy.maintenance().verifyingFor());
		if (Duration.between(from, until).compareTo(longest) > 0) {
			throw Problems.invalid("/scheduled_until", "a maintenance lasts at most " + PublicView.duration(longest)
					+ " (7 days with its verifying time); plan several for longer work");
		}
	}

	private static String body(String body, MaintenanceStatus status) {
		var text = Text.optional("/body", body, BODY_MAX);
		return text == null || text.isBlank() ? defaultBody(status) : text;
	}

	/** A timer's data: the maintenance, the time the step was planned for, and whether it is the reminder. */
	record Step(UUID maintenanceId, long plannedFor, boolean reminder) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Timers {

		@Bean
		Task<Step> statuspageMaintenance(@Lazy Maintenances maintenances) {
			return Tasks.oneTime(STEP).execute((instance, context) -> maintenances.step(instance.getData()));
		}
	}
}
