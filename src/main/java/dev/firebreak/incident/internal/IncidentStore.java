package dev.firebreak.incident.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentFilter;
import dev.firebreak.incident.IncidentRole;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Milestones;
import dev.firebreak.incident.Severity;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Sql;

/** The incident rows and what hangs off them directly: affected services, role holders, experts. */
@Repository
class IncidentStore {

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate jdbcTemplate;

	IncidentStore(JdbcClient jdbc, NamedParameterJdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	long nextNumber() {
		return jdbc.sql("select nextval('incident_number_seq')").query(Long.class).single();
	}

	void insert(Incident incident) {
		var m = incident.milestones();
		jdbc.sql("""
				insert into incident (number, title, summary, severity, status, source, customer_impact,
				    customer_reported, data_loss_suspected, security, is_private, declared_by,
				    detected_at, declared_at, severity_at, drill)
				values (:number, :title, :summary, :severity, :status, :source, :customerImpact,
				    :customerReported, :dataLossSuspected, :security, :isPrivate, :declaredBy,
				    :detectedAt, :declaredAt, :severityAt, :drill)""")
			.param("number", incident.number())
			.param("title", incident.title())
			.param("summary", incident.summary())
			.param("severity", incident.severity() == null ? null : incident.severity().name())
			.param("status", incident.status().name())
			.param("source", incident.source().name())
			.param("customerImpact", incident.customerImpact())
			.param("customerReported", incident.customerReported())
			.param("dataLossSuspected", incident.dataLossSuspected())
			.param("security", incident.security())
			.param("isPrivate", incident.isPrivate())
			.param("declaredBy", incident.declaredBy())
			.param("detectedAt", Sql.timestamp(m.detectedAt()))
			.param("declaredAt", Sql.timestamp(m.declaredAt()))
			.param("severityAt", incident.severity() == null ? null : Sql.timestamp(m.declaredAt()))
			.param("drill", incident.drill())
			.update();
		for (var serviceId : incident.affectedServiceIds()) {
			jdbc.sql("insert into incident_service (incident_number, service_id) values (:number, :service)")
				.param("number", incident.number()).param("service", serviceId).update();
		}
	}

	/**
	 * Locks the incident row for the rest of the transaction, so changes to one incident happen
	 * one after the other, and answers its current status.
	 */
	Optional<IncidentStatus> lock(long number) {
		return jdbc.sql("select status from incident where number = :number for update")
			.param("number", number).query((rs, n) -> IncidentStatus.valueOf(rs.getString("status"))).optional();
	}

	Optional<Incident> find(long number) {
		return jdbc.sql("select * from incident where number = :number").param("number", number)
			.query((rs, n) -> row(rs)).optional()
			.map(row -> complete(List.of(row)).get(0));
	}

	Page<Incident> list(IncidentFilter filter, Page.Request page, UUID viewerId, boolean seesPrivate) {
		var where = new StringBuilder(" where 1 = 1");
		var params = new HashMap<String, Object>();
		if (!filter.statuses().isEmpty()) {
			where.append(" and status in (:statuses)");
			params.put("statuses", filter.statuses().stream().map(Enum::name).toList());
		}
		if (!filter.severities().isEmpty()) {
			where.append(" and severity in (:severities)");
			params.put("severities", filter.severities().stream().map(Enum::name).toList());
		}
		if (filter.serviceId() != null) {
			where.append(" and exists (select 1 from incident_service s where s.incident_number = i.number and s.service_id = :service)");
			params.put("service", filter.serviceId());
		}
		if (filter.since() != null) {
			where.append(" and declared_at >= :since");
			params.put("since", Sql.timestamp(filter.since()));
		}
		if (!seesPrivate) {
			where.append(" and").append("""
					 (is_private = false or declared_by = :viewer
					   or exists (select 1 from incident_role r where r.incident_number = i.number and r.account_id = :viewer)
					   or exists (select 1 from incident_expert e where e.incident_number = i.number and e.account_id = :viewer))""");
			params.put("viewer", viewerId);
		}
		var total = jdbc.sql("select count(*) from incident i" + where).params(params).query(Long.class).single();
		params.put("limit", page.size());
		params.put("offset", page.offset());
		var rows = jdbc.sql("select * from incident i" + where + " order by number desc limit :limit offset :offset")
			.params(params).query((rs, n) -> row(rs)).list();
		return new Page<>(complete(rows), total);
	}

	/** Incidents detected in [from, to), oldest first, completed a thousand at a time (bounded IN lists). */
	List<Incident> detectedBetween(Instant from, Instant to) {
		var rows = jdbc.sql("select * from incident where detected_at >= :from and detected_at < :to order by detected_at, number")
			.param("from", Sql.timestamp(from)).param("to", Sql.timestamp(to))
			.query((rs, n) -> row(rs)).list();
		return completeInChunks(rows);
	}

	List<Incident> findAll(Collection<Long> numbers) {
		var found = new ArrayList<Incident>();
		var distinct = List.copyOf(new java.util.LinkedHashSet<>(numbers));
		for (int i = 0; i < distinct.size(); i += CHUNK) {
			found.addAll(jdbc.sql("select * from incident where number in (:numbers)")
				.param("numbers", distinct.subList(i, Math.min(distinct.size(), i + CHUNK)))
				.query((rs, n) -> row(rs)).list());
		}
		return completeInChunks(found);
	}

	private static final int CHUNK = 1000;

	private List<Incident> completeInChunks(List<Incident> rows) {
		var completed = new ArrayList<Incident>(rows.size());
		for (int i = 0; i < rows.size(); i += CHUNK) {
			completed.addAll(complete(rows.subList(i, Math.min(rows.size(), i + CHUNK))));
		}
		return completed;
	}

	/** Incidents on any of these services resolved at or after {@code since}, newest first. */
	List<Long> resolvedSince(java.util.Collection<UUID> services, Instant since) {
		if (services.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select distinct i.number from incident i join incident_service s on s.incident_number = i.number
				where s.service_id in (:services) and i.resolved_at >= :since order by i.number desc""")
			.param("services", services).param("since", Sql.timestamp(since))
			.query(Long.class).list();
	}

	/**
	 * The newest active incident of a service declared at or after {@code since}: where a new alert
	 * joins. Drill alerts join only drill incidents, real alerts only real ones.
	 */
	Optional<Long> groupingTarget(UUID serviceId, Instant since, boolean drill) {
		return jdbc.sql("""
				select i.number from incident i join incident_service s on s.incident_number = i.number
				where s.service_id = :service and i.status in (:active) and i.declared_at >= :since and i.drill = :drill
				order by i.number desc limit 1""")
			.param("service", serviceId).param("drill", drill)
			.param("active", IncidentStatus.active().stream().map(Enum::name).toList())
			.param("since", Sql.timestamp(since))
			.query(Long.class).optional();
	}

	/**
	 * Locks these services' alert grouping until the transaction ends, in a fixed order so that
	 * two transactions locking overlapping services wait rather than deadlock.
	 */
	void lockGrouping(Collection<UUID> serviceIds) {
		var sorted = serviceIds.stream().distinct().sorted().toList();
		for (var service : sorted) {
			jdbc.sql("insert into incident_grouping_lock (service_id) values (:service) on conflict do nothing")
				.param("service", service).update();
		}
		if (!sorted.isEmpty()) {
			jdbc.sql("select service_id from incident_grouping_lock where service_id in (:services) order by service_id for update")
				.param("services", sorted).query(UUID.class).list();
		}
	}

	/** Links alerts to an incident, each marked resolved if it already is. */
	void linkAlerts(long number, Map<UUID, Boolean> resolvedByAlert, Instant at) {
		jdbcTemplate.batchUpdate("""
				insert into incident_alert (alert_id, incident_number, linked_at, resolved)
				values (:alert, :number, :at, :resolved)""",
				resolvedByAlert.entrySet().stream().map(alert -> new MapSqlParameterSource().addValue("alert", alert.getKey())
					.addValue("number", number).addValue("at", Sql.timestamp(at)).addValue("resolved", alert.getValue()))
					.toArray(MapSqlParameterSource[]::new));
	}

	/** Of these alerts, the ones linked to an incident, with its number. */
	Map<UUID, Long> incidentsOfAlerts(Collection<UUID> alertIds) {
		if (alertIds.isEmpty()) {
			return Map.of();
		}
		var found = new HashMap<UUID, Long>();
		jdbc.sql("select alert_id, incident_number from incident_alert where alert_id in (:alerts)")
			.param("alerts", List.copyOf(alertIds))
			.query((rs, n) -> found.put(Sql.uuid(rs, "alert_id"), rs.getLong("incident_number"))).list();
		return found;
	}

	void markAlertsResolved(Collection<UUID> alertIds) {
		jdbc.sql("update incident_alert set resolved = true where alert_id in (:alerts)")
			.param("alerts", List.copyOf(alertIds)).update();
	}

	/** Whether one alert of the incident is unresolved: the first found answers (a storm links thousands). */
	boolean hasOpenAlerts(long number) {
		return jdbc.sql("select 1 from incident_alert where incident_number = :number and resolved = false limit 1")
			.param("number", number).query(Integer.class).optional().isPresent();
	}

	Optional<Long> incidentOfAlert(UUID alertId) {
		return jdbc.sql("select incident_number from incident_alert where alert_id = :alert").param("alert", alertId)
			.query(Long.class).optional();
	}

	List<UUID> alertsOf(long number) {
		return jdbc.sql("select alert_id from incident_alert where incident_number = :number order by linked_at, alert_id")
			.param("number", number).query(UUID.class).list();
	}

	/** What the resolution said, once the incident was resolved through the gate. */
	record Resolution(Instant resolvedAt, String rootCause, boolean rootCauseDeferred, String guardrails,
			String followUps, String overrideReason, boolean postmortemRequired, String postmortemReason,
			UUID postmortemOwner) {
	}

	Optional<Resolution> resolution(long number) {
		return jdbc.sql("select * from incident_resolution where incident_number = :number").param("number", number)
			.query((rs, i) -> new Resolution(Sql.instant(rs, "resolved_at"), rs.getString("root_cause"),
					rs.getBoolean("root_cause_deferred"), rs.getString("guardrails"), rs.getString("follow_ups"),
					rs.getString("override_reason"), rs.getBoolean("postmortem_required"), rs.getString("postmortem_reason"),
					Sql.uuid(rs, "postmortem_owner")))
			.optional();
	}

	/** The same, with the containment decision, as the module's face tells other capabilities. */
	Optional<dev.firebreak.incident.Resolution> publicResolution(long number) {
		return jdbc.sql("select * from incident_resolution where incident_number = :number").param("number", number)
			.query((rs, i) -> new dev.firebreak.incident.Resolution(Sql.instant(rs, "resolved_at"),
					rs.getBoolean("postmortem_required"), rs.getString("postmortem_reason"), Sql.uuid(rs, "postmortem_owner"),
					rs.getString("root_cause"), rs.getBoolean("root_cause_deferred"), rs.getString("containment"),
					rs.getString("guardrails"), rs.getString("follow_ups")))
			.optional();
	}

	/** Records what the resolution said; a second resolution (after a re-open) replaces the first. */
	void saveResolution(long number, Resolution r, UUID resolvedBy, String containment, String unmet) {
		var params = new HashMap<String, Object>();
		params.put("number", number);
		params.put("at", Sql.timestamp(r.resolvedAt()));
		params.put("by", resolvedBy);
		params.put("rootCause", r.rootCause());
		params.put("deferred", r.rootCauseDeferred());
		params.put("containment", containment);
		params.put("guardrails", r.guardrails());
		params.put("followUps", r.followUps());
		params.put("override", r.overrideReason());
		params.put("unmet", unmet);
		params.put("required", r.postmortemRequired());
		params.put("reason", r.postmortemReason());
		params.put("owner", r.postmortemOwner());
		var updated = jdbc.sql("""
				update incident_resolution set resolved_at = :at, resolved_by = :by, root_cause = :rootCause,
				    root_cause_deferred = :deferred, containment = :containment, guardrails = :guardrails,
				    follow_ups = :followUps, override_reason = :override, unmet = :unmet, postmortem_required = :required,
				    postmortem_reason = :reason, postmortem_owner = :owner
				where incident_number = :number""").params(params).update();
		if (updated == 0) {
			jdbc.sql("""
					insert into incident_resolution (incident_number, resolved_at, resolved_by, root_cause, root_cause_deferred,
					    containment, guardrails, follow_ups, override_reason, unmet, postmortem_required, postmortem_reason,
					    postmortem_owner)
					values (:number, :at, :by, :rootCause, :deferred, :containment, :guardrails, :followUps, :override, :unmet,
					    :required, :reason, :owner)""").params(params).update();
		}
	}

	/** Since when the incident has had its current severity: a SEV2's mitigation deadlines run from then. */
	Optional<Instant> severitySince(long number) {
		return jdbc.sql("select severity_at from incident where number = :number").param("number", number)
			.query((rs, n) -> Optional.ofNullable(Sql.instant(rs, "severity_at"))).single();
	}

	/** The active incidents, for working their obligations out once at start-up. */
	List<Long> active() {
		return jdbc.sql("select number from incident where status in (:active) order by number")
			.param("active", IncidentStatus.active().stream().map(Enum::name).toList())
			.query(Long.class).list();
	}

	void updateCustomerImpact(long number, String impact) {
		jdbc.sql("update incident set customer_impact = :impact where number = :number")
			.param("number", number).param("impact", impact).update();
	}

	void raiseProcedures(long number, Instant at) {
		jdbc.sql("update incident set sev1_procedures_at = :at where number = :number and sev1_procedures_at is null")
			.param("number", number).param("at", Sql.timestamp(at)).update();
	}

	/** A new severity, from now; SEV1 procedures a SEV2 ran with end with it (the severity now decides). */
	void updateSeverity(long number, Severity severity, Instant at) {
		jdbc.sql("update incident set severity = :severity, severity_at = :at, sev1_procedures_at = null where number = :number")
			.param("number", number).param("severity", severity.name()).param("at", Sql.timestamp(at)).update();
	}

	/** Moves the status only if it is still {@code from}; false when someone else moved it first. */
	boolean moveStatus(long number, IncidentStatus from, IncidentStatus to, Milestones milestones) {
		return jdbc.sql("""
				update incident set status = :to, acknowledged_at = :acknowledgedAt, mitigated_at = :mitigatedAt,
				    resolved_at = :resolvedAt, closed_at = :closedAt
				where number = :number and status = :from""")
			.param("number", number).param("from", from.name()).param("to", to.name())
			.param("acknowledgedAt", Sql.timestamp(milestones.acknowledgedAt()))
			.param("mitigatedAt", Sql.timestamp(milestones.mitigatedAt()))
			.param("resolvedAt", Sql.timestamp(milestones.resolvedAt()))
			.param("closedAt", Sql.timestamp(milestones.closedAt()))
			.update() == 1;
	}

	/** Flags it unless it is flagged or acknowledged; true when this call flagged it. */
	boolean flagUnacknowledgedAfterEscalation(long number, Instant at) {
		return jdbc.sql("""
				update incident set unacknowledged_after_escalation_at = :at
				where number = :number and unacknowledged_after_escalation_at is null and acknowledged_at is null""")
			.param("number", number).param("at", Sql.timestamp(at)).update() == 1;
	}

	void clearUnacknowledgedAfterEscalation(long number) {
		jdbc.sql("update incident set unacknowledged_after_escalation_at = null where number = :number")
			.param("number", number).update();
	}

	/** Sets the mitigated milestone unless it is set; true when this call set it. */
	boolean markMitigated(long number, Instant at) {
		return jdbc.sql("update incident set mitigated_at = :at where number = :number and mitigated_at is null")
			.param("number", number).param("at", Sql.timestamp(at)).update() == 1;
	}

	void setRoleHolder(long number, IncidentRole role, UUID accountId, Instant at) {
		var updated = jdbc.sql("update incident_role set account_id = :account, assigned_at = :at where incident_number = :number and role = :role")
			.param("number", number).param("role", role.name()).param("account", accountId).param("at", Sql.timestamp(at))
			.update();
		if (updated == 0) {
			jdbc.sql("insert into incident_role (incident_number, role, account_id, assigned_at) values (:number, :role, :account, :at)")
				.param("number", number).param("role", role.name()).param("account", accountId)
				.param("at", Sql.timestamp(at)).update();
		}
	}

	boolean removeRoleHolder(long number, IncidentRole role) {
		return jdbc.sql("delete from incident_role where incident_number = :number and role = :role")
			.param("number", number).param("role", role.name()).update() == 1;
	}

	boolean addExpert(long number, UUID accountId, Instant at) {
		var present = jdbc.sql("select count(*) from incident_expert where incident_number = :number and account_id = :account")
			.param("number", number).param("account", accountId).query(Long.class).single() > 0;
		if (!present) {
			jdbc.sql("insert into incident_expert (incident_number, account_id, assigned_at) values (:number, :account, :at)")
				.param("number", number).param("account", accountId).param("at", Sql.timestamp(at)).update();
		}
		return !present;
	}

	boolean removeExpert(long number, UUID accountId) {
		return jdbc.sql("delete from incident_expert where incident_number = :number and account_id = :account")
			.param("number", number).param("account", accountId).update() == 1;
	}

	/** Adds services, role holders and experts to incident rows, three queries for the whole page. */
	private List<Incident> complete(List<Incident> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		var numbers = rows.stream().map(Incident::number).toList();
		var services = new HashMap<Long, List<UUID>>();
		jdbc.sql("select incident_number, service_id from incident_service where incident_number in (:numbers) order by service_id")
			.param("numbers", numbers)
			.query(rs -> {
				services.computeIfAbsent(rs.getLong("incident_number"), k -> new ArrayList<>()).add(Sql.uuid(rs, "service_id"));
			});
		var roles = new HashMap<Long, Map<IncidentRole, UUID>>();
		jdbc.sql("select incident_number, role, account_id from incident_role where incident_number in (:numbers)")
			.param("numbers", numbers)
			.query(rs -> {
				roles.computeIfAbsent(rs.getLong("incident_number"), k -> new EnumMap<>(IncidentRole.class))
					.put(IncidentRole.valueOf(rs.getString("role")), Sql.uuid(rs, "account_id"));
			});
		var experts = new HashMap<Long, List<UUID>>();
		jdbc.sql("select incident_number, account_id from incident_expert where incident_number in (:numbers) order by assigned_at, account_id")
			.param("numbers", numbers)
			.query(rs -> {
				experts.computeIfAbsent(rs.getLong("incident_number"), k -> new ArrayList<>()).add(Sql.uuid(rs, "account_id"));
			});
		return rows.stream().map(i -> new Incident(i.number(), i.title(), i.summary(), i.severity(), i.status(),
				i.source(), List.copyOf(services.getOrDefault(i.number(), List.of())), i.customerImpact(),
				i.customerReported(), i.dataLossSuspected(), i.security(), i.isPrivate(), i.declaredBy(), i.milestones(),
				sortedRoles(roles.getOrDefault(i.number(), Map.of())),
				List.copyOf(experts.getOrDefault(i.number(), List.of())), i.procedures(),
				i.unacknowledgedAfterEscalationAt(), i.drill()))
			.toList();
	}

	private static Map<IncidentRole, UUID> sortedRoles(Map<IncidentRole, UUID> roles) {
		var sorted = new LinkedHashMap<IncidentRole, UUID>();
		for (var role : IncidentRole.values()) {
			if (roles.containsKey(role)) {
				sorted.put(role, roles.get(role));
			}
		}
		return java.util.Collections.unmodifiableMap(sorted);
	}

	private static Incident row(ResultSet rs) throws SQLException {
		var severity = rs.getString("severity");
		return new Incident(rs.getLong("number"), rs.getString("title"), rs.getString("summary"),
				severity == null ? null : Severity.valueOf(severity), IncidentStatus.valueOf(rs.getString("status")),
				IncidentSource.valueOf(rs.getString("source")), List.of(), rs.getString("customer_impact"),
				rs.getBoolean("customer_reported"), rs.getBoolean("data_loss_suspected"), rs.getBoolean("security"),
				rs.getBoolean("is_private"), Sql.uuid(rs, "declared_by"),
				new Milestones(Sql.instant(rs, "detected_at"), Sql.instant(rs, "declared_at"),
						Sql.instant(rs, "acknowledged_at"), Sql.instant(rs, "mitigated_at"),
						Sql.instant(rs, "resolved_at"), Sql.instant(rs, "closed_at")),
				Map.of(), List.of(), rs.getTimestamp("sev1_procedures_at") != null ? Severity.SEV1
						: severity == null ? null : Severity.valueOf(severity),
				Sql.instant(rs, "unacknowledged_after_escalation_at"), rs.getBoolean("drill"));
	}
}
