package dev.firebreak.statuspage.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.firebreak.comms.Audience;
import dev.firebreak.comms.Phase;
import dev.firebreak.comms.StatusUpdate;
import dev.firebreak.comms.StatusUpdatePosted;
import dev.firebreak.comms.StatusUpdates;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentResolved;
import dev.firebreak.incident.IncidentSeverityChanged;
import dev.firebreak.incident.Incidents;
import dev.firebreak.statuspage.ComponentStatus;

/**
 * Incidents reach the page only through their public updates: the first one makes the public
 * incident, each one becomes an update and sets the components it names to what the incident's
 * severity does to them; resolution returns them to operational (a person's word on a component
 * holds). Nothing of the internal record is shown: not the title, not the services, not the people.
 * Fire drills never reach it.
 */
@Component
class PublicIncidents {

	/** What the page says when an incident was resolved without a public update saying so. */
	static final String RESOLVED_WITHOUT_WORDS = "This incident has been resolved.";

	private final PublicIncidentStore store;

	private final StatusPageStore page;

	private final ComponentStatuses statuses;

	private final PageChanges changes;

	private final StatusUpdates updates;

	private final Incidents incidents;

	private final StatusPagePolicy policy;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PublicIncidents(PublicIncidentStore store, StatusPageStore page, ComponentStatuses statuses, PageChanges changes,
			StatusUpdates updates, Incidents incidents, StatusPagePolicy policy, ApplicationEventPublisher events,
			Clock clock) {
		this.store = store;
		this.page = page;
		this.statuses = statuses;
		this.changes = changes;
		this.updates = updates;
		this.incidents = incidents;
		this.policy = policy;
		this.events = events;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(StatusUpdatePosted posted) {
		if (posted.audience() == Audience.PUBLIC && !posted.isPrivateIncident()) {
			publish(posted.incidentNumber(), posted.updateId());
		}
	}

	@ApplicationModuleListener
	void on(IncidentResolved resolved) {
		if (!drill(resolved.incidentNumber())) {
			resolvedWithoutWords(resolved.incidentNumber());
		}
	}

	@ApplicationModuleListener
	void on(IncidentSeverityChanged changed) {
		if (!drill(changed.incidentNumber())) {
			severityChanged(changed.incidentNumber());
		}
	}

	/** A fire drill never touches the page, not even its "last changed" time. */
	private boolean drill(long number) {
		return incidents.find(number).map(Incident::drill).orElse(false);
	}

	/** Puts a public update on the page, once however often it is delivered. */
	@Transactional
	void publish(long number, UUID updateId) {
		changes.change();
		if (store.hasUpdate(updateId)) {
			return;
		}
		// private incidents and fire drills never reach the page, even if an update slipped through
		var incident = incidents.find(number).filter(i -> !i.isPrivate() && !i.drill()).orElse(null);
		var update = updates.update(updateId).orElse(null);
		if (incident == null || update == null || update.audience() != Audience.PUBLIC) {
			return;
		}
		var now = clock.instant();
		var existing = store.byNumber(number).orElse(null);
		var id = existing == null ? UUID.randomUUID() : existing.id();
		var named = named(update.components());
		var resolved = update.phase() == Phase.RESOLVED;
		var before = new PublicIncident(id, number, "", update.phase().toString(), policy.impactOf(severity(incident)),
				incident.milestones().detectedAt() == null ? now : incident.milestones().detectedAt(), now, now, null,
				null);
		if (existing != null) {
			before = existing;
		}
		else {
			store.save(before);
		}
		var effect = policy.componentStatusOf(severity(incident));
		for (var component : named) {
			store.setEffect(id, component.id(), effect, !resolved);
		}
		if (resolved) {
			store.endEffects(id);
		}
		var touched = new HashSet<UUID>(named.stream().map(PageComponent::id).toList());
		if (resolved) {
			touched.addAll(store.effects(id, false).keySet());
		}
		var old = statuses.recompute(true);
		var saved = save(before, update.phase().toString(), policy.impactOf(severity(incident)), now);
		var written = new PublicUpdate(updateId, id, update.phase().toString(), update.text(), affected(touched, old),
				update.postedAt(), now);
		store.addUpdate(written);
		events.publishEvent(new PublicUpdatePublished(saved.id(), updateId, false));
	}

	@Transactional
	void resolvedWithoutWords(long number) {
		changes.change();
		var existing = store.byNumber(number).orElse(null);
		if (existing == null || existing.isResolved()) {
			return;
		}
		var now = clock.instant();
		var touched = store.effects(existing.id(), false).keySet();
		store.endEffects(existing.id());
		var old = statuses.recompute(true);
		save(existing, "resolved", existing.impact(), now);
		var update = new PublicUpdate(UUID.randomUUID(), existing.id(), "resolved", RESOLVED_WITHOUT_WORDS,
				affected(touched, old), now, now);
		store.addUpdate(update);
		events.publishEvent(new PublicUpdatePublished(existing.id(), update.id(), false));
	}

	@Transactional
	void severityChanged(long number) {
		// the page's lock first: a resolution committing meanwhile is then seen, never overwritten
		changes.change();
		var existing = store.byNumber(number).orElse(null);
		var incident = incidents.find(number).orElse(null);
		if (existing == null || existing.isResolved() || incident == null) {
			return;
		}
		var effect = policy.componentStatusOf(severity(incident));
		store.effects(existing.id(), true).keySet().forEach(c -> store.setEffect(existing.id(), c, effect, true));
		statuses.recompute();
		save(existing, existing.status(), policy.impactOf(severity(incident)), clock.instant());
	}

	private PublicIncident save(PublicIncident before, String status, String impact, Instant now) {
		var components = page.components();
		var effects = store.effects(before.id(), false);
		var saved = new PublicIncident(before.id(), before.incidentNumber(), name(components, effects), status, impact,
				before.startedAt(), before.createdAt(), now,
				before.monitoringAt() == null && "monitoring".equals(status) ? now : before.monitoringAt(),
				"resolved".equals(status) ? (before.resolvedAt() == null ? now : before.resolvedAt()) : null);
		store.save(saved);
		return saved;
	}

	/** "Partial outage of Checkout and Payments": the worst the incident did, and where. */
	static String name(List<PageComponent> components, Map<UUID, ComponentStatus> effects) {
		var names = components.stream().filter(c -> effects.containsKey(c.id())).map(PageComponent::name).toList();
		var worst = effects.values().stream().reduce(ComponentStatus.OPERATIONAL, ComponentStatus::worse);
		if (names.isEmpty()) {
			return "Service disruption";
		}
		var what = worst == ComponentStatus.OPERATIONAL ? "Service disruption" : worst.words();
		return what + " of " + and(names);
	}

	private List<PageComponent> named(List<String> names) {
		var wanted = new HashSet<String>();
		names.forEach(n -> wanted.add(n.strip().toLowerCase(Locale.ROOT)));
		return page.components().stream().filter(c -> wanted.contains(c.name().toLowerCase(Locale.ROOT))).toList();
	}

	private List<PublicUpdate.AffectedComponent> affected(Collection<UUID> touched, Map<UUID, ComponentStatus> old) {
		var affected = new ArrayList<PublicUpdate.AffectedComponent>();
		for (var component : page.components()) {
			if (touched.contains(component.id())) {
				affected.add(new PublicUpdate.AffectedComponent(component.id().toString(), component.name(),
						String.valueOf(old.getOrDefault(component.id(), component.status())),
						component.status().toString()));
			}
		}
		return affected;
	}

	private static String severity(Incident incident) {
		return incident.severity() == null ? null : incident.severity().name();
	}

	static String and(List<String> names) {
		if (names.size() == 1) {
			return names.get(0);
		}
		return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
	}
}
