package dev.firebreak.comms.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.firebreak.comms.Audience;
import dev.firebreak.comms.Phase;
import dev.firebreak.comms.StatusUpdate;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Sql;

/** The status updates as posted (append only) and the moments an incident's cadences restarted. */
@Repository
class UpdateStore {

	private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
	};

	private static final TypeReference<List<StatusUpdate.WritingFinding>> FINDINGS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	UpdateStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(StatusUpdate update) {
		jdbc.sql("""
				insert into comms_status_update (id, incident_number, audience, phase, text, components, author_id,
				    posted_at, overridden_findings, override_reason)
				values (:id, :number, :audience, :phase, :text, :components, :author, :at, :findings, :reason)""")
			.param("id", update.id()).param("number", update.incidentNumber())
			.param("audience", update.audience().name())
			.param("phase", update.phase() == null ? null : update.phase().name())
			.param("text", update.text()).param("components", json.writeValueAsString(update.components()))
			.param("author", update.authorId()).param("at", Sql.timestamp(update.postedAt()))
			.param("findings", update.overriddenFindings().isEmpty() ? null : json.writeValueAsString(update.overriddenFindings()))
			.param("reason", update.overrideReason())
			.update();
	}

	Page<StatusUpdate> of(long number, Audience audience, Page.Request page) {
		var where = "where incident_number = :number" + (audience == null ? "" : " and audience = :audience");
		var total = jdbc.sql("select count(*) from comms_status_update " + where).param("number", number)
			.params(audience == null ? Map.of() : Map.of("audience", audience.name()))
			.query(Long.class).single();
		var items = jdbc.sql("select * from comms_status_update " + where
				+ " order by posted_at desc, seq desc limit :limit offset :offset")
			.param("number", number)
			.params(audience == null ? Map.of() : Map.of("audience", audience.name()))
			.param("limit", page.size()).param("offset", page.offset())
			.query((rs, n) -> update(rs)).list();
		return new Page<>(items, total);
	}

	Optional<StatusUpdate> find(java.util.UUID id) {
		return jdbc.sql("select * from comms_status_update where id = :id").param("id", id)
			.query((rs, n) -> update(rs)).optional();
	}

	/** The audience's newest update, if any. */
	Optional<StatusUpdate> last(long number, Audience audience) {
		return jdbc.sql("""
				select * from comms_status_update where incident_number = :number and audience = :audience
				order by posted_at desc, seq desc limit 1""")
			.param("number", number).param("audience", audience.name())
			.query((rs, n) -> update(rs)).optional();
	}

	/** Whether an update to this audience (in this phase, unless null) was posted at or after {@code since} (ever, when null). */
	boolean postedSince(long number, Audience audience, Phase phase, Instant since) {
		var params = new java.util.HashMap<String, Object>();
		params.put("number", number);
		params.put("audience", audience.name());
		var sql = new StringBuilder(
				"select count(*) from comms_status_update where incident_number = :number and audience = :audience");
		if (phase != null) {
			sql.append(" and phase = :phase");
			params.put("phase", phase.name());
		}
		if (since != null) {
			sql.append(" and posted_at >= :since");
			params.put("since", Sql.timestamp(since));
		}
		return jdbc.sql(sql.toString()).params(params).query(Long.class).single() > 0;
	}

	/**
	 * Locks the incident's cadences for planning until the transaction ends, and says when they
	 * last restarted (a re-open), if ever.
	 */
	Optional<Instant> lockCadences(long number) {
		jdbc.sql("insert into comms_cadence (incident_number) values (:number) on conflict do nothing")
			.param("number", number).update();
		return jdbc.sql("select restarted_at from comms_cadence where incident_number = :number for update")
			.param("number", number).query((rs, n) -> Optional.ofNullable(Sql.instant(rs, "restarted_at"))).single();
	}

	/** When the incident was last re-opened (its cadences started again); empty if never. */
	Optional<Instant> restartedAt(long number) {
		return jdbc.sql("select restarted_at from comms_cadence where incident_number = :number").param("number", number)
			.query((rs, n) -> Optional.ofNullable(Sql.instant(rs, "restarted_at"))).optional().flatMap(at -> at);
	}

	/** Remembers the latest re-open; an earlier one delivered late changes nothing. */
	void restarted(long number, Instant at) {
		lockCadences(number);
		jdbc.sql("""
				update comms_cadence set restarted_at = :at
				where incident_number = :number and (restarted_at is null or restarted_at < :at)""")
			.param("number", number).param("at", Sql.timestamp(at)).update();
	}

	private StatusUpdate update(ResultSet rs) throws SQLException {
		var phase = rs.getString("phase");
		var findings = rs.getString("overridden_findings");
		return new StatusUpdate(Sql.uuid(rs, "id"), rs.getLong("incident_number"),
				Audience.valueOf(rs.getString("audience")), phase == null ? null : Phase.valueOf(phase),
				rs.getString("text"), json.readValue(rs.getString("components"), NAMES), Sql.uuid(rs, "author_id"),
				Sql.instant(rs, "posted_at"), findings == null ? List.of() : json.readValue(findings, FINDINGS),
				rs.getString("override_reason"));
	}
}
