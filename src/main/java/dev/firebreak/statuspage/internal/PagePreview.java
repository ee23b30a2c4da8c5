package dev.firebreak.statuspage.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.firebreak.comms.Phase;
import dev.firebreak.incident.Incident;
import dev.firebreak.platform.Problems;
import dev.firebreak.platform.Text;
import dev.firebreak.statuspage.ComponentStatus;

/**
 * The page as it would look if a public update were posted, worked out in memory by the rules
 * {@link PublicIncidents} applies when the update is posted (the components it names take what the
 * incident's severity does to them; a resolution ends the incident's effects) and rendered like
 * the real page. It writes nothing: no revision, no incident, no update.
 */
@Component
class PagePreview {

	private final PageReader reader;

	private final PublicIncidentStore incidents;

	private final MaintenanceStore maintenances;

	private final StatusPagePolicy policy;

	PagePreview(PageReader reader, PublicIncidentStore incidents, MaintenanceStore maintenances,
			StatusPagePolicy policy) {
		this.reader = reader;
		this.incidents = incidents;
		this.maintenances = maintenances;
		this.policy = policy;
	}

	/** The would-be page; refused for a private incident, which never reaches the page. */
	@Transactional(readOnly = true)
	PublicView.Page preview(Incident incident, Phase phase, String text, List<String> componentNames) {
		if (incident.isPrivate()) {
			throw Problems.conflict(incident.id() + " is private: private incidents never reach the status page, "
					+ "so there is nothing to preview");
		}
		if (phase == null) {
			throw Problems.invalid("/phase",
					"a public update says where the incident stands: investigating, identified, monitoring or resolved");
		}
		var body = Text.required("/text", text, Maintenances.BODY_MAX, "the words customers will read");
		var data = reader.read();
		var named = named(data.components(), componentNames);
		var now = data.now();
		var resolved = phase == Phase.RESOLVED;
		var severity = incident.severity() == null ? null : incident.severity().name();
		var effect = policy.componentStatusOf(severity);

		var existing = incidents.byNumber(incident.number()).orElse(null);
		var id = existing == null ? UUID.randomUUID() : existing.id();
		var all = existing == null ? new LinkedHashMap<UUID, ComponentStatus>()
				: new LinkedHashMap<>(incidents.effects(id, false));
		var active = existing == null || resolved ? new LinkedHashMap<UUID, ComponentStatus>()
				: new LinkedHashMap<>(incidents.effects(id, true));
		var touched = new LinkedHashSet<UUID>();
		for (var component : named) {
			all.put(component.id(), effect);
			if (!resolved) {
				active.put(component.id(), effect);
			}
			touched.add(component.id());
		}
		if (resolved) {
			touched.addAll(all.keySet());
		}

		var effects = new HashMap<>(incidents.activeEffectsExcept(id));
		active.forEach((component, status) -> effects.merge(component, status, ComponentStatus::worse));
		var maintained = maintenances.activeComponents();
		var components = new ArrayList<PageComponent>();
		var affected = new ArrayList<PublicUpdate.AffectedComponent>();
		for (var c : data.components()) {
			var status = ComponentStatuses.statusOf(c, effects.get(c.id()), maintained.contains(c.id()));
			components.add(new PageComponent(c.id(), c.groupId(), c.name(), c.description(), c.position(), status,
					c.manualStatus(), c.onlyShowIfDegraded(), c.showcase(), c.startDate(), c.serviceIds(), c.createdAt(),
					c.updatedAt()));
			if (touched.contains(c.id())) {
				affected.add(new PublicUpdate.AffectedComponent(c.id().toString(), c.name(), c.status().toString(),
						status.toString()));
			}
		}

		var status = phase.toString();
		var wouldBe = new PublicIncident(id, incident.number(), PublicIncidents.name(components, all), status,
				policy.impactOf(severity),
				existing != null ? existing.startedAt()
						: incident.milestones().detectedAt() == null ? now : incident.milestones().detectedAt(),
				existing == null ? now : existing.createdAt(), now,
				existing == null || existing.monitoringAt() == null ? (phase == Phase.MONITORING ? now : null)
						: existing.monitoringAt(),
				resolved ? (existing == null || existing.resolvedAt() == null ? now : existing.resolvedAt()) : null);
		var listed = new ArrayList<PublicIncident>();
		listed.add(wouldBe);
		data.incidents().stream().filter(i -> !i.id().equals(id)).forEach(listed::add);
		listed.sort((a, b) -> b.createdAt().compareTo(a.createdAt()));

		var updates = new HashMap<>(data.updates());
		var incidentUpdates = new ArrayList<PublicUpdate>();
		incidentUpdates.add(new PublicUpdate(UUID.randomUUID(), id, status, body, affected, now, now));
		incidentUpdates.addAll(data.updatesOf(id));
		updates.put(id, incidentUpdates);
		var incidentComponents = new HashMap<>(data.incidentComponents());
		incidentComponents.put(id, List.copyOf(all.keySet()));

		var wouldBeData = new PageData(data.settings(), data.revision(), now, data.url(), data.groups(),
				List.copyOf(components), data.bars(), List.copyOf(listed), data.maintenances(), updates,
				incidentComponents);
		return PublicView.page(wouldBeData, StatusSnapshots.BASE);
	}

	/** The page's components an update names, as posting would accept them. */
	private static List<PageComponent> named(List<PageComponent> components, List<String> names) {
		var found = new ArrayList<PageComponent>();
		for (var name : names) {
			var wanted = name.strip().toLowerCase(Locale.ROOT);
			var component = components.stream().filter(c -> c.name().toLowerCase(Locale.ROOT).equals(wanted))
				.findFirst()
				.orElseThrow(() -> Problems.invalid("/components", "no component named \"" + name.strip()
						+ "\" on the status page; choose from: "
						+ String.join(", ", components.stream().map(PageComponent::name).toList())));
			if (!found.contains(component)) {
				found.add(component);
			}
		}
		return found;
	}
}
