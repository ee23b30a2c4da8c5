package dev.firebreak.oncall.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.firebreak.platform.Page;
import dev.firebreak.platform.Sql;

/** The tables of hand-off notes and of schedules' announce channels. */
@Repository
class HandoffStore {

	private final JdbcClient jdbc;

	HandoffStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- notes ----

	void insert(HandoffNote note) {
		jdbc.sql("""
				insert into oncall_handoff_note (id, schedule_id, author_id, text, created_at)
				values (:id, :schedule, :author, :text, :createdAt)""")
			.param("id", note.id()).param("schedule", note.scheduleId()).param("author", note.authorId())
			.param("text", note.text()).param("createdAt", Sql.timestamp(note.createdAt()))
			.update();
	}

	/** A schedule's notes, newest first. */
	Page<HandoffNote> notes(UUID scheduleId, Page.Request page) {
		var items = jdbc.sql("""
				select * from oncall_handoff_note where schedule_id = :schedule
				order by created_at desc, seq desc limit :limit offset :offset""")
			.param("schedule", scheduleId).param("limit", page.size()).param("offset", page.offset())
			.query((rs, n) -> note(rs)).list();
		var total = jdbc.sql("select count(*) from oncall_handoff_note where schedule_id = :schedule")
			.param("schedule", scheduleId).query(Long.class).single();
		return new Page<>(items, total);
	}

	Optional<HandoffNote> note(UUID scheduleId, UUID id) {
		return jdbc.sql("select * from oncall_handoff_note where id = :id and schedule_id = :schedule")
			.param("id", id).param("schedule", scheduleId).query((rs, n) -> note(rs)).optional();
	}

	/** The newest note this person wrote on the schedule in {@code [from, to)}. */
	Optional<HandoffNote> latestBy(UUID scheduleId, UUID authorId, Instant from, Instant to) {
		return jdbc.sql("""
				select * from oncall_handoff_note where schedule_id = :schedule and author_id = :author
				and created_at >= :from and created_at < :to order by created_at desc, seq desc limit 1""")
			.param("schedule", scheduleId).param("author", authorId).param("from", Sql.timestamp(from))
			.param("to", Sql.timestamp(to))
			.query((rs, n) -> note(rs)).optional();
	}

	// ---- announce channels ----

	Optional<UUID> channel(UUID scheduleId) {
		return jdbc.sql("select channel_id from oncall_schedule_channel where schedule_id = :schedule")
			.param("schedule", scheduleId).query(UUID.class).optional();
	}

	/** Every schedule that has an announce channel, with it. */
	Map<UUID, UUID> channels() {
		var channels = new HashMap<UUID, UUID>();
		jdbc.sql("select schedule_id, channel_id from oncall_schedule_channel")
			.query(rs -> {
				channels.put(Sql.uuid(rs, "schedule_id"), Sql.uuid(rs, "channel_id"));
			});
		return channels;
	}

	/** Sets the channel; the caller holds the schedule's row lock, so two settings never both insert. */
	void setChannel(UUID scheduleId, UUID channelId, UUID setBy, Instant at) {
		var updated = jdbc.sql("""
				update oncall_schedule_channel set channel_id = :channel, set_by = :by, set_at = :at
				where schedule_id = :schedule""")
			.param("schedule", scheduleId).param("channel", channelId).param("by", setBy).param("at", Sql.timestamp(at))
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into oncall_schedule_channel (schedule_id, channel_id, set_by, set_at)
					values (:schedule, :channel, :by, :at)""")
				.param("schedule", scheduleId).param("channel", channelId).param("by", setBy)
				.param("at", Sql.timestamp(at))
				.update();
		}
	}

	/** @return whether there was a channel to clear */
	boolean clearChannel(UUID scheduleId) {
		return jdbc.sql("delete from oncall_schedule_channel where schedule_id = :schedule").param("schedule", scheduleId)
			.update() > 0;
	}

	private static HandoffNote note(ResultSet rs) throws SQLException {
		return new HandoffNote(Sql.uuid(rs, "id"), Sql.uuid(rs, "schedule_id"), Sql.uuid(rs, "author_id"),
				rs.getString("text"), Sql.instant(rs, "created_at"));
	}
}
