package dev.firebreak.statuspage.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.firebreak.platform.Sql;
import dev.firebreak.statuspage.ComponentStatus;

/** The page's settings, groups, components with their services, and the spans of their statuses. */
@Component
class StatusPageStore {

	private final JdbcClient jdbc;

	StatusPageStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	PageSettings settings() {
		return jdbc.sql("select * from statuspage_settings where id = 1").query((rs, n) -> settings(rs)).single();
	}

	/**
	 * Takes the page's lock for this transaction and counts one more change: page changes from
	 * every instance line up here, and every instance sees the new revision.
	 */
	PageSettings change(Instant now) {
		jdbc.sql("update statuspage_settings set revision = revision + 1, updated_at = :now where id = 1")
			.param("now", Sql.timestamp(now)).update();
		return settings();
	}

	long revision() {
		return jdbc.sql("select revision from statuspage_settings where id = 1").query(Long.class).single();
	}

	void ensurePageId(String pageId) {
		jdbc.sql("update statuspage_settings set page_id = :id where id = 1 and page_id is null").param("id", pageId)
			.update();
	}

	void saveSettings(String name, String logoUrl, String logoAlt, String brandColour, ZoneId timeZone,
			String hostName) {
		jdbc.sql("""
				update statuspage_settings set name = :name, logo_url = :logo, logo_alt = :alt, brand_colour = :colour,
				time_zone = :zone, host_name = :host where id = 1""")
			.param("name", name).param("logo", logoUrl).param("alt", logoAlt).param("colour", brandColour)
			.param("zone", timeZone.getId()).param("host", hostName).update();
	}

	List<Group> groups() {
		return jdbc.sql("select * from statuspage_group order by position, name").query((rs, n) -> group(rs)).list();
	}

	Optional<Group> group(UUID id) {
		return jdbc.sql("select * from statuspage_group where id = :id").param("id", id).query((rs, n) -> group(rs))
			.optional();
	}

	void saveGroup(Group group) {
		var updated = jdbc.sql("""
				update statuspage_group set name = :name, description = :description, position = :position,
				updated_at = :updated where id = :id""")
			.param("id", group.id()).param("name", group.name()).param("description", group.description())
			.param("position", group.position()).param("updated", Sql.timestamp(group.updatedAt())).update();
		if (updated == 0) {
			jdbc.sql("""
					insert into statuspage_group (id, name, description, position, created_at, updated_at)
					values (:id, :name, :description, :position, :created, :updated)""")
				.param("id", group.id()).param("name", group.name()).param("description", group.description())
				.param("position", group.position()).param("created", Sql.timestamp(group.createdAt()))
				.param("updated", Sql.timestamp(group.updatedAt())).update();
		}
	}

	void deleteGroup(UUID id) {
		jdbc.sql("update statuspage_component set group_id = null where group_id = :id").param("id", id).update();
		jdbc.sql("delete from statuspage_group where id = :id").param("id", id).update();
	}

	List<PageComponent> components() {
		var services = services();
		return jdbc.sql("select * from statuspage_component order by position, name")
			.query((rs, n) -> component(rs, services)).list();
	}

	Optional<PageComponent> component(UUID id) {
		var services = services();
		return jdbc.sql("select * from statuspage_component where id = :id").param("id", id)
			.query((rs, n) -> component(rs, services)).optional();
	}

	void saveComponent(PageComponent c) {
		var updated = jdbc.sql("""
				update statuspage_component set group_id = :group, name = :name, description = :description,
				position = :position, only_show_if_degraded = :onlyDegraded, showcase = :showcase,
				start_date = :start, updated_at = :updated where id = :id""")
			.param("id", c.id()).param("group", c.groupId()).param("name", c.name())
			.param("description", c.description()).param("position", c.position())
			.param("onlyDegraded", c.onlyShowIfDegraded()).param("showcase", c.showcase())
			.param("start", c.startDate()).param("updated", Sql.timestamp(c.updatedAt())).update();
		if (updated == 0) {
			jdbc.sql("""
					insert into statuspage_component (id, group_id, name, description, position, status, manual_status,
					only_show_if_degraded, showcase, start_date, created_at, updated_at)
					values (:id, :group, :name, :description, :position, :status, null, :onlyDegraded, :showcase,
					:start, :created, :updated)""")
				.param("id", c.id()).param("group", c.groupId()).param("name", c.name())
				.param("description", c.description()).param("position", c.position())
				.param("status", c.status().toString()).param("onlyDegraded", c.onlyShowIfDegraded())
				.param("showcase", c.showcase()).param("start", c.startDate())
				.param("created", Sql.timestamp(c.createdAt())).param("updated", Sql.timestamp(c.updatedAt())).update();
			openSpan(c.id(), c.status(), c.createdAt());
		}
		jdbc.sql("delete from statuspage_component_service where component_id = :id").param("id", c.id()).update();
		for (var service : c.serviceIds()) {
			jdbc.sql("insert into statuspage_component_service (component_id, service_id) values (:id, :service)")
				.param("id", c.id()).param("service", service).update();
		}
	}

	void deleteComponent(UUID id) {
		jdbc.sql("delete from statuspage_component where id = :id").param("id", id).update();
	}

	void setManualStatus(UUID id, ComponentStatus status) {
		jdbc.sql("update statuspage_component set manual_status = :status where id = :id").param("id", id)
			.param("status", status == null ? null : status.toString()).update();
	}

	/** Shows {@code status} from {@code at}: the open span ends, a new one starts. */
	void setStatus(UUID id, ComponentStatus status, Instant at) {
		jdbc.sql("update statuspage_component set status = :status, updated_at = :at where id = :id").param("id", id)
			.param("status", status.toString()).param("at", Sql.timestamp(at)).update();
		jdbc.sql("update statuspage_status_span set ended_at = :at where component_id = :id and ended_at is null")
			.param("id", id).param("at", Sql.timestamp(at)).update();
		openSpan(id, status, at);
	}

	private void openSpan(UUID component, ComponentStatus status, Instant at) {
		jdbc.sql("""
				insert into statuspage_status_span (id, component_id, status, started_at, ended_at)
				values (:id, :component, :status, :at, null)""")
			.param("id", UUID.randomUUID()).param("component", component).param("status", status.toString())
			.param("at", Sql.timestamp(at)).update();
	}

	/** The spans that overlap {@code [from, now]}, per component, oldest first. */
	Map<UUID, List<StatusSpan>> spansSince(Instant from) {
		var spans = new HashMap<UUID, List<StatusSpan>>();
		jdbc.sql("""
				select * from statuspage_status_span where ended_at is null or ended_at > :from
				order by component_id, started_at""")
			.param("from", Sql.timestamp(from))
			.query((rs, n) -> new StatusSpan(Sql.uuid(rs, "component_id"), ComponentStatus.parse(rs.getString("status")),
					Sql.instant(rs, "started_at"), Sql.instant(rs, "ended_at")))
			.list()
			.forEach(span -> spans.computeIfAbsent(span.componentId(), k -> new ArrayList<>()).add(span));
		return spans;
	}

	/** The components mapped to any of these catalog services. */
	List<UUID> componentsOf(Collection<UUID> serviceIds) {
		if (serviceIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select distinct component_id from statuspage_component_service where service_id in (:ids)")
			.param("ids", serviceIds).query(UUID.class).list();
	}

	private Map<UUID, List<UUID>> services() {
		var services = new HashMap<UUID, List<UUID>>();
		jdbc.sql("select component_id, service_id from statuspage_component_service order by service_id")
			.query((rs, n) -> Map.entry(Sql.uuid(rs, "component_id"), Sql.uuid(rs, "service_id"))).list()
			.forEach(e -> services.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return services;
	}

	private static PageSettings settings(ResultSet rs) throws SQLException {
		return new PageSettings(rs.getString("page_id"), rs.getString("name"), rs.getString("logo_url"),
				rs.getString("logo_alt"), rs.getString("brand_colour"), ZoneId.of(rs.getString("time_zone")),
				rs.getString("host_name"), rs.getLong("revision"), Sql.instant(rs, "updated_at"));
	}

	private static Group group(ResultSet rs) throws SQLException {
		return new Group(Sql.uuid(rs, "id"), rs.getString("name"), rs.getString("description"), rs.getInt("position"),
				Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
	}

	private static PageComponent component(ResultSet rs, Map<UUID, List<UUID>> services) throws SQLException {
		var id = Sql.uuid(rs, "id");
		return new PageComponent(id, Sql.uuid(rs, "group_id"), rs.getString("name"), rs.getString("description"),
				rs.getInt("position"), ComponentStatus.parse(rs.getString("status")),
				ComponentStatus.parse(rs.getString("manual_status")), rs.getBoolean("only_show_if_degraded"),
				rs.getBoolean("showcase"), rs.getObject("start_date", java.time.LocalDate.class),
				List.copyOf(services.getOrDefault(id, List.of())), Sql.instant(rs, "created_at"),
				Sql.instant(rs, "updated_at"));
	}
}
