package dev.firebreak.incident.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.firebreak.incident.Mitigation;
import dev.firebreak.incident.MitigationLever;
import dev.firebreak.incident.TimelineEntry;
import dev.firebreak.incident.TimelineKind;
import dev.firebreak.platform.Sql;

/** The append-only timeline and the mitigations of incidents. There is no update and no delete here, on purpose. */
@Repository
class TimelineStore {

	private final JdbcClient jdbc;

	TimelineStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void append(TimelineEntry entry) {
		jdbc.sql("""
				insert into incident_timeline (id, incident_number, at, author_id, kind, text, corrects)
				values (:id, :number, :at, :author, :kind, :text, :corrects)""")
			.param("id", entry.id()).param("number", entry.incidentNumber()).param("at", Sql.timestamp(entry.at()))
			.param("author", entry.authorId()).param("kind", entry.kind().name()).param("text", entry.text())
			.param("corrects", entry.corrects())
			.update();
	}

	List<TimelineEntry> timeline(long number) {
		return jdbc.sql("select * from incident_timeline where incident_number = :number order by seq")
			.param("number", number).query((rs, n) -> entry(rs)).list();
	}

	/** A timeline entry with its place in the order of every entry written, on any instance. */
	record Sequenced(long seq, TimelineEntry entry) {
	}

	/** The highest place any entry of this incident has; 0 when it has none. */
	long lastSeq(long number) {
		return jdbc.sql("select coalesce(max(seq), 0) from incident_timeline where incident_number = :number")
			.param("number", number).query(Long.class).single();
	}

	/** The entries of these incidents written after the place {@code afterSeq}, in order. */
	List<Sequenced> after(java.util.Collection<Long> numbers, long afterSeq) {
		return jdbc.sql("""
				select * from incident_timeline where incident_number in (:numbers) and seq > :after order by seq""")
			.param("numbers", numbers).param("after", afterSeq)
			.query((rs, n) -> new Sequenced(rs.getLong("seq"), entry(rs))).list();
	}

	Optional<TimelineEntry> entry(UUID id) {
		return jdbc.sql("select * from incident_timeline where id = :id").param("id", id)
			.query((rs, n) -> entry(rs)).optional();
	}

	void insert(Mitigation mitigation) {
		jdbc.sql("""
				insert into incident_mitigation (id, incident_number, lever, description, mitigated, recorded_at, recorded_by)
				values (:id, :number, :lever, :description, :mitigated, :at, :by)""")
			.param("id", mitigation.id()).param("number", mitigation.incidentNumber())
			.param("lever", mitigation.lever().name()).param("description", mitigation.description())
			.param("mitigated", mitigation.mitigated()).param("at", Sql.timestamp(mitigation.recordedAt()))
			.param("by", mitigation.recordedBy())
			.update();
	}

	List<Mitigation> mitigations(long number) {
		return jdbc.sql("select * from incident_mitigation where incident_number = :number order by seq")
			.param("number", number)
			.query((rs, n) -> new Mitigation(Sql.uuid(rs, "id"), rs.getLong("incident_number"),
					MitigationLever.valueOf(rs.getString("lever")), rs.getString("description"),
					rs.getBoolean("mitigated"), Sql.instant(rs, "recorded_at"), Sql.uuid(rs, "recorded_by")))
			.list();
	}

	private static TimelineEntry entry(ResultSet rs) throws SQLException {
		return new TimelineEntry(Sql.uuid(rs, "id"), rs.getLong("incident_number"), Sql.instant(rs, "at"),
				Sql.uuid(rs, "author_id"), TimelineKind.valueOf(rs.getString("kind")), rs.getString("text"),
				Sql.uuid(rs, "corrects"));
	}
}
