package dev.firebreak.statuspage.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.firebreak.statuspage.ComponentStatus;

/**
 * What each component shows: a person's word when they gave one, else the worst that incidents in
 * force and maintenance in progress do to it, else operational. Worked out again after every change
 * of any of those; each change of status is a new span (uptime) and an event (subscribers).
 */
@Component
class ComponentStatuses {

	private final StatusPageStore store;

	private final PublicIncidentStore incidents;

	private final MaintenanceStore maintenances;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ComponentStatuses(StatusPageStore store, PublicIncidentStore incidents, MaintenanceStore maintenances,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.incidents = incidents;
		this.maintenances = maintenances;
		this.events = events;
		this.clock = clock;
	}

	/** Works every component's status out again; answers each component's status before, by id. */
	Map<UUID, ComponentStatus> recompute() {
		return recompute(false);
	}

	/** As {@link #recompute()}, for a change a public update announces (subscribers hear of it from the update). */
	Map<UUID, ComponentStatus> recompute(boolean withPublicUpdate) {
		var now = clock.instant();
		var effects = incidents.activeEffects();
		var maintained = maintenances.activeComponents();
		var before = new LinkedHashMap<UUID, ComponentStatus>();
		for (var component : store.components()) {
			before.put(component.id(), component.status());
			var status = statusOf(component, effects.get(component.id()), maintained.contains(component.id()));
			if (status != component.status()) {
				store.setStatus(component.id(), status, now);
				events.publishEvent(new ComponentStatusChanged(component.id(), component.status(), status, now,
						withPublicUpdate));
			}
		}
		return before;
	}

	/** What a component shows given the worst incident effect on it (null: none) and whether it is under maintenance. */
	static ComponentStatus statusOf(PageComponent component, ComponentStatus worstEffect, boolean underMaintenance) {
		return component.manualStatus() != null ? component.manualStatus()
				: ComponentStatus.OPERATIONAL.worse(worstEffect)
					.worse(underMaintenance ? ComponentStatus.UNDER_MAINTENANCE : null);
	}
}
