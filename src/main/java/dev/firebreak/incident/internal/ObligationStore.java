package dev.firebreak.incident.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.firebreak.incident.IncidentRole;
import dev.firebreak.incident.ObligationKind;
import dev.firebreak.platform.Sql;

/** The obligation rows of incidents, their war rooms and the decisions taken in them. */
@Repository
class ObligationStore {

	/** An obligation as stored; its state and owner are worked out when it is read. */
	record Row(long number, String key, ObligationKind kind, String title, Instant dueAt, IncidentRole ownerRole,
			UUID ownerId, boolean tellsCommander, Instant openedAt, Instant metAt, String outcome, boolean waived) {
	}

	record WarRoom(long number, Instant openedAt, String reason, Instant lastCheckpointAt) {
	}

	private final JdbcClient jdbc;

	ObligationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Row> of(long number) {
		return jdbc.sql("select * from incident_obligation where incident_number = :number order by due_at, obligation_key")
			.param("number", number).query(ObligationStore::row).list();
	}

	Optional<Row> find(long number, String key) {
		return jdbc.sql("select * from incident_obligation where incident_number = :number and obligation_key = :key")
			.param("number", number).param("key", key).query(ObligationStore::row).optional();
	}

	/** Opens it, or opens it again with a new due time: whatever was met before is open now. */
	void open(Row row) {
		var updated = jdbc.sql("""
				update incident_obligation set kind = :kind, title = :title, due_at = :due, owner_role = :role,
				    owner_id = :owner, tells_commander = :tells, opened_at = :opened, met_at = null, outcome = null,
				    waived = false
				where incident_number = :number and obligation_key = :key""")
			.params(params(row)).update();
		if (updated == 0) {
			jdbc.sql("""
					insert into incident_obligation (incident_number, obligation_key, kind, title, due_at, owner_role,
					    owner_id, tells_commander, opened_at, waived)
					values (:number, :key, :kind, :title, :due, :role, :owner, :tells, :opened, false)""")
				.params(params(row)).update();
		}
	}

	void reassign(long number, String key, UUID ownerId) {
		jdbc.sql("update incident_obligation set owner_id = :owner where incident_number = :number and obligation_key = :key")
			.param("owner", ownerId).param("number", number).param("key", key).update();
	}

	private static java.util.Map<String, Object> params(Row row) {
		var params = new java.util.HashMap<String, Object>();
		params.put("number", row.number());
		params.put("key", row.key());
		params.put("kind", row.kind().name());
		params.put("title", row.title());
		params.put("due", Sql.timestamp(row.dueAt()));
		params.put("role", row.ownerRole().name());
		params.put("owner", row.ownerId());
		params.put("tells", row.tellsCommander());
		params.put("opened", Sql.timestamp(row.openedAt()));
		return params;
	}

	/** Marks an open one met (or waived); false when it was not open. */
	boolean close(long number, String key, Instant at, String outcome, boolean waived) {
		return jdbc.sql("""
				update incident_obligation set met_at = :at, outcome = :outcome, waived = :waived
				where incident_number = :number and obligation_key = :key and met_at is null""")
			.param("number", number).param("key", key).param("at", Sql.timestamp(at)).param("outcome", outcome)
			.param("waived", waived).update() == 1;
	}

	void delete(long number, String key) {
		jdbc.sql("delete from incident_obligation where incident_number = :number and obligation_key = :key")
			.param("number", number).param("key", key).update();
	}

	/** The most pressing open obligation of each of these incidents, for the list of incidents. */
	java.util.Map<Long, Row> mostPressing(java.util.Collection<Long> numbers) {
		if (numbers.isEmpty()) {
			return java.util.Map.of();
		}
		var rows = jdbc.sql("""
				select * from incident_obligation where incident_number in (:numbers) and met_at is null
				order by due_at, obligation_key""")
			.param("numbers", numbers).query(ObligationStore::row).list();
		var first = new java.util.HashMap<Long, Row>();
		rows.forEach(row -> first.putIfAbsent(row.number(), row));
		return first;
	}

	/** Since when the holder of a role has held it. */
	Optional<Instant> roleSince(long number, IncidentRole role) {
		return jdbc.sql("select assigned_at from incident_role where incident_number = :number and role = :role")
			.param("number", number).param("role", role.name())
			.query((rs, i) -> Sql.instant(rs, "assigned_at")).optional();
	}

	Optional<WarRoom> warRoom(long number) {
		return jdbc.sql("select * from incident_war_room where incident_number = :number").param("number", number)
			.query((rs, i) -> new WarRoom(rs.getLong("incident_number"), Sql.instant(rs, "opened_at"),
					rs.getString("reason"), Sql.instant(rs, "last_checkpoint_at")))
			.optional();
	}

	/** Opens the war room once; false when it was open already. */
	boolean openWarRoom(long number, Instant at, String reason) {
		return jdbc.sql("""
				insert into incident_war_room (incident_number, opened_at, reason)
				select :number, :at, :reason where not exists (select 1 from incident_war_room where incident_number = :number)""")
			.param("number", number).param("at", Sql.timestamp(at)).param("reason", reason).update() == 1;
	}

	void checkpointAnswered(long number, Instant at) {
		jdbc.sql("update incident_war_room set last_checkpoint_at = :at where incident_number = :number")
			.param("number", number).param("at", Sql.timestamp(at)).update();
	}

	void recordDecision(WarRooms.Decision decision) {
		jdbc.sql("""
				insert into incident_decision (id, incident_number, decision, rationale, decided_by, decided_at)
				values (:id, :number, :decision, :rationale, :by, :at)""")
			.param("id", decision.id()).param("number", decision.incidentNumber()).param("decision", decision.decision())
			.param("rationale", decision.rationale()).param("by", decision.decidedBy())
			.param("at", Sql.timestamp(decision.decidedAt())).update();
	}

	List<WarRooms.Decision> decisions(long number) {
		return jdbc.sql("select * from incident_decision where incident_number = :number order by decided_at, id")
			.param("number", number)
			.query((rs, i) -> new WarRooms.Decision(Sql.uuid(rs, "id"), rs.getLong("incident_number"), rs.getString("decision"),
					rs.getString("rationale"), Sql.uuid(rs, "decided_by"), Sql.instant(rs, "decided_at")))
			.list();
	}

	private static Row row(ResultSet rs, int i) throws SQLException {
		return new Row(rs.getLong("incident_number"), rs.getString("obligation_key"),
				ObligationKind.valueOf(rs.getString("kind")), rs.getString("title"), Sql.instant(rs, "due_at"),
				IncidentRole.valueOf(rs.getString("owner_role")), Sql.uuid(rs, "owner_id"), rs.getBoolean("tells_commander"),
				Sql.instant(rs, "opened_at"), Sql.instant(rs, "met_at"), rs.getString("outcome"), rs.getBoolean("waived"));
	}
}
