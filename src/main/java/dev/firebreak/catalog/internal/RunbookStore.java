package dev.firebreak.catalog.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.firebreak.catalog.Runbook;
import dev.firebreak.catalog.RunbookMatcher;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Sql;

/** Runbooks with their services and matchers. What it reads is never marked stale: {@link RunbookService} does that. */
@Repository
class RunbookStore {

	private final JdbcClient jdbc;

	RunbookStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A runbook's own columns, before its links are read. */
	private record Row(UUID id, String title, String markdown, Instant lastReviewedAt, UUID lastReviewedBy,
			Instant createdAt, Instant updatedAt) {
	}

	Optional<Runbook> find(UUID id) {
		return linked(jdbc.sql("select * from catalog_runbook where id = :id").param("id", id).query(RunbookStore::row)
			.list()).stream().findFirst();
	}

	/** By title; with a service, those that name it. */
	Page<Runbook> list(UUID serviceId, Page.Request page) {
		var where = serviceId == null ? ""
				: " where id in (select runbook_id from catalog_runbook_service where service_id = :service)";
		var params = new HashMap<String, Object>();
		if (serviceId != null) {
			params.put("service", serviceId);
		}
		var total = jdbc.sql("select count(*) from catalog_runbook" + where).params(params).query(Long.class).single();
		params.put("limit", page.size());
		params.put("offset", page.offset());
		var rows = jdbc.sql("select * from catalog_runbook" + where
				+ " order by lower(title), id limit :limit offset :offset").params(params).query(RunbookStore::row).list();
		return new Page<>(linked(rows), total);
	}

	/** A runbook whose every matcher an alert carries: how many it has, the services it names, its last review. */
	record Candidate(UUID id, String title, int matchers, List<UUID> serviceIds, Instant lastReviewedAt) {
	}

	/**
	 * The runbooks with at least one matcher whose every matcher these fields satisfy (label-matcher
	 * semantics: all must match), without their text — a common label such as {@code severity} may
	 * lead to many, and only the one chosen is read whole.
	 */
	List<Candidate> matchedBy(Map<String, String> fields) {
		if (fields.isEmpty()) {
			return List.of();
		}
		var params = new HashMap<String, Object>();
		var carried = new ArrayList<String>();
		var i = 0;
		for (var field : fields.entrySet()) {
			if (field.getValue() == null) {
				continue;
			}
			carried.add("(%1$s.field = :f" + i + " and %1$s.field_value = :v" + i + ")");
			params.put("f" + i, field.getKey());
			params.put("v" + i, field.getValue());
			i++;
		}
		if (carried.isEmpty()) {
			return List.of();
		}
		var matching = String.join(" or ", carried);
		var counts = new HashMap<UUID, Integer>();
		jdbc.sql("""
				select m.runbook_id, count(*) as matchers from catalog_runbook_matcher m
				where m.runbook_id in (select runbook_id from catalog_runbook_matcher c where %s)
				group by m.runbook_id
				having sum(case when %s then 1 else 0 end) = count(*)""".formatted(matching.formatted("c"), matching.formatted("m")))
			.params(params)
			.query((rs, n) -> Map.entry(Sql.uuid(rs, "runbook_id"), rs.getInt("matchers"))).list()
			.forEach(row -> counts.put(row.getKey(), row.getValue()));
		if (counts.isEmpty()) {
			return List.of();
		}
		var ids = List.copyOf(counts.keySet());
		var services = new HashMap<UUID, List<UUID>>();
		jdbc.sql("select runbook_id, service_id from catalog_runbook_service where runbook_id in (:ids)").param("ids", ids)
			.query((rs, n) -> Map.entry(Sql.uuid(rs, "runbook_id"), Sql.uuid(rs, "service_id"))).list()
			.forEach(link -> services.computeIfAbsent(link.getKey(), k -> new ArrayList<>()).add(link.getValue()));
		return jdbc.sql("select id, title, last_reviewed_at from catalog_runbook where id in (:ids)").param("ids", ids)
			.query((rs, n) -> {
				var id = Sql.uuid(rs, "id");
				return new Candidate(id, rs.getString("title"), counts.get(id), services.getOrDefault(id, List.of()),
						Sql.instant(rs, "last_reviewed_at"));
			})
			.list();
	}

	/** The runbooks that name one of these services. */
	List<Runbook> ofServices(Collection<UUID> serviceIds) {
		if (serviceIds.isEmpty()) {
			return List.of();
		}
		return linked(jdbc.sql("""
				select * from catalog_runbook where id in (
				    select runbook_id from catalog_runbook_service where service_id in (:services))
				order by lower(title), id""")
			.param("services", List.copyOf(serviceIds)).query(RunbookStore::row).list());
	}

	void insert(Runbook runbook) {
		jdbc.sql("""
				insert into catalog_runbook (id, title, markdown, last_reviewed_at, last_reviewed_by, created_at, updated_at)
				values (:id, :title, :markdown, :reviewedAt, :reviewedBy, :createdAt, :updatedAt)""")
			.param("id", runbook.id()).param("title", runbook.title()).param("markdown", runbook.markdown())
			.param("reviewedAt", Sql.timestamp(runbook.lastReviewedAt())).param("reviewedBy", runbook.lastReviewedBy())
			.param("createdAt", Sql.timestamp(runbook.createdAt())).param("updatedAt", Sql.timestamp(runbook.updatedAt()))
			.update();
		links(runbook);
	}

	/** Replaces title, text and links; the review stays as it was. */
	boolean update(Runbook runbook) {
		var updated = jdbc.sql("update catalog_runbook set title = :title, markdown = :markdown, updated_at = :at where id = :id")
			.param("id", runbook.id()).param("title", runbook.title()).param("markdown", runbook.markdown())
			.param("at", Sql.timestamp(runbook.updatedAt())).update() == 1;
		if (updated) {
			jdbc.sql("delete from catalog_runbook_service where runbook_id = :id").param("id", runbook.id()).update();
			jdbc.sql("delete from catalog_runbook_matcher where runbook_id = :id").param("id", runbook.id()).update();
			links(runbook);
		}
		return updated;
	}

	boolean reviewed(UUID id, Instant at, UUID by) {
		return jdbc.sql("update catalog_runbook set last_reviewed_at = :at, last_reviewed_by = :by where id = :id")
			.param("id", id).param("at", Sql.timestamp(at)).param("by", by).update() == 1;
	}

	boolean delete(UUID id) {
		return jdbc.sql("delete from catalog_runbook where id = :id").param("id", id).update() == 1;
	}

	private void links(Runbook runbook) {
		for (var service : runbook.serviceIds()) {
			jdbc.sql("insert into catalog_runbook_service (runbook_id, service_id) values (:runbook, :service)")
				.param("runbook", runbook.id()).param("service", service).update();
		}
		for (var matcher : runbook.matchers()) {
			jdbc.sql("insert into catalog_runbook_matcher (runbook_id, field, field_value) values (:runbook, :field, :value)")
				.param("runbook", runbook.id()).param("field", matcher.field()).param("value", matcher.value()).update();
		}
	}

	/** The rows with their services and matchers, read in one query each, in the rows' order. */
	private List<Runbook> linked(List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		var ids = rows.stream().map(Row::id).toList();
		var services = new HashMap<UUID, List<UUID>>();
		jdbc.sql("""
				select l.runbook_id, l.service_id from catalog_runbook_service l join catalog_service s on s.id = l.service_id
				where l.runbook_id in (:ids) order by s.name_key""")
			.param("ids", ids)
			.query((rs, n) -> Map.entry(Sql.uuid(rs, "runbook_id"), Sql.uuid(rs, "service_id"))).list()
			.forEach(link -> services.computeIfAbsent(link.getKey(), k -> new ArrayList<>()).add(link.getValue()));
		var matchers = new HashMap<UUID, List<RunbookMatcher>>();
		jdbc.sql("select runbook_id, field, field_value from catalog_runbook_matcher where runbook_id in (:ids) order by field, field_value")
			.param("ids", ids)
			.query((rs, n) -> Map.entry(Sql.uuid(rs, "runbook_id"),
					new RunbookMatcher(rs.getString("field"), rs.getString("field_value")))).list()
			.forEach(link -> matchers.computeIfAbsent(link.getKey(), k -> new ArrayList<>()).add(link.getValue()));
		return rows.stream().map(row -> new Runbook(row.id(), row.title(), row.markdown(),
				services.getOrDefault(row.id(), List.of()), matchers.getOrDefault(row.id(), List.of()), row.lastReviewedAt(),
				row.lastReviewedBy(), row.createdAt(), row.updatedAt(), false)).toList();
	}

	private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Row(Sql.uuid(rs, "id"), rs.getString("title"), rs.getString("markdown"),
				Sql.instant(rs, "last_reviewed_at"), Sql.uuid(rs, "last_reviewed_by"), Sql.instant(rs, "created_at"),
				Sql.instant(rs, "updated_at"));
	}
}
