package dev.firebreak.statuspage.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.firebreak.platform.Sql;

/** Subscribers, the components they chose, what each was told, and the subscribe form's throttle. */
@Component
class SubscriberStore {

	private static final TypeReference<List<UUID>> IDS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	SubscriberStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<Subscriber> get(UUID id) {
		return list("select * from statuspage_subscriber where id = :id", Map.of("id", id)).stream().findFirst();
	}

	/** The subscriber of this address (lower-cased), its row locked for this transaction. */
	Optional<Subscriber> lockByEmail(String emailKey) {
		return list("select * from statuspage_subscriber where email_key = :key for update", Map.of("key", emailKey))
			.stream().findFirst();
	}

	Optional<Subscriber> lock(UUID id) {
		return list("select * from statuspage_subscriber where id = :id for update", Map.of("id", id)).stream()
			.findFirst();
	}

	/** Everyone, newest first. */
	List<Subscriber> all() {
		return list("select * from statuspage_subscriber order by created_at desc, id", Map.of());
	}

	/** The confirmed subscribers of this kind (null: both) that hear of something touching these components. */
	List<Subscriber> hearing(Collection<UUID> components, Subscriber.Kind kind) {
		var sql = new StringBuilder("select * from statuspage_subscriber s where s.confirmed_at is not null");
		var params = new HashMap<String, Object>();
		if (kind != null) {
			sql.append(" and s.kind = :kind");
			params.put("kind", kind.toString());
		}
		if (components.isEmpty()) {
			sql.append(" and s.everything = true");
		}
		else {
			sql.append(" and (s.everything = true or exists (select 1 from statuspage_subscriber_component c"
					+ " where c.subscriber_id = s.id and c.component_id in (:components)))");
			params.put("components", components);
		}
		return list(sql.append(" order by s.created_at, s.id").toString(), params);
	}

	void insert(Subscriber s, String emailKey, String encryptedSecret) {
		jdbc.sql("""
				insert into statuspage_subscriber (id, kind, email, email_key, endpoint_url, description, signing_secret,
				everything, confirmed_at, created_at, updated_at)
				values (:id, :kind, :email, :key, :url, :description, :secret, :everything, :confirmed, :created, :updated)""")
			.param("id", s.id()).param("kind", s.kind().toString()).param("email", s.email()).param("key", emailKey)
			.param("url", s.endpointUrl()).param("description", s.description()).param("secret", encryptedSecret)
			.param("everything", s.everything()).param("confirmed", Sql.timestamp(s.confirmedAt()))
			.param("created", Sql.timestamp(s.createdAt())).param("updated", Sql.timestamp(s.updatedAt())).update();
		components(s.id(), s.componentIds());
		pending(s.id(), s.pending(), s.updatedAt());
	}

	/** Records (or, with null, clears) the open request. */
	void pending(UUID id, Subscriber.Pending pending, Instant now) {
		jdbc.sql("""
				update statuspage_subscriber set confirm_nonce = :nonce, confirm_sent_at = :sent,
				confirm_expires_at = :expires, pending_components = :components, updated_at = :now where id = :id""")
			.param("id", id).param("nonce", pending == null ? null : pending.nonce())
			.param("sent", pending == null ? null : Sql.timestamp(pending.sentAt()))
			.param("expires", pending == null ? null : Sql.timestamp(pending.expiresAt()))
			.param("components", pending == null ? null : json.writeValueAsString(pending.componentIds()))
			.param("now", Sql.timestamp(now)).update();
	}

	/** Confirms the open request: the subscriber hears of what it asked for from now on. */
	void confirm(UUID id, List<UUID> componentIds, Instant now) {
		jdbc.sql("""
				update statuspage_subscriber set everything = :everything,
				confirmed_at = coalesce(confirmed_at, :now), updated_at = :now where id = :id""")
			.param("id", id).param("everything", componentIds.isEmpty()).param("now", Sql.timestamp(now)).update();
		jdbc.sql("delete from statuspage_subscriber_component where subscriber_id = :id").param("id", id).update();
		components(id, componentIds);
		pending(id, null, now);
	}

	String encryptedSecret(UUID id) {
		return jdbc.sql("select signing_secret from statuspage_subscriber where id = :id").param("id", id)
			.query(String.class).optional().orElse(null);
	}

	boolean delete(UUID id) {
		return jdbc.sql("delete from statuspage_subscriber where id = :id").param("id", id).update() > 0;
	}

	/** Forgets requests to subscribe that were never confirmed in time. */
	int forgetUnconfirmed(Instant now) {
		return jdbc.sql("delete from statuspage_subscriber where confirmed_at is null and confirm_expires_at < :now")
			.param("now", Sql.timestamp(now)).update();
	}

	/** Counts this request of the address and answers how many it made since {@code since}, this one included. */
	int countRequest(String address, Instant now, Instant since) {
		jdbc.sql("delete from statuspage_subscribe_request where at < :since").param("since", Sql.timestamp(since))
			.update();
		jdbc.sql("insert into statuspage_subscribe_request (address, at) values (:address, :at)")
			.param("address", address).param("at", Sql.timestamp(now)).update();
		return jdbc.sql("select count(*) from statuspage_subscribe_request where address = :address and at >= :since")
			.param("address", address).param("since", Sql.timestamp(since)).query(Integer.class).single();
	}

	// deliveries

	/** Adds the delivery unless this subscriber was told of this topic already; answers whether it was added. */
	boolean addDelivery(Delivery d) {
		return jdbc.sql("""
				insert into statuspage_subscriber_delivery (id, subscriber_id, topic, kind, subject, payload, status,
				attempts, created_at)
				select :id, :subscriber, :topic, :kind, :subject, :payload, 'pending', 0, :created
				where not exists (select 1 from statuspage_subscriber_delivery
				                  where subscriber_id = :subscriber and topic = :topic)""")
			.param("id", d.id()).param("subscriber", d.subscriberId()).param("topic", d.topic())
			.param("kind", d.kind().toString()).param("subject", d.subject()).param("payload", d.payload())
			.param("created", Sql.timestamp(d.createdAt())).update() > 0;
	}

	Optional<Delivery> delivery(UUID id) {
		return jdbc.sql("select * from statuspage_subscriber_delivery where id = :id").param("id", id)
			.query((rs, n) -> delivery(rs)).optional();
	}

	List<Delivery> deliveriesOf(UUID subscriberId) {
		return jdbc.sql("select * from statuspage_subscriber_delivery where subscriber_id = :id order by created_at desc, id")
			.param("id", subscriberId).query((rs, n) -> delivery(rs)).list();
	}

	/** Records an attempt: {@code status} sent, pending (tried again later) or failed (given up). */
	void attempted(UUID id, Delivery.Status status, String error, Instant at) {
		jdbc.sql("""
				update statuspage_subscriber_delivery set status = :status, attempts = attempts + 1, last_error = :error,
				last_attempt_at = :at, sent_at = :sent where id = :id""")
			.param("id", id).param("status", status.toString())
			.param("error", error == null || error.length() <= 1000 ? error : error.substring(0, 999) + "…")
			.param("at", Sql.timestamp(at)).param("sent", status == Delivery.Status.SENT ? Sql.timestamp(at) : null)
			.update();
	}

	/** A delivery that has nothing left to do (a confirmation replaced by a newer one). */
	void drop(UUID id, String why, Instant at) {
		jdbc.sql("""
				update statuspage_subscriber_delivery set status = 'dropped', last_error = :why, last_attempt_at = :at
				where id = :id""").param("id", id).param("why", why).param("at", Sql.timestamp(at)).update();
	}

	private List<Subscriber> list(String sql, Map<String, ?> params) {
		var found = jdbc.sql(sql).params(params).query((rs, n) -> subscriber(rs)).list();
		if (found.isEmpty()) {
			return found;
		}
		var components = new HashMap<UUID, List<UUID>>();
		jdbc.sql("select subscriber_id, component_id from statuspage_subscriber_component where subscriber_id in (:ids)")
			.param("ids", found.stream().map(Subscriber::id).toList())
			.query((rs, n) -> Map.entry(Sql.uuid(rs, "subscriber_id"), Sql.uuid(rs, "component_id"))).list()
			.forEach(e -> components.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return found.stream().map(s -> new Subscriber(s.id(), s.kind(), s.email(), s.endpointUrl(), s.description(),
				s.everything(), List.copyOf(components.getOrDefault(s.id(), List.of())), s.confirmedAt(), s.pending(),
				s.createdAt(), s.updatedAt())).toList();
	}

	private void components(UUID id, List<UUID> componentIds) {
		for (var component : componentIds) {
			jdbc.sql("insert into statuspage_subscriber_component (subscriber_id, component_id) values (:s, :c)")
				.param("s", id).param("c", component).update();
		}
	}

	private Subscriber subscriber(ResultSet rs) throws SQLException {
		var nonce = rs.getString("confirm_nonce");
		var pending = nonce == null ? null
				: new Subscriber.Pending(nonce, Sql.instant(rs, "confirm_sent_at"), Sql.instant(rs, "confirm_expires_at"),
						json.readValue(rs.getString("pending_components"), IDS));
		return new Subscriber(Sql.uuid(rs, "id"), Subscriber.Kind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
				rs.getString("email"), rs.getString("endpoint_url"), rs.getString("description"),
				rs.getBoolean("everything"), List.of(), Sql.instant(rs, "confirmed_at"), pending,
				Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
	}

	private static Delivery delivery(ResultSet rs) throws SQLException {
		return new Delivery(Sql.uuid(rs, "id"), Sql.uuid(rs, "subscriber_id"), rs.getString("topic"),
				Delivery.Kind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)), rs.getString("subject"), rs.getString("payload"),
				Delivery.Status.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)), rs.getInt("attempts"),
				rs.getString("last_error"), Sql.instant(rs, "created_at"), Sql.instant(rs, "last_attempt_at"),
				Sql.instant(rs, "sent_at"));
	}
}
