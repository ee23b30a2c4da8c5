package dev.firebreak.incident.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.firebreak.alerting.AlertSeverity;
import dev.firebreak.catalog.Catalog;
import dev.firebreak.identity.AuditLog;
import dev.firebreak.incident.Severity;
import dev.firebreak.platform.Problems;
import dev.firebreak.platform.Sql;

/** Each service's alert routing: its own choice if it made one, else the installation's defaults. */
@Component
class AlertRoutings {

	private final JdbcClient jdbc;

	private final AlertRoutingDefaults defaults;

	private final Catalog catalog;

	private final AuditLog audit;

	private final Clock clock;

	AlertRoutings(JdbcClient jdbc, AlertRoutingDefaults defaults, Catalog catalog, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.defaults = defaults;
		this.catalog = catalog;
		this.audit = audit;
		this.clock = clock;
	}

	AlertRouting of(UUID serviceId) {
		return own(serviceId).orElseGet(defaults::routing);
	}

	Optional<AlertRouting> own(UUID serviceId) {
		return jdbc.sql("select * from incident_alert_routing where service_id = :service").param("service", serviceId)
			.query((rs, n) -> {
				var opens = new EnumMap<AlertSeverity, Severity>(AlertSeverity.class);
				for (var alert : AlertSeverity.values()) {
					var value = rs.getString(alert.toString());
					if (!value.equals("NONE")) {
						opens.put(alert, Severity.valueOf(value));
					}
				}
				return new AlertRouting(opens, Duration.ofSeconds(rs.getLong("grouping_window_seconds")));
			})
			.optional();
	}

	/**
	 * Changes what a service's alerts open. Each field given ({@code SEV1}..{@code SEV4} or
	 * {@code none}) replaces the current one; absent fields keep theirs.
	 */
	@Transactional
	AlertRouting change(UUID serviceId, String critical, String error, String warning, String info,
			Duration groupingWindow) {
		var service = catalog.service(serviceId)
			.orElseThrow(() -> Problems.notFound("No service " + serviceId + "; GET /api/v1/services lists them"));
		var current = of(serviceId);
		var opens = new EnumMap<AlertSeverity, Severity>(AlertSeverity.class);
		opens.putAll(current.opens());
		choose(opens, AlertSeverity.CRITICAL, critical);
		choose(opens, AlertSeverity.ERROR, error);
		choose(opens, AlertSeverity.WARNING, warning);
		choose(opens, AlertSeverity.INFO, info);
		var window = groupingWindow == null ? current.groupingWindow() : groupingWindow;
		if (window.isNegative() || window.compareTo(AlertRouting.LONGEST_WINDOW) > 0) {
			throw Problems.invalid("/grouping_window", "grouping_window must be between PT0S and PT24H, not " + window);
		}
		var routing = new AlertRouting(opens, window);
		jdbc.sql("delete from incident_alert_routing where service_id = :service").param("service", serviceId).update();
		jdbc.sql("""
				insert into incident_alert_routing (service_id, critical, error, warning, info, grouping_window_seconds, updated_at)
				values (:service, :critical, :error, :warning, :info, :window, :at)""")
			.param("service", serviceId).param("critical", stored(routing, AlertSeverity.CRITICAL))
			.param("error", stored(routing, AlertSeverity.ERROR)).param("warning", stored(routing, AlertSeverity.WARNING))
			.param("info", stored(routing, AlertSeverity.INFO)).param("window", window.toSeconds())
			.param("at", Sql.timestamp(clock.instant())).update();
		audit.record("alert_routing.changed", "service", serviceId.toString(), service.name() + ": " + describe(routing));
		return routing;
	}

	/** Back to the installation's defaults. */
	@Transactional
	AlertRouting reset(UUID serviceId) {
		var service = catalog.service(serviceId)
			.orElseThrow(() -> Problems.notFound("No service " + serviceId + "; GET /api/v1/services lists them"));
		jdbc.sql("delete from incident_alert_routing where service_id = :service").param("service", serviceId).update();
		audit.record("alert_routing.reset", "service", serviceId.toString(), service.name());
		return defaults.routing();
	}

	private static void choose(EnumMap<AlertSeverity, Severity> opens, AlertSeverity alert, String value) {
		if (value == null) {
			return;
		}
		var parsed = AlertRouting.parse(value).orElseThrow(() -> Problems.invalid("/" + alert,
				alert + " must be SEV1, SEV2, SEV3, SEV4 or none, not '" + value + "'"));
		parsed.ifPresentOrElse(severity -> opens.put(alert, severity), () -> opens.remove(alert));
	}

	private static String stored(AlertRouting routing, AlertSeverity alert) {
		return routing.severityFor(alert).map(Enum::name).orElse("NONE");
	}

	private static String describe(AlertRouting routing) {
		var text = new StringBuilder();
		for (var alert : AlertSeverity.values()) {
			text.append(alert).append(" → ").append(AlertRouting.name(routing.severityFor(alert))).append(", ");
		}
		return text.append("grouping window ").append(routing.groupingWindow()).toString();
	}
}
