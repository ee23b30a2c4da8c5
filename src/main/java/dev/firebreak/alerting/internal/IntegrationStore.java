package dev.firebreak.alerting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.firebreak.alerting.Integration;
import dev.firebreak.alerting.IntegrationType;
import dev.firebreak.platform.Sql;

@Repository
class IntegrationStore {

	private final JdbcClient jdbc;

	IntegrationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Integration integration, String keyHash, String keyCiphertext) {
		jdbc.sql("""
				insert into alert_integration (id, service_id, type, name, key_hash, key_ciphertext, created_at, key_rotated_at)
				values (:id, :service, :type, :name, :hash, :ciphertext, :createdAt, :rotatedAt)""")
			.param("id", integration.id()).param("service", integration.serviceId())
			.param("type", integration.type().name()).param("name", integration.name())
			.param("hash", keyHash).param("ciphertext", keyCiphertext)
			.param("createdAt", Sql.timestamp(integration.createdAt()))
			.param("rotatedAt", Sql.timestamp(integration.keyRotatedAt()))
			.update();
	}

	boolean replaceKey(UUID id, String keyHash, String keyCiphertext, Instant at) {
		return jdbc.sql("update alert_integration set key_hash = :hash, key_ciphertext = :ciphertext, key_rotated_at = :at where id = :id")
			.param("id", id).param("hash", keyHash).param("ciphertext", keyCiphertext).param("at", Sql.timestamp(at))
			.update() == 1;
	}

	void update(UUID id, String name, Integer ratePerSecond) {
		jdbc.sql("update alert_integration set name = :name, rate_per_second = :rate where id = :id")
			.param("id", id).param("name", name).param("rate", ratePerSecond).update();
	}

	boolean delete(UUID id) {
		return jdbc.sql("delete from alert_integration where id = :id").param("id", id).update() == 1;
	}

	Optional<Integration> find(UUID id) {
		return jdbc.sql("select * from alert_integration where id = :id").param("id", id)
			.query((rs, n) -> integration(rs)).optional();
	}

	/** The integration a client's routing key belongs to. */
	Optional<Integration> byKeyHash(String keyHash) {
		return jdbc.sql("select * from alert_integration where key_hash = :hash").param("hash", keyHash)
			.query((rs, n) -> integration(rs)).optional();
	}

	List<Integration> forService(UUID serviceId) {
		return jdbc.sql("select * from alert_integration where service_id = :service order by created_at, name")
			.param("service", serviceId).query((rs, n) -> integration(rs)).list();
	}

	Optional<String> keyCiphertext(UUID id) {
		return jdbc.sql("select key_ciphertext from alert_integration where id = :id").param("id", id)
			.query(String.class).optional();
	}

	private static Integration integration(ResultSet rs) throws SQLException {
		return new Integration(Sql.uuid(rs, "id"), Sql.uuid(rs, "service_id"),
				IntegrationType.valueOf(rs.getString("type")), rs.getString("name"), Sql.instant(rs, "created_at"),
				Sql.instant(rs, "key_rotated_at"), rs.getObject("rate_per_second", Integer.class));
	}
}
