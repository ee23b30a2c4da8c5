package dev.firebreak.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.firebreak.notification.ContactType;
import dev.firebreak.notification.Urgency;
import dev.firebreak.platform.Sql;

/** Contact methods and notification rules, by person. */
@Repository
class ContactMethodStore {

	private final JdbcClient jdbc;

	ContactMethodStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ContactMethod method) {
		jdbc.sql("""
				insert into notification_contact_method (id, account_id, type, address, label, secret, verified_at,
				  code_hash, code_expires_at, code_attempts, created_at)
				values (:id, :account, :type, :address, :label, :secret, :verifiedAt, :codeHash, :codeExpiresAt, 0, :createdAt)""")
			.param("id", method.id()).param("account", method.accountId()).param("type", method.type().name())
			.param("address", method.address()).param("label", method.label()).param("secret", method.secret())
			.param("verifiedAt", Sql.timestamp(method.verifiedAt())).param("codeHash", method.codeHash())
			.param("codeExpiresAt", Sql.timestamp(method.codeExpiresAt()))
			.param("createdAt", Sql.timestamp(method.createdAt()))
			.update();
	}

	boolean exists(UUID accountId, ContactType type, String address) {
		return jdbc.sql("select count(*) from notification_contact_method where account_id = :account and type = :type and address = :address")
			.param("account", accountId).param("type", type.name()).param("address", address)
			.query(Long.class).single() > 0;
	}

	Optional<ContactMethod> find(UUID id) {
		return jdbc.sql("select * from notification_contact_method where id = :id").param("id", id)
			.query((rs, n) -> method(rs)).optional();
	}

	/** Locks the row: verification attempts by two requests at once count twice, never once. */
	Optional<ContactMethod> lock(UUID id) {
		return jdbc.sql("select * from notification_contact_method where id = :id for update").param("id", id)
			.query((rs, n) -> method(rs)).optional();
	}

	List<ContactMethod> of(UUID accountId) {
		return jdbc.sql("select * from notification_contact_method where account_id = :account order by created_at, id")
			.param("account", accountId).query((rs, n) -> method(rs)).list();
	}

	/** The verified method of this type and address, whoever owns it: an SMS reply's sender. */
	List<ContactMethod> verifiedAt(ContactType type, String address) {
		return jdbc.sql("""
				select * from notification_contact_method where type = :type and address = :address
				and verified_at is not null order by verified_at desc""")
			.param("type", type.name()).param("address", address).query((rs, n) -> method(rs)).list();
	}

	void newCode(UUID id, String codeHash, Instant expiresAt) {
		jdbc.sql("update notification_contact_method set code_hash = :hash, code_expires_at = :expires, code_attempts = 0 where id = :id")
			.param("id", id).param("hash", codeHash).param("expires", Sql.timestamp(expiresAt)).update();
	}

	void wrongCode(UUID id) {
		jdbc.sql("update notification_contact_method set code_attempts = code_attempts + 1 where id = :id").param("id", id)
			.update();
	}

	void verified(UUID id, Instant at) {
		jdbc.sql("update notification_contact_method set verified_at = :at, code_hash = null, code_expires_at = null where id = :id")
			.param("id", id).param("at", Sql.timestamp(at)).update();
	}

	boolean delete(UUID id) {
		return jdbc.sql("delete from notification_contact_method where id = :id").param("id", id).update() == 1;
	}

	// ---- rules ----

	void insert(NotificationRule rule) {
		jdbc.sql("""
				insert into notification_rule (id, account_id, urgency, contact_method_id, delay_minutes, created_at)
				values (:id, :account, :urgency, :method, :delay, :createdAt)""")
			.param("id", rule.id()).param("account", rule.accountId()).param("urgency", rule.urgency().name())
			.param("method", rule.contactMethodId()).param("delay", rule.delayMinutes())
			.param("createdAt", Sql.timestamp(rule.createdAt()))
			.update();
	}

	boolean ruleExists(UUID accountId, Urgency urgency, UUID methodId, int delayMinutes) {
		return jdbc.sql("""
				select count(*) from notification_rule where account_id = :account and urgency = :urgency
				and contact_method_id = :method and delay_minutes = :delay""")
			.param("account", accountId).param("urgency", urgency.name()).param("method", methodId)
			.param("delay", delayMinutes).query(Long.class).single() > 0;
	}

	Optional<NotificationRule> rule(UUID id) {
		return jdbc.sql("select * from notification_rule where id = :id").param("id", id).query((rs, n) -> rule(rs))
			.optional();
	}

	/** A person's rules, by urgency (high first), then delay. */
	List<NotificationRule> rules(UUID accountId) {
		return jdbc.sql("select * from notification_rule where account_id = :account order by urgency, delay_minutes, created_at, id")
			.param("account", accountId).query((rs, n) -> rule(rs)).list();
	}

	boolean deleteRule(UUID id) {
		return jdbc.sql("delete from notification_rule where id = :id").param("id", id).update() == 1;
	}

	private static ContactMethod method(ResultSet rs) throws SQLException {
		return new ContactMethod(Sql.uuid(rs, "id"), Sql.uuid(rs, "account_id"), ContactType.valueOf(rs.getString("type")),
				rs.getString("address"), rs.getString("label"), rs.getString("secret"), Sql.instant(rs, "verified_at"),
				rs.getString("code_hash"), Sql.instant(rs, "code_expires_at"), rs.getInt("code_attempts"),
				Sql.instant(rs, "created_at"));
	}

	private static NotificationRule rule(ResultSet rs) throws SQLException {
		return new NotificationRule(Sql.uuid(rs, "id"), Sql.uuid(rs, "account_id"), Urgency.valueOf(rs.getString("urgency")),
				Sql.uuid(rs, "contact_method_id"), rs.getInt("delay_minutes"), Sql.instant(rs, "created_at"));
	}
}
