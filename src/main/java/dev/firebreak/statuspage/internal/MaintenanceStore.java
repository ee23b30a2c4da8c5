package dev.firebreak.statuspage.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.firebreak.platform.Sql;

/** Scheduled maintenances, their components, updates and the catalog windows that silence paging. */
@Component
class MaintenanceStore {

	private final JdbcClient jdbc;

	private final PublicIncidentStore updates;

	MaintenanceStore(JdbcClient jdbc, PublicIncidentStore updates) {
		this.jdbc = jdbc;
		this.updates = updates;
	}

	Optional<Maintenance> get(UUID id) {
		return list("select * from statuspage_maintenance where id = :id", Map.of("id", id)).stream().findFirst();
	}

	/** Takes the maintenance's row lock for this transaction. */
	Optional<Maintenance> lock(UUID id) {
		return list("select * from statuspage_maintenance where id = :id for update", Map.of("id", id)).stream()
			.findFirst();
	}

	/** The {@code limit} most recent by their planned start, latest first. */
	List<Maintenance> recent(int limit) {
		return list("select * from statuspage_maintenance order by scheduled_for desc limit " + limit, Map.of());
	}

	List<Maintenance> withStatus(Collection<MaintenanceStatus> statuses) {
		return list("select * from statuspage_maintenance where status in (:statuses) order by scheduled_for",
				Map.of("statuses", statuses.stream().map(MaintenanceStatus::toString).toList()));
	}

	/** The components under maintenance in progress or verifying. */
	Set<UUID> activeComponents() {
		return new HashSet<>(jdbc.sql("""
				select mc.component_id from statuspage_maintenance_component mc
				join statuspage_maintenance m on m.id = mc.maintenance_id where m.status in ('in_progress', 'verifying')""")
			.query(UUID.class).list());
	}

	void save(Maintenance m) {
		var updated = jdbc.sql("""
				update statuspage_maintenance set name = :name, status = :status, scheduled_for = :for,
				scheduled_until = :until, verify_until = :verify, reminded_at = :reminded, started_at = :started,
				completed_at = :completed, updated_at = :updated where id = :id""")
			.params(params(m)).update();
		if (updated == 0) {
			jdbc.sql("""
					insert into statuspage_maintenance (id, name, status, scheduled_for, scheduled_until, verify_until,
					reminded_at, started_at, completed_at, created_by, created_at, updated_at)
					values (:id, :name, :status, :for, :until, :verify, :reminded, :started, :completed, :by, :created,
					:updated)""")
				.params(params(m)).update();
		}
		jdbc.sql("delete from statuspage_maintenance_component where maintenance_id = :id").param("id", m.id()).update();
		for (var component : m.componentIds()) {
			jdbc.sql("insert into statuspage_maintenance_component (maintenance_id, component_id) values (:id, :c)")
				.param("id", m.id()).param("c", component).update();
		}
	}

	void delete(UUID id) {
		jdbc.sql("delete from statuspage_maintenance where id = :id").param("id", id).update();
	}

	void addUpdate(PublicUpdate u) {
		jdbc.sql("""
				insert into statuspage_maintenance_update (id, maintenance_id, status, body, affected_components,
				created_at) values (:id, :maintenance, :status, :body, :affected, :created)""")
			.param("id", u.id()).param("maintenance", u.subjectId()).param("status", u.status()).param("body", u.body())
			.param("affected", updates.json(u.affected())).param("created", Sql.timestamp(u.createdAt())).update();
	}

	/** The updates of these maintenances, newest first, per maintenance. */
	Map<UUID, List<PublicUpdate>> updatesOf(Collection<UUID> ids) {
		var found = new HashMap<UUID, List<PublicUpdate>>();
		if (ids.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				select u.*, u.created_at as display_at from statuspage_maintenance_update u
				where maintenance_id in (:ids) order by created_at desc, id""")
			.param("ids", ids).query((rs, n) -> updates.update(rs, "maintenance_id")).list()
			.forEach(u -> found.computeIfAbsent(u.subjectId(), k -> new ArrayList<>()).add(u));
		return found;
	}

	List<UUID> windows(UUID maintenanceId) {
		return jdbc.sql("select window_id from statuspage_maintenance_window where maintenance_id = :id")
			.param("id", maintenanceId).query(UUID.class).list();
	}

	void addWindow(UUID maintenanceId, UUID windowId) {
		jdbc.sql("insert into statuspage_maintenance_window (maintenance_id, window_id) values (:id, :w)")
			.param("id", maintenanceId).param("w", windowId).update();
	}

	void forgetWindows(UUID maintenanceId) {
		jdbc.sql("delete from statuspage_maintenance_window where maintenance_id = :id").param("id", maintenanceId)
			.update();
	}

	private List<Maintenance> list(String sql, Map<String, ?> params) {
		var rows = jdbc.sql(sql).params(params).query((rs, n) -> maintenance(rs)).list();
		if (rows.isEmpty()) {
			return rows;
		}
		var components = new HashMap<UUID, List<UUID>>();
		jdbc.sql("select * from statuspage_maintenance_component where maintenance_id in (:ids)")
			.param("ids", rows.stream().map(Maintenance::id).toList())
			.query((rs, n) -> Map.entry(Sql.uuid(rs, "maintenance_id"), Sql.uuid(rs, "component_id"))).list()
			.forEach(e -> components.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return rows.stream()
			.map(m -> new Maintenance(m.id(), m.name(), m.status(), m.scheduledFor(), m.scheduledUntil(),
					m.verifyUntil(), m.remindedAt(), m.startedAt(), m.completedAt(), m.createdBy(), m.createdAt(),
					m.updatedAt(), List.copyOf(components.getOrDefault(m.id(), List.of()))))
			.toList();
	}

	private static Map<String, Object> params(Maintenance m) {
		var params = new HashMap<String, Object>();
		params.put("id", m.id());
		params.put("name", m.name());
		params.put("status", m.status().toString());
		params.put("for", Sql.timestamp(m.scheduledFor()));
		params.put("until", Sql.timestamp(m.scheduledUntil()));
		params.put("verify", Sql.timestamp(m.verifyUntil()));
		params.put("reminded", Sql.timestamp(m.remindedAt()));
		params.put("started", Sql.timestamp(m.startedAt()));
		params.put("completed", Sql.timestamp(m.completedAt()));
		params.put("by", m.createdBy());
		params.put("created", Sql.timestamp(m.createdAt()));
		params.put("updated", Sql.timestamp(m.updatedAt()));
		return params;
	}

	private static Maintenance maintenance(ResultSet rs) throws SQLException {
		return new Maintenance(Sql.uuid(rs, "id"), rs.getString("name"), MaintenanceStatus.parse(rs.getString("status")),
				Sql.instant(rs, "scheduled_for"), Sql.instant(rs, "scheduled_until"), Sql.instant(rs, "verify_until"),
				Sql.instant(rs, "reminded_at"), Sql.instant(rs, "started_at"), Sql.instant(rs, "completed_at"),
				Sql.uuid(rs, "created_by"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), List.of());
	}
}
