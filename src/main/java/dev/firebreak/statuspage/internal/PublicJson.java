package dev.firebreak.statuspage.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.firebreak.statuspage.ComponentStatus;

/**
 * The page in the JSON that status-page widgets and aggregators read (the de-facto standard
 * {@code /api/v2/*.json}): the same shapes, names and enumerations. Built from {@link PageData} only.
 */
final class PublicJson {

	private PublicJson() {
	}

	record PageJson(String id, String name, String url, String timeZone, Instant updatedAt) {
	}

	record StatusJson(String indicator, String description) {
	}

	record ComponentJson(String id, String name, String status, Instant createdAt, Instant updatedAt, int position,
			String description, boolean showcase, LocalDate startDate, String groupId, String pageId, boolean group,
			boolean onlyShowIfDegraded, @JsonInclude(JsonInclude.Include.NON_NULL) List<String> components) {
	}

	record AffectedJson(String code, String name, String oldStatus, String newStatus) {
	}

	record UpdateJson(String id, String status, String body, String incidentId, Instant createdAt, Instant updatedAt,
			Instant displayAt, List<AffectedJson> affectedComponents, boolean deliverNotifications) {
	}

	record IncidentJson(String id, String name, String status, Instant createdAt, Instant updatedAt,
			Instant monitoringAt, Instant resolvedAt, String impact, String shortlink, Instant startedAt, String pageId,
			List<UpdateJson> incidentUpdates, List<ComponentJson> components,
			@JsonInclude(JsonInclude.Include.NON_NULL) Instant scheduledFor,
			@JsonInclude(JsonInclude.Include.NON_NULL) Instant scheduledUntil) {
	}

	/** The overall status: the worst of the components and of the unresolved incidents' impact. */
	static StatusJson status(PageData data) {
		var worst = data.components().stream().map(PageComponent::status)
			.reduce(ComponentStatus.OPERATIONAL, ComponentStatus::worse);
		var indicator = switch (worst) {
			case MAJOR_OUTAGE -> "critical";
			case PARTIAL_OUTAGE -> "major";
			case DEGRADED_PERFORMANCE -> "minor";
			case UNDER_MAINTENANCE -> "maintenance";
			case OPERATIONAL -> "none";
		};
		for (var incident : data.unresolved()) {
			if (rank(incident.impact()) > rank(indicator)) {
				indicator = incident.impact();
			}
		}
		return new StatusJson(indicator, describe(indicator));
	}

	static String describe(String indicator) {
		return switch (indicator) {
			case "critical" -> "Major Service Outage";
			case "major" -> "Partial System Outage";
			case "minor" -> "Partially Degraded Service";
			case "maintenance" -> "Service Under Maintenance";
			default -> "All Systems Operational";
		};
	}

	private static int rank(String indicator) {
		return switch (indicator) {
			case "critical" -> 4;
			case "major" -> 3;
			case "minor" -> 2;
			case "maintenance" -> 1;
			default -> 0;
		};
	}

	static PageJson page(PageData data) {
		return new PageJson(data.settings().pageId(), data.settings().name(), data.url(),
				data.settings().timeZone().getId(), data.lastChange());
	}

	/** Groups and components in page order: each group, then its components, then those without a group. */
	static List<ComponentJson> components(PageData data) {
		var pageId = data.settings().pageId();
		var list = new ArrayList<ComponentJson>();
		var position = 1;
		for (var group : data.groups()) {
			var members = data.components().stream().filter(c -> group.id().equals(c.groupId())).toList();
			var worst = members.stream().map(PageComponent::status).reduce(ComponentStatus.OPERATIONAL,
					ComponentStatus::worse);
			list.add(new ComponentJson(group.id().toString(), group.name(), worst.toString(), group.createdAt(),
					group.updatedAt(), position++, group.description(), false, null, null, pageId, true, false,
					members.stream().map(c -> c.id().toString()).toList()));
			for (var c : members) {
				list.add(component(c, position++, pageId));
			}
		}
		for (var c : data.components()) {
			if (c.groupId() == null) {
				list.add(component(c, position++, pageId));
			}
		}
		return list;
	}

	private static ComponentJson component(PageComponent c, int position, String pageId) {
		return new ComponentJson(c.id().toString(), c.name(), c.status().toString(), c.createdAt(), c.updatedAt(),
				position, c.description(), c.showcase(), c.startDate(),
				c.groupId() == null ? null : c.groupId().toString(), pageId, false, c.onlyShowIfDegraded(), null);
	}

	static IncidentJson incident(PublicIncident i, List<PublicUpdate> updates, List<UUID> componentIds,
			PageData data) {
		var pageId = data.settings().pageId();
		return new IncidentJson(i.id().toString(), i.name(), i.status(), i.createdAt(), i.updatedAt(),
				i.monitoringAt(), i.resolvedAt(), i.impact(), data.url() + "/incidents/" + i.id(), i.startedAt(), pageId,
				updates(updates), componentsNamed(componentIds, data), null, null);
	}

	static IncidentJson maintenance(Maintenance m, List<PublicUpdate> updates, PageData data) {
		var pageId = data.settings().pageId();
		return new IncidentJson(m.id().toString(), m.name(), m.status().toString(), m.createdAt(), m.updatedAt(), null,
				m.completedAt(), "maintenance", data.url() + "/maintenances/" + m.id(),
				m.startedAt() == null ? m.scheduledFor() : m.startedAt(), pageId, updates(updates),
				componentsNamed(m.componentIds(), data), m.scheduledFor(), m.scheduledUntil());
	}

	private static List<UpdateJson> updates(List<PublicUpdate> updates) {
		return updates.stream()
			.map(u -> new UpdateJson(u.id().toString(), u.status(), u.body(), u.subjectId().toString(), u.createdAt(),
					u.createdAt(), u.displayAt(),
					u.affected().stream().map(a -> new AffectedJson(a.code(), a.name(), a.oldStatus(), a.newStatus()))
						.toList(),
					true))
			.toList();
	}

	private static List<ComponentJson> componentsNamed(List<UUID> ids, PageData data) {
		var list = new ArrayList<ComponentJson>();
		for (var c : data.components()) {
			if (ids != null && ids.contains(c.id())) {
				list.add(component(c, c.position(), data.settings().pageId()));
			}
		}
		return list;
	}

	/** Every document under {@code /api/v2/}, by its path. */
	static Map<String, Map<String, Object>> documents(PageData data, int listed) {
		var page = page(data);
		var status = status(data);
		var components = components(data);
		var incidents = data.incidents().stream().limit(listed)
			.map(i -> incident(i, data.updatesOf(i.id()), data.incidentComponents().get(i.id()), data)).toList();
		var unresolved = data.unresolved().stream()
			.map(i -> incident(i, data.updatesOf(i.id()), data.incidentComponents().get(i.id()), data)).toList();
		var all = data.maintenances().stream().map(m -> maintenance(m, data.updatesOf(m.id()), data)).toList();
		var maintenances = all.stream().limit(listed).toList();
		// the soonest first
		var upcoming = all.stream().filter(m -> "scheduled".equals(m.status()))
			.sorted(java.util.Comparator.comparing(IncidentJson::scheduledFor)).toList();
		var active = all.stream()
			.filter(m -> "in_progress".equals(m.status()) || "verifying".equals(m.status())).toList();
		var docs = new LinkedHashMap<String, Map<String, Object>>();
		docs.put("/api/v2/summary.json", doc("page", page, "components", components, "incidents", unresolved,
				"scheduled_maintenances", concat(active, upcoming), "status", status));
		docs.put("/api/v2/status.json", doc("page", page, "status", status));
		docs.put("/api/v2/components.json", doc("page", page, "components", components));
		docs.put("/api/v2/incidents.json", doc("page", page, "incidents", incidents));
		docs.put("/api/v2/incidents/unresolved.json", doc("page", page, "incidents", unresolved));
		docs.put("/api/v2/scheduled-maintenances.json", doc("page", page, "scheduled_maintenances", maintenances));
		docs.put("/api/v2/scheduled-maintenances/upcoming.json", doc("page", page, "scheduled_maintenances", upcoming));
		docs.put("/api/v2/scheduled-maintenances/active.json", doc("page", page, "scheduled_maintenances", active));
		return docs;
	}

	private static <T> List<T> concat(List<T> a, List<T> b) {
		var all = new ArrayList<T>(a);
		all.addAll(b);
		return all;
	}

	private static Map<String, Object> doc(Object... pairs) {
		var doc = new LinkedHashMap<String, Object>();
		for (var i = 0; i < pairs.length; i += 2) {
			doc.put((String) pairs[i], pairs[i + 1]);
		}
		return doc;
	}
}
