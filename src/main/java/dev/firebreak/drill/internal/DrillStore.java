package dev.firebreak.drill.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.firebreak.drill.Drill;
import dev.firebreak.incident.ObligationKind;
import dev.firebreak.incident.Severity;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Sql;

/**
 * The drill rows. Each milestone is written once, by the first event that brings it ("where … is
 * null"), so an event delivered twice changes nothing.
 */
@Repository
class DrillStore {

	private final JdbcClient jdbc;

	DrillStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Drill drill) {
		jdbc.sql("""
				insert into drill_drill (id, service_id, runbook_id, severity, summary, started_by, started_at, alert_id,
				    incident_number, ack_target_seconds, mitigate_target_seconds)
				values (:id, :service, :runbook, :severity, :summary, :startedBy, :startedAt, :alert, :incident,
				    :ackTarget, :mitigateTarget)""")
			.param("id", drill.id()).param("service", drill.serviceId()).param("runbook", drill.runbookId())
			.param("severity", drill.severity().name()).param("summary", drill.summary())
			.param("startedBy", drill.startedBy()).param("startedAt", Sql.timestamp(drill.startedAt()))
			.param("alert", drill.alertId()).param("incident", drill.incidentNumber())
			.param("ackTarget", drill.ackTarget().toSeconds()).param("mitigateTarget", drill.mitigateTarget().toSeconds())
			.update();
	}

	Optional<Drill> find(UUID id) {
		return jdbc.sql("select * from drill_drill where id = :id").param("id", id).query((rs, n) -> drill(rs)).optional();
	}

	/** The drill's row, locked until the transaction ends. */
	Optional<Drill> lock(UUID id) {
		return jdbc.sql("select * from drill_drill where id = :id for update").param("id", id)
			.query((rs, n) -> drill(rs)).optional();
	}

	Optional<Drill> byIncident(long number) {
		return jdbc.sql("select * from drill_drill where incident_number = :number").param("number", number)
			.query((rs, n) -> drill(rs)).optional();
	}

	/** The drill running on the service, if one is. */
	Optional<Drill> running(UUID serviceId) {
		return jdbc.sql("select * from drill_drill where service_id = :service and ended_at is null order by started_at desc limit 1")
			.param("service", serviceId).query((rs, n) -> drill(rs)).optional();
	}

	Page<Drill> list(UUID serviceId, Page.Request page) {
		var where = serviceId == null ? "" : " where service_id = :service";
		var params = new HashMap<String, Object>();
		if (serviceId != null) {
			params.put("service", serviceId);
		}
		var total = jdbc.sql("select count(*) from drill_drill" + where).params(params).query(Long.class).single();
		params.put("limit", page.size());
		params.put("offset", page.offset());
		var items = jdbc.sql("select * from drill_drill" + where + " order by started_at desc, id limit :limit offset :offset")
			.params(params).query((rs, n) -> drill(rs)).list();
		return new Page<>(items, total);
	}

	/** The service's drills that started before this instant, newest first: for comparison in a report. */
	List<Drill> earlier(UUID serviceId, Instant before, int limit) {
		return jdbc.sql("""
				select * from drill_drill where service_id = :service and started_at < :before
				order by started_at desc, id limit :limit""")
			.param("service", serviceId).param("before", Sql.timestamp(before)).param("limit", limit)
			.query((rs, n) -> drill(rs)).list();
	}

	boolean acknowledged(long number, Instant at, UUID by) {
		return jdbc.sql("""
				update drill_drill set acknowledged_at = :at, acknowledged_by = :by
				where incident_number = :number and acknowledged_at is null""")
			.param("number", number).param("at", Sql.timestamp(at)).param("by", by).update() > 0;
	}

	boolean mitigated(long number, Instant at) {
		return jdbc.sql("update drill_drill set mitigated_at = :at where incident_number = :number and mitigated_at is null")
			.param("number", number).param("at", Sql.timestamp(at)).update() > 0;
	}

	boolean firstPage(long number, Instant at) {
		return jdbc.sql("update drill_drill set first_page_at = :at where incident_number = :number and first_page_at is null")
			.param("number", number).param("at", Sql.timestamp(at)).update() > 0;
	}

	/** @param by who ended the drill; null when its responders resolved the incident themselves */
	boolean ended(long number, Instant at, UUID by) {
		return jdbc.sql("update drill_drill set ended_at = :at, ended_by = :by where incident_number = :number and ended_at is null")
			.param("number", number).param("at", Sql.timestamp(at)).param("by", by).update() > 0;
	}

	/** A missed obligation of the drill's incident, once per obligation and due time. */
	void missed(UUID drillId, MissedObligation missed) {
		jdbc.sql("""
				insert into drill_missed_obligation (drill_id, obligation_key, kind, title, due_at, owner_id)
				values (:drill, :key, :kind, :title, :due, :owner) on conflict do nothing""")
			.param("drill", drillId).param("key", missed.key()).param("kind", missed.kind().name())
			.param("title", missed.title()).param("due", Sql.timestamp(missed.dueAt())).param("owner", missed.ownerId())
			.update();
	}

	List<MissedObligation> missed(UUID drillId) {
		return jdbc.sql("select * from drill_missed_obligation where drill_id = :drill order by due_at, obligation_key")
			.param("drill", drillId)
			.query((rs, n) -> new MissedObligation(rs.getString("obligation_key"), ObligationKind.valueOf(rs.getString("kind")),
					rs.getString("title"), Sql.instant(rs, "due_at"), Sql.uuid(rs, "owner_id")))
			.list();
	}

	record MissedObligation(String key, ObligationKind kind, String title, Instant dueAt, UUID ownerId) {
	}

	private static Drill drill(ResultSet rs) throws SQLException {
		return new Drill(Sql.uuid(rs, "id"), Sql.uuid(rs, "service_id"), Sql.uuid(rs, "runbook_id"),
				Severity.valueOf(rs.getString("severity")), rs.getString("summary"), Sql.uuid(rs, "started_by"),
				Sql.instant(rs, "started_at"), Sql.uuid(rs, "alert_id"), rs.getLong("incident_number"),
				Sql.instant(rs, "first_page_at"), Sql.instant(rs, "acknowledged_at"), Sql.uuid(rs, "acknowledged_by"),
				Sql.instant(rs, "mitigated_at"), Sql.instant(rs, "ended_at"), Sql.uuid(rs, "ended_by"),
				Duration.ofSeconds(rs.getLong("ack_target_seconds")),
				Duration.ofSeconds(rs.getLong("mitigate_target_seconds")));
	}
}
