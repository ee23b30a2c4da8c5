package dev.firebreak.oncall.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.firebreak.oncall.Schedule;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Sql;

/** The tables of schedules, their layers and overrides. */
@Repository
class ScheduleStore {

	private static final UUID NOTHING = new UUID(0, 0);

	private final JdbcClient jdbc;

	ScheduleStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- schedules ----

	Optional<Schedule> find(UUID id) {
		return jdbc.sql("select * from oncall_schedule where id = :id").param("id", id)
			.query((rs, n) -> schedule(rs)).optional();
	}

	List<Schedule> all() {
		return jdbc.sql("select * from oncall_schedule order by name_key").query((rs, n) -> schedule(rs)).list();
	}

	Page<Schedule> page(Page.Request page) {
		var items = jdbc.sql("select * from oncall_schedule order by name_key limit :limit offset :offset")
			.param("limit", page.size()).param("offset", page.offset()).query((rs, n) -> schedule(rs)).list();
		return new Page<>(items, jdbc.sql("select count(*) from oncall_schedule").query(Long.class).single());
	}

	boolean nameTaken(String name, UUID except) {
		return jdbc.sql("select count(*) from oncall_schedule where name_key = :key and id <> :except")
			.param("key", key(name)).param("except", except == null ? NOTHING : except).query(Long.class).single() > 0;
	}

	void insert(Schedule schedule) {
		jdbc.sql("""
				insert into oncall_schedule (id, name, name_key, description, time_zone, team_id, created_at)
				values (:id, :name, :key, :description, :zone, :team, :createdAt)""")
			.param("id", schedule.id()).param("name", schedule.name()).param("key", key(schedule.name()))
			.param("description", schedule.description()).param("zone", schedule.timeZone())
			.param("team", schedule.teamId()).param("createdAt", Sql.timestamp(schedule.createdAt()))
			.update();
	}

	void update(Schedule schedule) {
		jdbc.sql("""
				update oncall_schedule set name = :name, name_key = :key, description = :description, time_zone = :zone,
				team_id = :team where id = :id""")
			.param("id", schedule.id()).param("name", schedule.name()).param("key", key(schedule.name()))
			.param("description", schedule.description()).param("zone", schedule.timeZone())
			.param("team", schedule.teamId())
			.update();
	}

	void delete(UUID id) {
		jdbc.sql("delete from oncall_schedule where id = :id").param("id", id).update();
	}

	/** Takes the schedule's row lock, so two edits of its layers' order never interleave. */
	void lock(UUID id) {
		jdbc.sql("select id from oncall_schedule where id = :id for update").param("id", id).query(UUID.class).optional();
	}

	// ---- layers ----

	List<Layer> layers(UUID scheduleId) {
		var rows = jdbc.sql("select * from oncall_layer where schedule_id = :schedule order by position")
			.param("schedule", scheduleId).query((rs, n) -> layer(rs)).list();
		// participants and restrictions are read after the layers' rows are closed (one connection at a time)
		return rows.stream().map(layer -> new Layer(layer.id(), layer.scheduleId(), layer.position(), layer.name(),
				participants(layer.id()), layer.shiftCount(), layer.shiftUnit(), layer.start(), layer.end(),
				restrictions(layer.id()), layer.createdAt())).toList();
	}

	void insert(Layer layer) {
		jdbc.sql("""
				insert into oncall_layer (id, schedule_id, position, name, shift_count, shift_unit, start_local, end_local,
				created_at) values (:id, :schedule, :position, :name, :count, :unit, :start, :end, :createdAt)""")
			.param("id", layer.id()).param("schedule", layer.scheduleId()).param("position", layer.position())
			.param("name", layer.name()).param("count", layer.shiftCount()).param("unit", layer.shiftUnit().toString())
			.param("start", layer.start()).param("end", layer.end())
			.param("createdAt", Sql.timestamp(layer.createdAt()))
			.update();
		insertParts(layer);
	}

	void update(Layer layer) {
		jdbc.sql("""
				update oncall_layer set position = :position, name = :name, shift_count = :count, shift_unit = :unit,
				start_local = :start, end_local = :end where id = :id""")
			.param("id", layer.id()).param("position", layer.position()).param("name", layer.name())
			.param("count", layer.shiftCount()).param("unit", layer.shiftUnit().toString())
			.param("start", layer.start()).param("end", layer.end())
			.update();
		jdbc.sql("delete from oncall_layer_participant where layer_id = :id").param("id", layer.id()).update();
		jdbc.sql("delete from oncall_layer_restriction where layer_id = :id").param("id", layer.id()).update();
		insertParts(layer);
	}

	void position(UUID layerId, int position) {
		jdbc.sql("update oncall_layer set position = :position where id = :id").param("id", layerId)
			.param("position", position).update();
	}

	void deleteLayer(UUID layerId) {
		jdbc.sql("delete from oncall_layer where id = :id").param("id", layerId).update();
	}

	private void insertParts(Layer layer) {
		for (var i = 0; i < layer.participants().size(); i++) {
			jdbc.sql("insert into oncall_layer_participant (layer_id, position, account_id) values (:layer, :position, :account)")
				.param("layer", layer.id()).param("position", i).param("account", layer.participants().get(i)).update();
		}
		for (var i = 0; i < layer.restrictions().size(); i++) {
			var r = layer.restrictions().get(i);
			jdbc.sql("""
					insert into oncall_layer_restriction (layer_id, position, kind, start_day, start_time, end_day, end_time)
					values (:layer, :position, :kind, :startDay, :startTime, :endDay, :endTime)""")
				.param("layer", layer.id()).param("position", i).param("kind", r.type().toString())
				.param("startDay", r.startDayName()).param("startTime", r.startTime().toString())
				.param("endDay", r.endDayName()).param("endTime", r.endTime().toString())
				.update();
		}
	}

	private List<UUID> participants(UUID layerId) {
		return jdbc.sql("select account_id from oncall_layer_participant where layer_id = :layer order by position")
			.param("layer", layerId).query(UUID.class).list();
	}

	private List<Restriction> restrictions(UUID layerId) {
		return jdbc.sql("select * from oncall_layer_restriction where layer_id = :layer order by position")
			.param("layer", layerId)
			.query((rs, n) -> new Restriction(Restriction.Kind.parse(rs.getString("kind")), day(rs.getString("start_day")),
					LocalTime.parse(rs.getString("start_time")), day(rs.getString("end_day")),
					LocalTime.parse(rs.getString("end_time"))))
			.list();
	}

	// ---- overrides ----

	/** The overrides of these schedules that overlap {@code [from, to)}, oldest first. */
	List<ScheduleOverride> overrides(List<UUID> scheduleIds, Instant from, Instant to) {
		if (scheduleIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select * from oncall_override where schedule_id in (:schedules) and ends_at > :from and starts_at < :to
				order by created_at, seq""")
			.param("schedules", scheduleIds).param("from", Sql.timestamp(from)).param("to", Sql.timestamp(to))
			.query((rs, n) -> override(rs)).list();
	}

	/** A schedule's overrides that end after {@code from}, by start. */
	Page<ScheduleOverride> overrides(UUID scheduleId, Instant from, Page.Request page) {
		var items = jdbc.sql("""
				select * from oncall_override where schedule_id = :schedule and ends_at > :from
				order by starts_at, created_at, seq limit :limit offset :offset""")
			.param("schedule", scheduleId).param("from", Sql.timestamp(from))
			.param("limit", page.size()).param("offset", page.offset()).query((rs, n) -> override(rs)).list();
		var total = jdbc.sql("select count(*) from oncall_override where schedule_id = :schedule and ends_at > :from")
			.param("schedule", scheduleId).param("from", Sql.timestamp(from)).query(Long.class).single();
		return new Page<>(items, total);
	}

	Optional<ScheduleOverride> override(UUID scheduleId, UUID id) {
		return jdbc.sql("select * from oncall_override where id = :id and schedule_id = :schedule")
			.param("id", id).param("schedule", scheduleId).query((rs, n) -> override(rs)).optional();
	}

	void insert(ScheduleOverride o) {
		jdbc.sql("""
				insert into oncall_override (id, schedule_id, account_id, replaced_account_id, starts_at, ends_at,
				created_by, created_at) values (:id, :schedule, :account, :replaced, :start, :end, :by, :createdAt)""")
			.param("id", o.id()).param("schedule", o.scheduleId()).param("account", o.accountId())
			.param("replaced", o.replacedAccountId()).param("start", Sql.timestamp(o.start()))
			.param("end", Sql.timestamp(o.end())).param("by", o.createdBy())
			.param("createdAt", Sql.timestamp(o.createdAt()))
			.update();
	}

	void deleteOverride(UUID id) {
		jdbc.sql("delete from oncall_override where id = :id").param("id", id).update();
	}

	private static ScheduleOverride override(ResultSet rs) throws SQLException {
		return new ScheduleOverride(Sql.uuid(rs, "id"), Sql.uuid(rs, "schedule_id"), Sql.uuid(rs, "account_id"),
				Sql.uuid(rs, "replaced_account_id"), Sql.instant(rs, "starts_at"), Sql.instant(rs, "ends_at"),
				Sql.uuid(rs, "created_by"), Sql.instant(rs, "created_at"));
	}

	private static Layer layer(ResultSet rs) throws SQLException {
		return new Layer(Sql.uuid(rs, "id"), Sql.uuid(rs, "schedule_id"), rs.getInt("position"), rs.getString("name"),
				new ArrayList<>(), rs.getInt("shift_count"), ShiftUnit.parse(rs.getString("shift_unit")),
				rs.getObject("start_local", LocalDateTime.class), rs.getObject("end_local", LocalDateTime.class),
				List.of(), Sql.instant(rs, "created_at"));
	}

	private static Schedule schedule(ResultSet rs) throws SQLException {
		return new Schedule(Sql.uuid(rs, "id"), rs.getString("name"), rs.getString("description"),
				rs.getString("time_zone"), Sql.uuid(rs, "team_id"), Sql.instant(rs, "created_at"));
	}

	private static DayOfWeek day(String name) {
		return name == null ? null : DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}
}
