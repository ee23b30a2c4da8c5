package dev.firebreak.alerting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.firebreak.alerting.AlertSeverity;
import dev.firebreak.platform.Sql;

@Repository
class HeartbeatStore {

	/** Pings kept per heartbeat; older ones are deleted as new ones arrive. */
	static final int PINGS_KEPT = 100;

	private final JdbcClient jdbc;

	HeartbeatStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID integrationId, Duration period, Duration grace, AlertSeverity severity) {
		jdbc.sql("""
				insert into alert_heartbeat (integration_id, period_seconds, grace_seconds, severity, state)
				values (:id, :period, :grace, :severity, 'NEW')""")
			.param("id", integrationId).param("period", period.toSeconds()).param("grace", grace.toSeconds())
			.param("severity", severity.name()).update();
	}

	void delete(UUID integrationId) {
		jdbc.sql("delete from alert_heartbeat_ping where integration_id = :id").param("id", integrationId).update();
		jdbc.sql("delete from alert_heartbeat where integration_id = :id").param("id", integrationId).update();
	}

	Optional<Heartbeat> find(UUID integrationId) {
		return jdbc.sql("select * from alert_heartbeat where integration_id = :id").param("id", integrationId)
			.query((rs, n) -> heartbeat(rs)).optional();
	}

	/** The heartbeat, locked until the transaction ends, so pings and the watch take turns. */
	Optional<Heartbeat> lock(UUID integrationId) {
		return jdbc.sql("select * from alert_heartbeat where integration_id = :id for update").param("id", integrationId)
			.query((rs, n) -> heartbeat(rs)).optional();
	}

	List<Heartbeat> all() {
		return jdbc.sql("select * from alert_heartbeat order by integration_id").query((rs, n) -> heartbeat(rs)).list();
	}

	/** Heartbeats whose deadline has passed and that are not down yet. */
	List<UUID> overdue(Instant now) {
		return jdbc.sql("select integration_id from alert_heartbeat where state <> 'DOWN' and deadline_at < :now")
			.param("now", Sql.timestamp(now)).query(UUID.class).list();
	}

	void save(Heartbeat heartbeat) {
		jdbc.sql("""
				update alert_heartbeat set period_seconds = :period, grace_seconds = :grace, severity = :severity,
				    state = :state, last_ping_at = :lastPing, last_ping_kind = :kind,
				    started_at = :started, start_rid = :rid, deadline_at = :deadline
				where integration_id = :id""")
			.param("id", heartbeat.integrationId()).param("period", heartbeat.period().toSeconds())
			.param("grace", heartbeat.grace().toSeconds()).param("severity", heartbeat.severity().name())
			.param("state", heartbeat.state().name())
			.param("lastPing", timestamp(heartbeat.lastPingAt())).param("kind", heartbeat.lastPingKind())
			.param("started", timestamp(heartbeat.startedAt())).param("rid", heartbeat.startRid())
			.param("deadline", timestamp(heartbeat.deadline())).update();
	}

	void recordPing(UUID integrationId, Ping ping) {
		jdbc.sql("""
				insert into alert_heartbeat_ping (id, integration_id, kind, exit_code, rid, duration_ms, method, address, body, at)
				values (:id, :integration, :kind, :exitCode, :rid, :duration, :method, :address, :body, :at)""")
			.param("id", UUID.randomUUID()).param("integration", integrationId).param("kind", ping.kind())
			.param("exitCode", ping.exitCode()).param("rid", ping.rid()).param("duration", ping.durationMillis())
			.param("method", ping.method()).param("address", ping.address()).param("body", ping.body())
			.param("at", Sql.timestamp(ping.at())).update();
		jdbc.sql("""
				delete from alert_heartbeat_ping where integration_id = :id and at < (
				    select min(at) from (select at from alert_heartbeat_ping where integration_id = :id
				        order by at desc limit :kept) latest)""")
			.param("id", integrationId).param("kept", PINGS_KEPT).update();
	}

	List<Ping> pings(UUID integrationId, int limit) {
		return jdbc.sql("select * from alert_heartbeat_ping where integration_id = :id order by at desc limit :limit")
			.param("id", integrationId).param("limit", limit)
			.query((rs, n) -> new Ping(rs.getString("kind"), rs.getObject("exit_code", Integer.class),
					rs.getString("rid"), rs.getObject("duration_ms", Long.class), rs.getString("method"),
					rs.getString("address"), rs.getString("body"), Sql.instant(rs, "at")))
			.list();
	}

	private static Object timestamp(Instant instant) {
		return instant == null ? null : Sql.timestamp(instant);
	}

	private static Heartbeat heartbeat(ResultSet rs) throws SQLException {
		return new Heartbeat(Sql.uuid(rs, "integration_id"), Duration.ofSeconds(rs.getLong("period_seconds")),
				Duration.ofSeconds(rs.getLong("grace_seconds")), AlertSeverity.valueOf(rs.getString("severity")),
				Heartbeat.State.valueOf(rs.getString("state")), Sql.instant(rs, "last_ping_at"),
				rs.getString("last_ping_kind"), Sql.instant(rs, "started_at"), rs.getString("start_rid"),
				Sql.instant(rs, "deadline_at"));
	}

	/**
	 * One ping as it arrived.
	 *
	 * @param kind success, start, fail or log
	 * @param durationMillis for a finish paired with its start (by {@code rid}, or the last start)
	 */
	record Ping(String kind, Integer exitCode, String rid, Long durationMillis, String method, String address,
			String body, Instant at) {
	}
}
