package dev.firebreak.alerting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.firebreak.alerting.Alert;
import dev.firebreak.alerting.AlertSeverity;
import dev.firebreak.alerting.AlertStatus;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Sql;

@Repository
public class AlertStore {

	private static final String COLUMNS = """
			id, integration_id, service_id, dedup_key, status, severity, summary, source, occurrences,
			first_seen_at, last_seen_at, acknowledged_at, resolved_at, during_maintenance, drill""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate jdbcTemplate;

	AlertStore(JdbcClient jdbc, NamedParameterJdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/** An alert's identity while it is open: the integration it came through and its dedup key. */
	record Key(UUID integrationId, String dedupKey) {
	}

	/**
	 * The open alerts of these keys, locked for the rest of the transaction, in one statement and
	 * in a fixed order, so that two writers locking overlapping keys wait rather than deadlock.
	 */
	Map<Key, Alert> lockOpen(Collection<Key> keys) {
		if (keys.isEmpty()) {
			return Map.of();
		}
		var integrations = keys.stream().map(Key::integrationId).distinct().toList();
		var dedupKeys = keys.stream().map(Key::dedupKey).distinct().toList();
		var wanted = Set.copyOf(keys);
		var found = new HashMap<Key, Alert>();
		jdbc.sql("select " + COLUMNS + """
				 from alert where integration_id in (:integrations) and open_key in (:keys)
				order by integration_id, open_key for update""")
			.param("integrations", integrations).param("keys", dedupKeys)
			.query((rs, n) -> alert(rs)).list().stream()
			.filter(alert -> wanted.contains(new Key(alert.integrationId(), alert.dedupKey())))
			.forEach(alert -> found.put(new Key(alert.integrationId(), alert.dedupKey()), alert));
		return found;
	}

	/**
	 * New alerts, in their state at the end of the batch, with the payload each was last sent with
	 * and, for those repeated within the batch, the one it was first sent with. An alert that came
	 * once (most of a storm of new alerts) stores its payload once; its first repeat moves it to
	 * original_payload ({@link #updateAll}).
	 */
	void insertAll(List<Alert> created, Map<UUID, String> originals, Map<UUID, String> payloads) {
		if (created.isEmpty()) {
			return;
		}
		jdbcTemplate.batchUpdate("""
				insert into alert (id, integration_id, service_id, dedup_key, open_key, status, severity, summary, source,
				    occurrences, first_seen_at, last_seen_at, acknowledged_at, resolved_at, during_maintenance, payload,
				    original_payload, drill)
				values (:id, :integration, :service, :key, :open_key, :status, :severity, :summary, :source,
				    :occurrences, :first_seen, :last_seen, :acknowledged, :resolved, :maintenance, :payload, :original, :drill)""",
				created.stream().map(alert -> row(alert, payloads.get(alert.id()))
					.addValue("original", originals.get(alert.id()), Types.VARCHAR))
					.toArray(MapSqlParameterSource[]::new));
	}

	/** Alerts that were open before the batch, in their state after it; a null payload keeps the stored one. */
	void updateAll(List<Alert> changed, Map<UUID, String> payloads) {
		if (changed.isEmpty()) {
			return;
		}
		jdbcTemplate.batchUpdate("""
				update alert set open_key = :open_key, status = :status, severity = :severity, summary = :summary,
				    occurrences = :occurrences, last_seen_at = :last_seen, acknowledged_at = :acknowledged,
				    resolved_at = :resolved, original_payload = coalesce(original_payload, payload),
				    payload = coalesce(:payload, payload)
				where id = :id""",
				changed.stream().map(alert -> row(alert, payloads.get(alert.id()))).toArray(MapSqlParameterSource[]::new));
	}

	private static MapSqlParameterSource row(Alert alert, String payload) {
		return new MapSqlParameterSource()
			.addValue("id", alert.id()).addValue("integration", alert.integrationId())
			.addValue("service", alert.serviceId()).addValue("key", alert.dedupKey())
			.addValue("open_key", alert.status() == AlertStatus.RESOLVED ? null : alert.dedupKey(), Types.VARCHAR)
			.addValue("status", alert.status().name()).addValue("severity", alert.severity().name())
			.addValue("summary", alert.summary()).addValue("source", alert.source(), Types.VARCHAR)
			.addValue("occurrences", alert.occurrences())
			.addValue("first_seen", Sql.timestamp(alert.firstSeenAt()))
			.addValue("last_seen", Sql.timestamp(alert.lastSeenAt()))
			.addValue("acknowledged", timestampOrNull(alert.acknowledgedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("resolved", timestampOrNull(alert.resolvedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("maintenance", alert.duringMaintenance()).addValue("drill", alert.drill())
			.addValue("payload", payload, Types.VARCHAR);
	}

	private static Object timestampOrNull(Instant instant) {
		return instant == null ? null : Sql.timestamp(instant);
	}

	/** The open alert of this integration and dedup key, locked for the rest of the transaction. */
	Optional<Alert> lockOpen(UUID integrationId, String dedupKey) {
		return jdbc.sql("select " + COLUMNS + " from alert where integration_id = :integration and open_key = :key for update")
			.param("integration", integrationId).param("key", dedupKey)
			.query((rs, n) -> alert(rs)).optional();
	}

	void acknowledge(UUID id, Instant at) {
		jdbc.sql("update alert set status = 'ACKNOWLEDGED', acknowledged_at = :at, last_seen_at = :at where id = :id")
			.param("id", id).param("at", Sql.timestamp(at)).update();
	}

	void resolve(UUID id, Instant at) {
		jdbc.sql("update alert set status = 'RESOLVED', open_key = null, resolved_at = :at, last_seen_at = :at where id = :id")
			.param("id", id).param("at", Sql.timestamp(at)).update();
	}

	/**
	 * The alerts among {@code ids}, by id. The ids are de-duplicated and asked for in chunks: one IN
	 * list of a busy month's alerts would pass PostgreSQL's limit of 32,767 bind parameters.
	 */
	Map<UUID, Alert> findAll(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		var distinct = List.copyOf(new java.util.LinkedHashSet<>(ids));
		var found = new HashMap<UUID, Alert>();
		for (int i = 0; i < distinct.size(); i += IN_CHUNK) {
			jdbc.sql("select " + COLUMNS + " from alert where id in (:ids)")
				.param("ids", distinct.subList(i, Math.min(distinct.size(), i + IN_CHUNK)))
				.query((rs, n) -> alert(rs)).list().forEach(alert -> found.put(alert.id(), alert));
		}
		return found;
	}

	/** Ids per IN list: well under PostgreSQL's bind-parameter limit, and a plan the database handles well. */
	private static final int IN_CHUNK = 1000;

	List<Alert> firstSeenBetween(java.time.Instant from, java.time.Instant to) {
		return jdbc.sql("select " + COLUMNS + " from alert where first_seen_at >= :from and first_seen_at < :to order by first_seen_at, id")
			.param("from", Sql.timestamp(from)).param("to", Sql.timestamp(to))
			.query((rs, n) -> alert(rs)).list();
	}

	Optional<Alert> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from alert where id = :id").param("id", id)
			.query((rs, n) -> alert(rs)).optional();
	}

	/** The payload of the event that opened the alert (none stored apart while no later one replaced it). */
	Optional<String> originalPayload(UUID id) {
		return jdbc.sql("select coalesce(original_payload, payload) from alert where id = :id").param("id", id).query(String.class)
			.optional();
	}

	Optional<String> payload(UUID id) {
		return jdbc.sql("select payload from alert where id = :id").param("id", id).query(String.class).optional();
	}

	Page<Alert> list(Set<AlertStatus> statuses, UUID serviceId, UUID integrationId, Page.Request page) {
		var where = new StringBuilder(" where 1 = 1");
		var params = new HashMap<String, Object>();
		if (!statuses.isEmpty()) {
			where.append(" and status in (:statuses)");
			params.put("statuses", statuses.stream().map(Enum::name).toList());
		}
		if (serviceId != null) {
			where.append(" and service_id = :service");
			params.put("service", serviceId);
		}
		if (integrationId != null) {
			where.append(" and integration_id = :integration");
			params.put("integration", integrationId);
		}
		var total = jdbc.sql("select count(*) from alert" + where).params(params).query(Long.class).single();
		params.put("limit", page.size());
		params.put("offset", page.offset());
		var items = jdbc.sql("select " + COLUMNS + " from alert" + where + " order by first_seen_at desc, id limit :limit offset :offset")
			.params(params).query((rs, n) -> alert(rs)).list();
		return new Page<>(items, total);
	}

	private static Alert alert(ResultSet rs) throws SQLException {
		return new Alert(Sql.uuid(rs, "id"), Sql.uuid(rs, "integration_id"), Sql.uuid(rs, "service_id"),
				rs.getString("dedup_key"), AlertStatus.valueOf(rs.getString("status")),
				AlertSeverity.valueOf(rs.getString("severity")), rs.getString("summary"), rs.getString("source"),
				rs.getInt("occurrences"), Sql.instant(rs, "first_seen_at"), Sql.instant(rs, "last_seen_at"),
				Sql.instant(rs, "acknowledged_at"), Sql.instant(rs, "resolved_at"), rs.getBoolean("during_maintenance"),
				rs.getBoolean("drill"));
	}
}
