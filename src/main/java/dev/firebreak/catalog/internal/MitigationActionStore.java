package dev.firebreak.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.firebreak.catalog.HttpCall;
import dev.firebreak.catalog.MitigationAction;
import dev.firebreak.platform.Secrets;
import dev.firebreak.platform.Sql;

/**
 * The mitigation actions of services. Header values are encrypted on the way in and decrypted on
 * the way out: a copy of the database alone does not give away a feature-flag service's token.
 */
@Repository
class MitigationActionStore {

	private static final TypeReference<LinkedHashMap<String, String>> HEADERS = new TypeReference<>() {
	};

	/** Stands for "no id to except" where SQL needs a value of type uuid. */
	private static final UUID NOBODY = new UUID(0, 0);

	private final JdbcClient jdbc;

	private final Secrets secrets;

	private final JsonMapper json;

	MitigationActionStore(JdbcClient jdbc, Secrets secrets, JsonMapper json) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.json = json;
	}

	Optional<MitigationAction> find(UUID id) {
		return jdbc.sql("select * from catalog_mitigation_action where id = :id").param("id", id)
			.query((rs, n) -> action(rs)).optional();
	}

	List<MitigationAction> ofServices(Collection<UUID> serviceIds) {
		if (serviceIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select a.* from catalog_mitigation_action a join catalog_service s on s.id = a.service_id
				where a.service_id in (:services) order by s.name_key, a.name_key""")
			.param("services", List.copyOf(serviceIds)).query((rs, n) -> action(rs)).list();
	}

	boolean nameTaken(UUID serviceId, String name, UUID except) {
		return jdbc.sql("""
				select count(*) from catalog_mitigation_action
				where service_id = :service and name_key = :key and id <> :except""")
			.param("service", serviceId).param("key", key(name)).param("except", except == null ? NOBODY : except)
			.query(Long.class).single() > 0;
	}

	void insert(MitigationAction action) {
		jdbc.sql("""
				insert into catalog_mitigation_action (id, service_id, name, name_key, lever, run_method, run_url,
				    run_headers, run_body, rollback_method, rollback_url, rollback_headers, rollback_body,
				    created_at, updated_at)
				values (:id, :service, :name, :key, :lever, :runMethod, :runUrl, :runHeaders, :runBody,
				    :rollbackMethod, :rollbackUrl, :rollbackHeaders, :rollbackBody, :createdAt, :createdAt)""")
			.params(columns(action)).param("service", action.serviceId())
			.param("createdAt", Sql.timestamp(action.createdAt()))
			.update();
	}

	boolean update(MitigationAction action, Instant at) {
		return jdbc.sql("""
				update catalog_mitigation_action set name = :name, name_key = :key, lever = :lever,
				    run_method = :runMethod, run_url = :runUrl, run_headers = :runHeaders, run_body = :runBody,
				    rollback_method = :rollbackMethod, rollback_url = :rollbackUrl,
				    rollback_headers = :rollbackHeaders, rollback_body = :rollbackBody, updated_at = :updatedAt
				where id = :id""")
			.params(columns(action)).param("updatedAt", Sql.timestamp(at))
			.update() == 1;
	}

	boolean delete(UUID id) {
		return jdbc.sql("delete from catalog_mitigation_action where id = :id").param("id", id).update() == 1;
	}

	private Map<String, Object> columns(MitigationAction action) {
		var rollback = action.rollback();
		var columns = new LinkedHashMap<String, Object>();
		columns.put("id", action.id());
		columns.put("name", action.name());
		columns.put("key", key(action.name()));
		columns.put("lever", action.lever());
		columns.put("runMethod", action.run().method());
		columns.put("runUrl", action.run().url());
		columns.put("runHeaders", sealed(action.run().headers()));
		columns.put("runBody", action.run().body());
		columns.put("rollbackMethod", rollback == null ? null : rollback.method());
		columns.put("rollbackUrl", rollback == null ? null : rollback.url());
		columns.put("rollbackHeaders", rollback == null ? null : sealed(rollback.headers()));
		columns.put("rollbackBody", rollback == null ? null : rollback.body());
		return columns;
	}

	private String sealed(Map<String, String> headers) {
		var sealed = new LinkedHashMap<String, String>();
		headers.forEach((name, value) -> sealed.put(name, secrets.encrypt(value)));
		return json.writeValueAsString(sealed);
	}

	private Map<String, String> opened(String stored) {
		var opened = new LinkedHashMap<String, String>();
		json.readValue(stored, HEADERS).forEach((name, value) -> opened.put(name, secrets.decrypt(value)));
		return opened;
	}

	private MitigationAction action(ResultSet rs) throws SQLException {
		var run = new HttpCall(rs.getString("run_method"), rs.getString("run_url"), opened(rs.getString("run_headers")),
				rs.getString("run_body"));
		var rollbackMethod = rs.getString("rollback_method");
		var rollback = rollbackMethod == null ? null : new HttpCall(rollbackMethod, rs.getString("rollback_url"),
				opened(rs.getString("rollback_headers")), rs.getString("rollback_body"));
		return new MitigationAction(Sql.uuid(rs, "id"), Sql.uuid(rs, "service_id"), rs.getString("name"),
				rs.getString("lever"), run, rollback, Sql.instant(rs, "created_at"));
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}
}
