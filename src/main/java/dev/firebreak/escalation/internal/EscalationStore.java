package dev.firebreak.escalation.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.firebreak.escalation.Escalation;
import dev.firebreak.notification.Urgency;
import dev.firebreak.platform.Sql;

/**
 * The escalations running for incidents and for alerts that opened none, in {@code escalation}:
 * one row per (incident, policy) or (alert, policy).
 */
@Component
class EscalationStore {

	private static final String SELECT = """
			select e.*, coalesce(p.name, '(deleted policy)') as policy_name
			from escalation e left join escalation_policy p on p.id = e.policy_id""";

	private final JdbcClient jdbc;

	EscalationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return false when this policy already runs for this incident or alert (an event delivered
	 *         twice, a warning made worse); the transaction goes on (a failed insert would end it on PostgreSQL)
	 */
	boolean start(Escalation escalation) {
		return jdbc.sql("""
				insert into escalation (id, incident_number, alert_id, policy_id, urgency, cycle, level, status, started_at, next_at, updated_at)
				values (:id, :incident, :alert, :policy, :urgency, :cycle, :level, :status, :started, :next, :started)
				on conflict do nothing""")
			.param("id", escalation.id())
			.param("incident", escalation.incidentNumber())
			.param("alert", escalation.alertId())
			.param("policy", escalation.policyId())
			.param("urgency", escalation.urgency().name())
			.param("cycle", escalation.cycle())
			.param("level", escalation.level())
			.param("status", escalation.status().name())
			.param("started", Sql.timestamp(escalation.startedAt()))
			.param("next", Sql.timestamp(escalation.nextAt()))
			.update() == 1;
	}


	List<Escalation> ofIncident(long incidentNumber) {
		return jdbc.sql(SELECT + " where e.incident_number = :incident order by e.started_at, e.id")
			.param("incident", incidentNumber)
			.query((rs, n) -> map(rs))
			.list();
	}

	List<Escalation> ofAlert(UUID alertId) {
		return jdbc.sql(SELECT + " where e.alert_id = :alert order by e.started_at, e.id")
			.param("alert", alertId)
			.query((rs, n) -> map(rs))
			.list();
	}

	/** The escalation, its row locked until the transaction ends: one instance moves it at a time. */
	Optional<Escalation> lock(UUID id) {
		jdbc.sql("select id from escalation where id = :id for update").param("id", id).query(UUID.class).optional();
		return jdbc.sql(SELECT + " where e.id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
	}

	void moveTo(UUID id, Urgency urgency, int cycle, int level, Instant nextAt, Instant now) {
		jdbc.sql("update escalation set urgency = :urgency, cycle = :cycle, level = :level, next_at = :next, updated_at = :now where id = :id")
			.param("id", id)
			.param("urgency", urgency.name())
			.param("cycle", cycle)
			.param("level", level)
			.param("next", Sql.timestamp(nextAt))
			.param("now", Sql.timestamp(now))
			.update();
	}

	void finish(UUID id, Escalation.Status status, Instant now) {
		jdbc.sql("update escalation set status = :status, next_at = null, updated_at = :now where id = :id")
			.param("id", id)
			.param("status", status.name())
			.param("now", Sql.timestamp(now))
			.update();
	}

	/** Ends every active escalation of an incident; @return how many were active */
	int finishAll(long incidentNumber, Escalation.Status status, Instant now) {
		return jdbc.sql("""
				update escalation set status = :status, next_at = null, updated_at = :now
				where incident_number = :incident and status = 'ACTIVE'""")
			.param("incident", incidentNumber)
			.param("status", status.name())
			.param("now", Sql.timestamp(now))
			.update();
	}

	/** Ends every active escalation of these alerts; @return how many were active */
	int finishAllOfAlerts(java.util.Collection<UUID> alertIds, Escalation.Status status, Instant now) {
		if (alertIds.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				update escalation set status = :status, next_at = null, updated_at = :now
				where alert_id in (:alerts) and status = 'ACTIVE'""")
			.param("alerts", alertIds)
			.param("status", status.name())
			.param("now", Sql.timestamp(now))
			.update();
	}

	private static Escalation map(java.sql.ResultSet rs) throws java.sql.SQLException {
		var number = rs.getLong("incident_number");
		Long incident = rs.wasNull() ? null : number;
		return new Escalation(Sql.uuid(rs, "id"), incident, Sql.uuid(rs, "alert_id"), Sql.uuid(rs, "policy_id"),
				rs.getString("policy_name"), Urgency.valueOf(rs.getString("urgency")), rs.getInt("cycle"), rs.getInt("level"),
				Escalation.Status.valueOf(rs.getString("status")), Sql.instant(rs, "started_at"), Sql.instant(rs, "next_at"),
				Sql.instant(rs, "updated_at"));
	}
}
