package dev.firebreak.comms.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.firebreak.platform.Sql;

/** The stakeholder list of each service, and which digests went to which address. */
@Repository
class StakeholderStore {

	private final JdbcClient jdbc;

	StakeholderStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<String> of(UUID serviceId) {
		return jdbc.sql("select email from comms_stakeholder where service_id = :service order by email")
			.param("service", serviceId).query(String.class).list();
	}

	/** Every address on the lists of these services, each once. */
	List<String> of(Collection<UUID> serviceIds) {
		if (serviceIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select distinct email from comms_stakeholder where service_id in (:services) order by email")
			.param("services", serviceIds).query(String.class).list();
	}

	void replace(UUID serviceId, Collection<String> emails, Instant at) {
		jdbc.sql("delete from comms_stakeholder where service_id = :service").param("service", serviceId).update();
		for (var email : emails) {
			jdbc.sql("insert into comms_stakeholder (service_id, email, added_at) values (:service, :email, :at)")
				.param("service", serviceId).param("email", email).param("at", Sql.timestamp(at)).update();
		}
	}

	/** Claims the digest of this update for this address: false when it was sent already. */
	boolean claim(UUID updateId, String email, Instant at) {
		return jdbc.sql("""
				insert into comms_digest_sent (update_id, email, sent_at) values (:update, :email, :at)
				on conflict do nothing""")
			.param("update", updateId).param("email", email).param("at", Sql.timestamp(at)).update() == 1;
	}
}
