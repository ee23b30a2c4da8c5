package dev.firebreak.postmortem.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.firebreak.incident.Incident;
import dev.firebreak.postmortem.ActionItem;
import dev.firebreak.postmortem.ActionItemPriority;
import dev.firebreak.platform.Sql;

/** The action items' rows. Overdue is computed against the day the caller names, never stored. */
@Repository
class ActionItemStore {

	/** Open ones first, then by due day: what needs doing soonest is read first. */
	private static final String ORDER = " order by case when status = 'open' then 0 else 1 end, due_on, created_at, id";

	private final JdbcClient jdbc;

	ActionItemStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What people choose: the same on create and edit. */
	record Fields(String title, UUID ownerId, LocalDate dueOn, ActionItemPriority priority, String definitionOfDone) {
	}

	void insert(UUID id, long incident, Fields f, UUID createdBy, Instant now) {
		jdbc.sql("""
				insert into postmortem_action_item (id, incident_number, title, owner_id, due_on, priority,
				    definition_of_done, status, created_by, created_at, updated_at)
				values (:id, :incident, :title, :owner, :due, :priority, :done, 'open', :by, :now, :now)""")
			.param("id", id).param("incident", incident).param("title", f.title()).param("owner", f.ownerId())
			.param("due", f.dueOn()).param("priority", f.priority().name()).param("done", f.definitionOfDone())
			.param("by", createdBy).param("now", Sql.timestamp(now)).update();
	}

	void update(UUID id, Fields f, Instant now) {
		jdbc.sql("""
				update postmortem_action_item set title = :title, owner_id = :owner, due_on = :due, priority = :priority,
				    definition_of_done = :done, updated_at = :now where id = :id""")
			.param("id", id).param("title", f.title()).param("owner", f.ownerId()).param("due", f.dueOn())
			.param("priority", f.priority().name()).param("done", f.definitionOfDone()).param("now", Sql.timestamp(now))
			.update();
	}

	/** Marks it done unless it is done already (two people at once): true when this call did. */
	boolean complete(UUID id, String evidence, UUID by, Instant now) {
		return jdbc.sql("""
				update postmortem_action_item set status = 'done', evidence = :evidence, completed_by = :by,
				    completed_at = :now, updated_at = :now where id = :id and status = 'open'""")
			.param("id", id).param("evidence", evidence).param("by", by).param("now", Sql.timestamp(now)).update() == 1;
	}

	boolean reopen(UUID id, Instant now) {
		return jdbc.sql("""
				update postmortem_action_item set status = 'open', evidence = null, completed_by = null,
				    completed_at = null, updated_at = :now where id = :id and status = 'done'""")
			.param("id", id).param("now", Sql.timestamp(now)).update() == 1;
	}

	/** The row, locked for the rest of the transaction: edits of one item are serialized. */
	Optional<ActionItem> lock(UUID id, LocalDate today) {
		return jdbc.sql("select * from postmortem_action_item where id = :id for update").param("id", id)
			.query((rs, n) -> item(rs, today)).optional();
	}

	Optional<ActionItem> find(UUID id, LocalDate today) {
		return jdbc.sql("select * from postmortem_action_item where id = :id").param("id", id)
			.query((rs, n) -> item(rs, today)).optional();
	}

	List<ActionItem> ofIncident(long incident, boolean openOnly, LocalDate today) {
		return jdbc.sql("select * from postmortem_action_item where incident_number = :incident"
				+ (openOnly ? " and status = 'open'" : "") + ORDER)
			.param("incident", incident).query((rs, n) -> item(rs, today)).list();
	}

	/** Which items a list asks for. */
	enum State {
		OPEN, OVERDUE, DONE
	}

	/**
	 * How many items owned by any of {@code owners} (every owner when null) in this state (any when
	 * null) each incident has: one row per incident, so the reader's visibility is asked per incident.
	 */
	Map<Long, Long> countsByIncident(Collection<UUID> owners, State state, LocalDate today) {
		if (owners != null && owners.isEmpty()) {
			return Map.of();
		}
		var counts = new LinkedHashMap<Long, Long>();
		filtered("select incident_number, count(*) as items from postmortem_action_item"
				+ where(owners, state, List.of()) + " group by incident_number", owners, state, today, List.of())
			.query((rs, n) -> Map.entry(rs.getLong("incident_number"), rs.getLong("items"))).list()
			.forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
		return counts;
	}

	/**
	 * One page of those items, leaving out the items of the {@code hidden} incidents: the database
	 * pages, so a list never loads every item.
	 */
	List<ActionItem> matching(Collection<UUID> owners, State state, LocalDate today, Collection<Long> hidden, long offset,
			int limit) {
		if (owners != null && owners.isEmpty()) {
			return List.of();
		}
		return filtered("select * from postmortem_action_item" + where(owners, state, hidden) + ORDER
				+ " limit :limit offset :offset", owners, state, today, hidden)
			.param("limit", limit).param("offset", offset).query((rs, n) -> item(rs, today)).list();
	}

	private static String where(Collection<UUID> owners, State state, Collection<Long> hidden) {
		var where = new StringBuilder(" where 1 = 1");
		if (owners != null) {
			where.append(" and owner_id in (:owners)");
		}
		if (state != null) {
			where.append(switch (state) {
				case OPEN -> " and status = 'open'";
				case OVERDUE -> " and status = 'open' and due_on < :today";
				case DONE -> " and status = 'done'";
			});
		}
		if (!hidden.isEmpty()) {
			where.append(" and incident_number not in (:hidden)");
		}
		return where.toString();
	}

	private JdbcClient.StatementSpec filtered(String query, Collection<UUID> owners, State state, LocalDate today,
			Collection<Long> hidden) {
		var sql = jdbc.sql(query);
		if (owners != null) {
			sql = sql.param("owners", List.copyOf(owners));
		}
		if (state == State.OVERDUE) {
			sql = sql.param("today", today);
		}
		if (!hidden.isEmpty()) {
			sql = sql.param("hidden", List.copyOf(hidden));
		}
		return sql;
	}

	private static ActionItem item(ResultSet rs, LocalDate today) throws SQLException {
		var number = rs.getLong("incident_number");
		var dueOn = rs.getObject("due_on", LocalDate.class);
		var status = ActionItem.Status.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT));
		return new ActionItem(Sql.uuid(rs, "id"), Incident.PREFIX + number, number, rs.getString("title"),
				Sql.uuid(rs, "owner_id"), dueOn, ActionItemPriority.valueOf(rs.getString("priority")),
				rs.getString("definition_of_done"), status, status == ActionItem.Status.OPEN && dueOn.isBefore(today),
				rs.getString("evidence"), Sql.uuid(rs, "completed_by"), Sql.instant(rs, "completed_at"),
				Sql.uuid(rs, "created_by"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
	}
}
