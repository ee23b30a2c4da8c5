package dev.firebreak.alerting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.firebreak.alerting.Alert;
import dev.firebreak.alerting.AlertSeverity;
import dev.firebreak.alerting.AlertStatus;
import dev.firebreak.alerting.Alerts;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Sql;

@Repository
public class AlertStore implements Alerts {

	private static final String COLUMNS = """
			id, integration_id, service_id, dedup_key, status, severity, summary, source, occurrences,
			first_seen_at, last_seen_at, acknowledged_at, resolved_at""";

	private final JdbcClient jdbc;

	AlertStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The open alert of this integration and dedup key, locked for the rest of the transaction. */
	Optional<Alert> lockOpen(UUID integrationId, String dedupKey) {
		return jdbc.sql("select " + COLUMNS + " from alert where integration_id = :integration and open_key = :key for update")
			.param("integration", integrationId).param("key", dedupKey)
			.query((rs, n) -> alert(rs)).optional();
	}

	void insert(Alert alert, String payload) {
		jdbc.sql("""
				insert into alert (id, integration_id, service_id, dedup_key, open_key, status, severity, summary, source,
				    occurrences, first_seen_at, last_seen_at, payload)
				values (:id, :integration, :service, :key, :key, :status, :severity, :summary, :source,
				    1, :at, :at, :payload)""")
			.param("id", alert.id()).param("integration", alert.integrationId()).param("service", alert.serviceId())
			.param("key", alert.dedupKey()).param("status", alert.status().name())
			.param("severity", alert.severity().name()).param("summary", alert.summary()).param("source", alert.source())
			.param("at", Sql.timestamp(alert.firstSeenAt())).param("payload", payload)
			.update();
	}

	/** A repeat of an open alert: counted, its latest payload kept. */
	void recordOccurrence(UUID id, Instant at, AlertSeverity severity, String summary, String payload) {
		jdbc.sql("""
				update alert set occurrences = occurrences + 1, last_seen_at = :at, severity = :severity,
				    summary = :summary, payload = :payload
				where id = :id""")
			.param("id", id).param("at", Sql.timestamp(at)).param("severity", severity.name())
			.param("summary", summary).param("payload", payload)
			.update();
	}

	void acknowledge(UUID id, Instant at) {
		jdbc.sql("update alert set status = 'ACKNOWLEDGED', acknowledged_at = :at, last_seen_at = :at where id = :id")
			.param("id", id).param("at", Sql.timestamp(at)).update();
	}

	void resolve(UUID id, Instant at) {
		jdbc.sql("update alert set status = 'RESOLVED', open_key = null, resolved_at = :at, last_seen_at = :at where id = :id")
			.param("id", id).param("at", Sql.timestamp(at)).update();
	}

	@Override
	public Map<UUID, Alert> findAll(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select " + COLUMNS + " from alert where id in (:ids)").param("ids", List.copyOf(ids))
			.query((rs, n) -> alert(rs)).list().stream()
			.collect(Collectors.toMap(Alert::id, Function.identity()));
	}

	@Override
	public Optional<Alert> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from alert where id = :id").param("id", id)
			.query((rs, n) -> alert(rs)).optional();
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
		var items = jdbc.sql("select " + COLUMNS + " from alert" + where + " order by last_seen_at desc, id limit :limit offset :offset")
			.params(params).query((rs, n) -> alert(rs)).list();
		return new Page<>(items, total);
	}

	private static Alert alert(ResultSet rs) throws SQLException {
		return new Alert(Sql.uuid(rs, "id"), Sql.uuid(rs, "integration_id"), Sql.uuid(rs, "service_id"),
				rs.getString("dedup_key"), AlertStatus.valueOf(rs.getString("status")),
				AlertSeverity.valueOf(rs.getString("severity")), rs.getString("summary"), rs.getString("source"),
				rs.getInt("occurrences"), Sql.instant(rs, "first_seen_at"), Sql.instant(rs, "last_seen_at"),
				Sql.instant(rs, "acknowledged_at"), Sql.instant(rs, "resolved_at"));
	}
}
