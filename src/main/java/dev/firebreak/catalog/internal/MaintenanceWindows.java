package dev.firebreak.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.firebreak.catalog.MaintenanceCalendar;
import dev.firebreak.catalog.MaintenanceWindow;
import dev.firebreak.identity.AuditLog;
import dev.firebreak.platform.Problems;
import dev.firebreak.platform.Sql;
import dev.firebreak.platform.Text;

/** Maintenance windows of services: planned, listed, ended early or cancelled; every change audited. */
@Component
class MaintenanceWindows implements MaintenanceCalendar {

	/** The longest window: maintenance that lasts longer is an outage nobody hears about. */
	static final Duration LONGEST = Duration.ofDays(7);

	private final JdbcClient jdbc;

	private final CatalogEditor catalog;

	private final AuditLog audit;

	private final Clock clock;

	MaintenanceWindows(JdbcClient jdbc, CatalogEditor catalog, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public MaintenanceWindow plan(UUID serviceId, Instant startsAt, Instant endsAt, String reason, UUID by) {
		var service = catalog.service(serviceId);
		var now = clock.instant();
		var start = startsAt == null ? now : startsAt;
		if (endsAt == null) {
			throw Problems.invalid("/ends_at", "ends_at is required: when the maintenance is over, alerts page again");
		}
		if (!endsAt.isAfter(now)) {
			throw Problems.invalid("/ends_at", "ends_at is in the past; a window must end after now (" + now + ")");
		}
		if (!endsAt.isAfter(start)) {
			throw Problems.invalid("/ends_at", "ends_at must be after starts_at (" + start + ")");
		}
		if (Duration.between(start, endsAt).compareTo(LONGEST) > 0) {
			throw Problems.invalid("/ends_at", "a maintenance window lasts at most 7 days; plan several for longer work");
		}
		var why = Text.required("/reason", reason, 500, "say what the work is, e.g. \"PostgreSQL 16 upgrade\"");
		var window = new MaintenanceWindow(UUID.randomUUID(), serviceId, start, endsAt, why, by, now);
		jdbc.sql("""
				insert into catalog_maintenance (id, service_id, starts_at, ends_at, reason, created_by, created_at)
				values (:id, :service, :starts, :ends, :reason, :by, :at)""")
			.param("id", window.id()).param("service", serviceId).param("starts", Sql.timestamp(start))
			.param("ends", Sql.timestamp(endsAt)).param("reason", why).param("by", by).param("at", Sql.timestamp(now))
			.update();
		audit.record("maintenance.planned", "service", serviceId.toString(),
				service.name() + " from " + start + " to " + endsAt + ": " + why);
		return window;
	}

	/** The windows of a service that have not ended, the soonest first; with {@code past}, the ended ones too. */
	List<MaintenanceWindow> of(UUID serviceId, boolean past) {
		catalog.service(serviceId);
		return jdbc.sql("select * from catalog_maintenance where service_id = :service"
				+ (past ? "" : " and ends_at > :now") + " order by starts_at")
			.param("service", serviceId).param("now", Sql.timestamp(clock.instant()))
			.query((rs, n) -> window(rs)).list();
	}

	MaintenanceWindow get(UUID id) {
		return jdbc.sql("select * from catalog_maintenance where id = :id").param("id", id)
			.query((rs, n) -> window(rs)).optional()
			.orElseThrow(() -> Problems.notFound("No maintenance window " + id));
	}

	/** An open window ends now; a planned one is cancelled; an ended one is history and stays. */
	@Transactional
	MaintenanceWindow end(UUID id) {
		var window = get(id);
		var now = clock.instant();
		if (!window.endsAt().isAfter(now)) {
			throw Problems.conflict("This maintenance window ended at " + window.endsAt() + "; it is kept as history");
		}
		if (window.startsAt().isAfter(now)) {
			jdbc.sql("delete from catalog_maintenance where id = :id").param("id", id).update();
			audit.record("maintenance.cancelled", "service", window.serviceId().toString(), window.reason());
			return window;
		}
		jdbc.sql("update catalog_maintenance set ends_at = :now where id = :id").param("id", id)
			.param("now", Sql.timestamp(now)).update();
		audit.record("maintenance.ended", "service", window.serviceId().toString(), window.reason());
		return get(id);
	}

	@Override
	@Transactional
	public void finish(UUID windowId) {
		var window = jdbc.sql("select * from catalog_maintenance where id = :id").param("id", windowId)
			.query((rs, n) -> window(rs)).optional();
		if (window.isPresent() && window.get().endsAt().isAfter(clock.instant())) {
			end(windowId);
		}
	}

	static MaintenanceWindow window(ResultSet rs) throws SQLException {
		return new MaintenanceWindow(Sql.uuid(rs, "id"), Sql.uuid(rs, "service_id"), Sql.instant(rs, "starts_at"),
				Sql.instant(rs, "ends_at"), rs.getString("reason"), Sql.uuid(rs, "created_by"),
				Sql.instant(rs, "created_at"));
	}
}
