package dev.firebreak.postmortem.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.firebreak.platform.Sql;

/** Trackers' webhook endpoints and the deliveries to them, one per endpoint and event. */
@Repository
class ActionItemWebhookStore {

	private final JdbcClient jdbc;

	ActionItemWebhookStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An endpoint as listed: never its secret. */
	record Endpoint(UUID id, String url, UUID createdBy, Instant createdAt) {
	}

	enum Status {
		PENDING, SENT, FAILED
	}

	record Delivery(UUID id, UUID webhookId, String eventKey, String payload, Status status, int attempts,
			String lastError, Instant createdAt, Instant sentAt) {
	}

	void insert(UUID id, String url, String encryptedSecret, UUID by, Instant now) {
		jdbc.sql("""
				insert into postmortem_action_item_webhook (id, url, signing_secret, created_by, created_at)
				values (:id, :url, :secret, :by, :now)""")
			.param("id", id).param("url", url).param("secret", encryptedSecret).param("by", by)
			.param("now", Sql.timestamp(now)).update();
	}

	List<Endpoint> all() {
		return jdbc.sql("select * from postmortem_action_item_webhook order by created_at, id")
			.query((rs, n) -> endpoint(rs)).list();
	}

	Optional<Endpoint> find(UUID id) {
		return jdbc.sql("select * from postmortem_action_item_webhook where id = :id").param("id", id)
			.query((rs, n) -> endpoint(rs)).optional();
	}

	Optional<String> encryptedSecret(UUID id) {
		return jdbc.sql("select signing_secret from postmortem_action_item_webhook where id = :id").param("id", id)
			.query(String.class).optional();
	}

	/** Removes it with its deliveries; their timers find nothing and stop. */
	boolean delete(UUID id) {
		return jdbc.sql("delete from postmortem_action_item_webhook where id = :id").param("id", id).update() == 1;
	}

	/** Adds the delivery unless this endpoint has one for this event already: true when it was added. */
	boolean addDelivery(UUID id, UUID webhookId, String eventKey, String payload, Instant now) {
		return jdbc.sql("""
				insert into postmortem_action_item_delivery (id, webhook_id, event_key, payload, status, attempts, created_at)
				select :id, :webhook, :key, :payload, 'pending', 0, :now
				where not exists (select 1 from postmortem_action_item_delivery where webhook_id = :webhook and event_key = :key)""")
			.param("id", id).param("webhook", webhookId).param("key", eventKey).param("payload", payload)
			.param("now", Sql.timestamp(now)).update() > 0;
	}

	Optional<Delivery> delivery(UUID id) {
		return jdbc.sql("select * from postmortem_action_item_delivery where id = :id").param("id", id)
			.query((rs, n) -> delivery(rs)).optional();
	}

	List<Delivery> deliveriesOf(UUID webhookId) {
		return jdbc.sql("select * from postmortem_action_item_delivery where webhook_id = :webhook order by created_at desc, id")
			.param("webhook", webhookId).query((rs, n) -> delivery(rs)).list();
	}

	void attempted(UUID id, Status status, String error, Instant now) {
		jdbc.sql("""
				update postmortem_action_item_delivery set status = :status, attempts = attempts + 1, last_error = :error,
				    last_attempt_at = :now, sent_at = case when :sent then :now else sent_at end
				where id = :id""")
			.param("id", id).param("status", status.name().toLowerCase(java.util.Locale.ROOT)).param("sent", status == Status.SENT)
			.param("error", error == null || error.length() <= 1000 ? error : error.substring(0, 999) + "…")
			.param("now", Sql.timestamp(now)).update();
	}

	private static Endpoint endpoint(ResultSet rs) throws SQLException {
		return new Endpoint(Sql.uuid(rs, "id"), rs.getString("url"), Sql.uuid(rs, "created_by"),
				Sql.instant(rs, "created_at"));
	}

	private static Delivery delivery(ResultSet rs) throws SQLException {
		return new Delivery(Sql.uuid(rs, "id"), Sql.uuid(rs, "webhook_id"), rs.getString("event_key"),
				rs.getString("payload"), Status.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
				rs.getInt("attempts"), rs.getString("last_error"), Sql.instant(rs, "created_at"),
				Sql.instant(rs, "sent_at"));
	}
}
