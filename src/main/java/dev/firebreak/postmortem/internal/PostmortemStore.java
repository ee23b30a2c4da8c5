package dev.firebreak.postmortem.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.firebreak.platform.Sql;
import dev.firebreak.postmortem.Postmortem;
import dev.firebreak.postmortem.PostmortemStatus;

/** The post-mortem table. Status moves are compare-and-set, so two people moving at once cannot both win. */
@Repository
class PostmortemStore {

	static final int WHYS = 5;

	private static final String COLUMNS = """
			id, incident_number, status, owner_id, reason, what_happened, why_1, why_2, why_3, why_4, why_5,
			not_detected_sooner, slowed_response, prevents_recurrence, went_well, went_poorly, review_held_at,
			review_attendees, review_notes, review_recorded_by, review_recorded_at, created_at, updated_at, published_at""";

	private final JdbcClient jdbc;

	PostmortemStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Creates it unless the incident has one already; true when this call created it. */
	boolean createIfAbsent(UUID id, long incidentNumber, UUID owner, String reason, String firstWhy, UUID createdBy,
			Instant at) {
		// insert-select guards the unique incident without a failed statement (which would abort a PostgreSQL transaction)
		var params = new HashMap<String, Object>();
		params.put("id", id);
		params.put("number", incidentNumber);
		params.put("status", PostmortemStatus.DRAFT.name());
		params.put("owner", owner);
		params.put("reason", reason);
		params.put("why", firstWhy);
		params.put("by", createdBy);
		params.put("at", Sql.timestamp(at));
		return jdbc.sql("""
				insert into postmortem (id, incident_number, status, owner_id, reason, why_1, created_by, created_at, updated_at)
				select :id, :number, :status, :owner, :reason, :why, :by, :at, :at
				where not exists (select 1 from postmortem where incident_number = :number)""")
			.params(params).update() == 1;
	}

	Optional<Postmortem> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from postmortem where id = :id").param("id", id)
			.query(PostmortemStore::postmortem).optional();
	}

	Optional<Postmortem> ofIncident(long number) {
		return jdbc.sql("select " + COLUMNS + " from postmortem where incident_number = :number").param("number", number)
			.query(PostmortemStore::postmortem).optional();
	}

	/** Newest first; {@code status} and {@code owner} null for any. */
	List<Postmortem> list(PostmortemStatus status, UUID owner) {
		var params = new HashMap<String, Object>();
		var where = new ArrayList<String>();
		if (status != null) {
			where.add("status = :status");
			params.put("status", status.name());
		}
		if (owner != null) {
			where.add("owner_id = :owner");
			params.put("owner", owner);
		}
		var sql = "select " + COLUMNS + " from postmortem" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
				+ " order by created_at desc, incident_number desc";
		return jdbc.sql(sql).params(params).query(PostmortemStore::postmortem).list();
	}

	/** Writes the sections while it is still editable; false when it is no longer. */
	boolean saveSections(UUID id, Postmortem.Sections s, Instant at) {
		var params = new HashMap<String, Object>();
		params.put("id", id);
		params.put("what", s.whatHappened());
		for (var i = 0; i < WHYS; i++) {
			params.put("why" + (i + 1), i < s.why().size() ? s.why().get(i) : null);
		}
		params.put("detected", s.notDetectedSooner());
		params.put("slowed", s.slowedResponse());
		params.put("prevents", s.preventsRecurrence());
		params.put("well", s.wentWell());
		params.put("poorly", s.wentPoorly());
		params.put("at", Sql.timestamp(at));
		params.put("published", PostmortemStatus.PUBLISHED.name());
		return jdbc.sql("""
				update postmortem set what_happened = :what, why_1 = :why1, why_2 = :why2, why_3 = :why3, why_4 = :why4,
				    why_5 = :why5, not_detected_sooner = :detected, slowed_response = :slowed, prevents_recurrence = :prevents,
				    went_well = :well, went_poorly = :poorly, updated_at = :at
				where id = :id and status <> :published""").params(params).update() == 1;
	}

	/** Moves the status if it still is {@code from}; false when someone else moved it first. */
	boolean move(UUID id, PostmortemStatus from, PostmortemStatus to, Instant at, String frozenFacts) {
		var params = new HashMap<String, Object>();
		params.put("id", id);
		params.put("from", from.name());
		params.put("to", to.name());
		params.put("at", Sql.timestamp(at));
		params.put("published", to == PostmortemStatus.PUBLISHED ? Sql.timestamp(at) : null);
		params.put("facts", frozenFacts);
		return jdbc.sql("""
				update postmortem set status = :to, updated_at = :at, published_at = :published, frozen_facts = :facts
				where id = :id and status = :from""").params(params).update() == 1;
	}

	boolean recordReview(UUID id, Postmortem.Review review) {
		var params = new HashMap<String, Object>();
		params.put("id", id);
		params.put("held", Sql.timestamp(review.heldAt()));
		params.put("attendees", review.attendees());
		params.put("notes", review.notes());
		params.put("by", review.recordedBy());
		params.put("at", Sql.timestamp(review.recordedAt()));
		params.put("status", PostmortemStatus.IN_REVIEW.name());
		return jdbc.sql("""
				update postmortem set review_held_at = :held, review_attendees = :attendees, review_notes = :notes,
				    review_recorded_by = :by, review_recorded_at = :at, updated_at = :at
				where id = :id and status = :status""").params(params).update() == 1;
	}

	void reassign(UUID id, UUID owner, Instant at) {
		jdbc.sql("update postmortem set owner_id = :owner, updated_at = :at where id = :id").param("id", id)
			.param("owner", owner).param("at", Sql.timestamp(at)).update();
	}

	Optional<String> frozenFacts(UUID id) {
		return jdbc.sql("select frozen_facts from postmortem where id = :id").param("id", id)
			.query((rs, i) -> Optional.ofNullable(rs.getString("frozen_facts"))).single();
	}

	private static Postmortem postmortem(ResultSet rs, int row) throws SQLException {
		var whys = new ArrayList<String>();
		for (var i = 1; i <= WHYS; i++) {
			var why = rs.getString("why_" + i);
			if (why != null) {
				whys.add(why);
			}
		}
		var sections = new Postmortem.Sections(rs.getString("what_happened"), whys, rs.getString("not_detected_sooner"),
				rs.getString("slowed_response"), rs.getString("prevents_recurrence"), rs.getString("went_well"),
				rs.getString("went_poorly"));
		var held = Sql.instant(rs, "review_held_at");
		var review = held == null ? null : new Postmortem.Review(held, rs.getString("review_attendees"),
				rs.getString("review_notes"), Sql.uuid(rs, "review_recorded_by"), Sql.instant(rs, "review_recorded_at"));
		return new Postmortem(Sql.uuid(rs, "id"), rs.getLong("incident_number"),
				PostmortemStatus.valueOf(rs.getString("status")), Sql.uuid(rs, "owner_id"), rs.getString("reason"), sections,
				review, Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), Sql.instant(rs, "published_at"));
	}
}
