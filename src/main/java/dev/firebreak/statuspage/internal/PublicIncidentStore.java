package dev.firebreak.statuspage.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.firebreak.platform.Sql;
import dev.firebreak.statuspage.ComponentStatus;

/** Public incidents, their updates, and what each incident that is not resolved does to components. */
@Component
class PublicIncidentStore {

	private static final TypeReference<List<PublicUpdate.AffectedComponent>> AFFECTED = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	PublicIncidentStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<PublicIncident> byNumber(long number) {
		return jdbc.sql("select * from statuspage_incident where incident_number = :n").param("n", number)
			.query((rs, n) -> incident(rs)).optional();
	}

	Optional<PublicIncident> get(UUID id) {
		return jdbc.sql("select * from statuspage_incident where id = :id").param("id", id)
			.query((rs, n) -> incident(rs)).optional();
	}

	/** The {@code limit} most recent, newest first. */
	List<PublicIncident> recent(int limit) {
		return jdbc.sql("select * from statuspage_incident order by created_at desc, incident_number desc limit :limit")
			.param("limit", limit).query((rs, n) -> incident(rs)).list();
	}

	List<PublicIncident> unresolved() {
		return jdbc.sql("select * from statuspage_incident where status <> 'resolved' order by created_at desc")
			.query((rs, n) -> incident(rs)).list();
	}

	/** Those created within {@code [from, to)}, newest first. */
	List<PublicIncident> createdBetween(Instant from, Instant to) {
		return jdbc.sql("""
				select * from statuspage_incident where created_at >= :from and created_at < :to
				order by created_at desc""")
			.param("from", Sql.timestamp(from)).param("to", Sql.timestamp(to)).query((rs, n) -> incident(rs)).list();
	}

	Instant firstCreated() {
		return jdbc.sql("select min(created_at) from statuspage_incident").query(OffsetDateTime.class)
			.optional().map(OffsetDateTime::toInstant).orElse(null);
	}

	void save(PublicIncident i) {
		var updated = jdbc.sql("""
				update statuspage_incident set name = :name, status = :status, impact = :impact, updated_at = :updated,
				monitoring_at = :monitoring, resolved_at = :resolved where id = :id""")
			.param("id", i.id()).param("name", i.name()).param("status", i.status()).param("impact", i.impact())
			.param("updated", Sql.timestamp(i.updatedAt())).param("monitoring", Sql.timestamp(i.monitoringAt()))
			.param("resolved", Sql.timestamp(i.resolvedAt())).update();
		if (updated == 0) {
			jdbc.sql("""
					insert into statuspage_incident (id, incident_number, name, status, impact, started_at, created_at,
					updated_at, monitoring_at, resolved_at)
					values (:id, :number, :name, :status, :impact, :started, :created, :updated, :monitoring, :resolved)""")
				.param("id", i.id()).param("number", i.incidentNumber()).param("name", i.name())
				.param("status", i.status()).param("impact", i.impact()).param("started", Sql.timestamp(i.startedAt()))
				.param("created", Sql.timestamp(i.createdAt())).param("updated", Sql.timestamp(i.updatedAt()))
				.param("monitoring", Sql.timestamp(i.monitoringAt())).param("resolved", Sql.timestamp(i.resolvedAt())).update();
		}
	}

	boolean hasUpdate(UUID updateId) {
		return jdbc.sql("select count(*) from statuspage_incident_update where id = :id").param("id", updateId)
			.query(Integer.class).single() > 0;
	}

	void addUpdate(PublicUpdate u) {
		jdbc.sql("""
				insert into statuspage_incident_update (id, incident_id, status, body, affected_components, display_at,
				created_at) values (:id, :incident, :status, :body, :affected, :display, :created)""")
			.param("id", u.id()).param("incident", u.subjectId()).param("status", u.status()).param("body", u.body())
			.param("affected", json(u.affected())).param("display", Sql.timestamp(u.displayAt()))
			.param("created", Sql.timestamp(u.createdAt())).update();
	}

	/** The updates of these incidents, newest first, per incident. */
	Map<UUID, List<PublicUpdate>> updatesOf(Collection<UUID> incidentIds) {
		var updates = new HashMap<UUID, List<PublicUpdate>>();
		if (incidentIds.isEmpty()) {
			return updates;
		}
		jdbc.sql("select * from statuspage_incident_update where incident_id in (:ids) order by created_at desc, id")
			.param("ids", incidentIds).query((rs, n) -> update(rs, "incident_id")).list()
			.forEach(u -> updates.computeIfAbsent(u.subjectId(), k -> new ArrayList<>()).add(u));
		return updates;
	}

	/** What the incident does to components: component → status, for the effects still in force when {@code active}. */
	Map<UUID, ComponentStatus> effects(UUID incidentId, boolean onlyActive) {
		var effects = new LinkedHashMap<UUID, ComponentStatus>();
		jdbc.sql("select * from statuspage_incident_component where incident_id = :id"
				+ (onlyActive ? " and active = true" : ""))
			.param("id", incidentId)
			.query((rs, n) -> Map.entry(Sql.uuid(rs, "component_id"), ComponentStatus.parse(rs.getString("status"))))
			.list().forEach(e -> effects.put(e.getKey(), e.getValue()));
		return effects;
	}

	/** The components of each incident, in force or not, per incident. */
	Map<UUID, List<UUID>> componentsOf(Collection<UUID> incidentIds) {
		var components = new HashMap<UUID, List<UUID>>();
		if (incidentIds.isEmpty()) {
			return components;
		}
		jdbc.sql("select incident_id, component_id from statuspage_incident_component where incident_id in (:ids)")
			.param("ids", incidentIds)
			.query((rs, n) -> Map.entry(Sql.uuid(rs, "incident_id"), Sql.uuid(rs, "component_id"))).list()
			.forEach(e -> components.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return components;
	}

	void setEffect(UUID incidentId, UUID componentId, ComponentStatus status, boolean active) {
		var updated = jdbc.sql("""
				update statuspage_incident_component set status = :status, active = :active
				where incident_id = :incident and component_id = :component""")
			.param("incident", incidentId).param("component", componentId).param("status", status.toString())
			.param("active", active).update();
		if (updated == 0) {
			jdbc.sql("""
					insert into statuspage_incident_component (incident_id, component_id, status, active)
					values (:incident, :component, :status, :active)""")
				.param("incident", incidentId).param("component", componentId).param("status", status.toString())
				.param("active", active).update();
		}
	}

	void endEffects(UUID incidentId) {
		jdbc.sql("update statuspage_incident_component set active = false where incident_id = :id")
			.param("id", incidentId).update();
	}

	/** The worst status each component gets from incidents in force. */
	Map<UUID, ComponentStatus> activeEffects() {
		var worst = new HashMap<UUID, ComponentStatus>();
		jdbc.sql("select component_id, status from statuspage_incident_component where active = true")
			.query((rs, n) -> Map.entry(Sql.uuid(rs, "component_id"), ComponentStatus.parse(rs.getString("status"))))
			.list().forEach(e -> worst.merge(e.getKey(), e.getValue(), ComponentStatus::worse));
		return worst;
	}

	/** As {@link #activeEffects()}, leaving out what {@code incidentId} does. */
	Map<UUID, ComponentStatus> activeEffectsExcept(UUID incidentId) {
		var worst = new HashMap<UUID, ComponentStatus>();
		jdbc.sql("select component_id, status from statuspage_incident_component where active = true and incident_id <> :id")
			.param("id", incidentId)
			.query((rs, n) -> Map.entry(Sql.uuid(rs, "component_id"), ComponentStatus.parse(rs.getString("status"))))
			.list().forEach(e -> worst.merge(e.getKey(), e.getValue(), ComponentStatus::worse));
		return worst;
	}

	String json(List<PublicUpdate.AffectedComponent> affected) {
		return json.writeValueAsString(affected);
	}

	private PublicIncident incident(ResultSet rs) throws SQLException {
		return new PublicIncident(Sql.uuid(rs, "id"), rs.getLong("incident_number"), rs.getString("name"),
				rs.getString("status"), rs.getString("impact"), Sql.instant(rs, "started_at"),
				Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), Sql.instant(rs, "monitoring_at"),
				Sql.instant(rs, "resolved_at"));
	}

	PublicUpdate update(ResultSet rs, String subjectColumn) throws SQLException {
		return new PublicUpdate(Sql.uuid(rs, "id"), Sql.uuid(rs, subjectColumn), rs.getString("status"),
				rs.getString("body"), json.readValue(rs.getString("affected_components"), AFFECTED),
				Sql.instant(rs, "display_at"), Sql.instant(rs, "created_at"));
	}

}
