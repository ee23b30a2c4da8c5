package dev.firebreak.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.firebreak.notification.ContactType;
import dev.firebreak.notification.DeliveryStatus;
import dev.firebreak.notification.PageRecord;
import dev.firebreak.notification.PageRequest;
import dev.firebreak.notification.Urgency;
import dev.firebreak.notification.Subject;
import dev.firebreak.platform.Sql;

/**
 * The delivery log. Every change of a row's status is a compare-and-set on its current status, so
 * two instances (or a retry racing a stop) never both act on one row.
 */
@Repository
class DeliveryStore {

	private final JdbcClient jdbc;

	DeliveryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @return false when a page with this key was already asked for (by this instance or another) */
	boolean insertPage(PageRequest page, Instant acceptedAt, UUID runbookId) {
		return jdbc.sql("""
				insert into notification_page (page_key, account_id, urgency, subject_key, reason, accepted_at, runbook_id)
				values (:key, :account, :urgency, :subject, :reason, :at, :runbook) on conflict do nothing""")
			.param("key", page.key()).param("account", page.accountId()).param("urgency", page.urgency().name())
			.param("subject", page.subject().key()).param("reason", page.reason()).param("at", Sql.timestamp(acceptedAt))
			.param("runbook", runbookId)
			.update() == 1;
	}

	/** The runbook the page of this key pointed to; empty when it had none. */
	Optional<UUID> runbookOfPage(String pageKey) {
		return jdbc.sql("select runbook_id from notification_page where page_key = :key and runbook_id is not null")
			.param("key", pageKey).query((rs, n) -> Sql.uuid(rs, "runbook_id")).optional();
	}

	List<PageRecord> pages(Instant from, Instant to) {
		return jdbc.sql("""
				select * from notification_page where accepted_at >= :from and accepted_at < :to
				order by accepted_at, page_key""")
			.param("from", Sql.timestamp(from)).param("to", Sql.timestamp(to))
			.query((rs, n) -> new PageRecord(rs.getString("page_key"), Sql.uuid(rs, "account_id"),
					Urgency.valueOf(rs.getString("urgency")), subject(rs.getString("subject_key")), rs.getString("reason"),
					Sql.instant(rs, "accepted_at"), Sql.uuid(rs, "runbook_id")))
			.list();
	}

	/** The subject of a {@link Subject#key()}. */
	static Subject subject(String key) {
		return key.startsWith("alert:") ? Subject.alert(UUID.fromString(key.substring("alert:".length())))
				: Subject.incident(Long.parseLong(key.substring("INC-".length())));
	}

	/** @return false when a row with this key exists already: the message was queued before */
	boolean insert(DeliveryRow row) {
		return jdbc.sql("""
				insert into notification_delivery (id, delivery_key, kind, page_key, step, subject_key, incident_number,
				  alert_id, account_id, channel_id, contact_method_id, contact_type, address, title, body, link, reason, note,
				  status, attempts, provider_answer, message_id, due_at, created_at, sent_at, cancelled_at)
				values (:id, :key, :kind, :pageKey, :step, :subjectKey, :incident, :alert, :account, :channel, :method,
				  :type, :address, :title, :body, :link, :reason, :note, :status, :attempts, :answer, :message, :dueAt,
				  :createdAt, :sentAt, null)
				on conflict do nothing""")
			.param("id", row.id()).param("key", row.key()).param("kind", row.kind().name()).param("pageKey", row.pageKey())
			.param("step", row.step()).param("subjectKey", row.subject() == null ? null : row.subject().key())
			.param("incident", row.incidentNumber()).param("alert", row.alertId()).param("account", row.accountId())
			.param("channel", row.channelId()).param("method", row.contactMethodId())
			.param("type", row.contactType() == null ? null : row.contactType().name()).param("address", row.address())
			.param("title", row.title()).param("body", row.body()).param("link", row.link()).param("reason", row.reason())
			.param("note", row.note()).param("status", row.status().name()).param("attempts", row.attempts())
			.param("answer", row.providerAnswer()).param("message", row.messageId())
			.param("dueAt", Sql.timestamp(row.dueAt())).param("createdAt", Sql.timestamp(row.createdAt()))
			.param("sentAt", Sql.timestamp(row.sentAt()))
			.update() == 1;
	}

	Optional<DeliveryRow> find(UUID id) {
		return jdbc.sql("select * from notification_delivery where id = :id").param("id", id).query((rs, n) -> row(rs))
			.optional();
	}

	Optional<DeliveryRow> byKey(String key) {
		return jdbc.sql("select * from notification_delivery where delivery_key = :key").param("key", key)
			.query((rs, n) -> row(rs)).optional();
	}

	/** A person's most recent deliveries, newest first. */
	List<DeliveryRow> byAccount(UUID accountId, int limit) {
		return jdbc.sql("select * from notification_delivery where account_id = :account order by created_at desc, step desc, id limit :limit")
			.param("account", accountId).param("limit", limit).query((rs, n) -> row(rs)).list();
	}

	/** Whether a page about this incident was handed to a channel already. */
	boolean anyPageSent(long incidentNumber) {
		return jdbc.sql("""
				select 1 from notification_delivery
				where incident_number = :incident and kind = 'PAGE' and sent_at is not null limit 1""")
			.param("incident", incidentNumber).query(Integer.class).optional().isPresent();
	}

	List<DeliveryRow> bySubject(String subjectKey) {
		return jdbc.sql("select * from notification_delivery where subject_key = :subject order by created_at, step, id")
			.param("subject", subjectKey).query((rs, n) -> row(rs)).list();
	}

	/** The rows queued for one person's address and due now: what one (bundled) message carries. */
	List<DeliveryRow> dueFor(ContactType type, String address, Instant now) {
		return jdbc.sql("""
				select * from notification_delivery where contact_type = :type and address = :address
				and status = 'QUEUED' and due_at <= :now and kind in ('PAGE', 'NOTICE') and channel_id is null
				order by due_at, created_at, id""")
			.param("type", type.name()).param("address", address).param("now", Sql.timestamp(now))
			.query((rs, n) -> row(rs)).list();
	}

	/** Claims a queued row for sending: true for exactly one caller. */
	boolean claim(UUID id) {
		return jdbc.sql("update notification_delivery set status = 'SENDING', attempts = attempts + 1 where id = :id and status = 'QUEUED'")
			.param("id", id).update() == 1;
	}

	int sent(Collection<UUID> ids, String answer, UUID messageId, Instant at) {
		return jdbc.sql("""
				update notification_delivery set status = 'SENT', provider_answer = :answer, message_id = :message, sent_at = :at
				where id in (:ids) and status = 'SENDING'""")
			.param("ids", List.copyOf(ids)).param("answer", answer).param("message", messageId)
			.param("at", Sql.timestamp(at)).update();
	}

	/** Puts a claimed row back in the queue for a later try. */
	void requeue(UUID id, Instant dueAt, String answer) {
		jdbc.sql("update notification_delivery set status = 'QUEUED', due_at = :due, provider_answer = :answer where id = :id and status = 'SENDING'")
			.param("id", id).param("due", Sql.timestamp(dueAt)).param("answer", answer).update();
	}

	/** Moves a queued row to a later time (a throttle), or earlier (a fall-through). */
	void reschedule(UUID id, Instant dueAt) {
		jdbc.sql("update notification_delivery set due_at = :due where id = :id and status = 'QUEUED'")
			.param("id", id).param("due", Sql.timestamp(dueAt)).update();
	}

	boolean failed(UUID id, DeliveryStatus from, String reason) {
		return jdbc.sql("update notification_delivery set status = 'FAILED', provider_answer = :reason where id = :id and status = :from")
			.param("id", id).param("from", from.name()).param("reason", reason).update() == 1;
	}

	/** A provider reported that a message it took did not arrive: its answer stays, the reason goes in the note. */
	boolean undelivered(UUID id, String reason) {
		return jdbc.sql("update notification_delivery set status = 'FAILED', note = :reason where id = :id and status in ('SENT', 'DELIVERED')")
			.param("id", id).param("reason", reason).update() == 1;
	}

	/** @return the ids of the rows marked */
	List<UUID> byProviderAnswer(String answer, DeliveryStatus status) {
		return jdbc.sql("select id from notification_delivery where provider_answer = :answer and status = :status")
			.param("answer", answer).param("status", status.name()).query(UUID.class).list();
	}

	boolean delivered(UUID id) {
		return jdbc.sql("update notification_delivery set status = 'DELIVERED' where id = :id and status = 'SENT'")
			.param("id", id).update() == 1;
	}

	/** Cancels every queued page step about a subject; sent ones stay as they were. */
	int cancel(String subjectKey, Instant at) {
		return jdbc.sql("""
				update notification_delivery set status = 'CANCELLED', cancelled_at = :at
				where subject_key = :subject and status = 'QUEUED' and kind = 'PAGE'""")
			.param("subject", subjectKey).param("at", Sql.timestamp(at)).update();
	}

	/** The step of a page that comes after {@code step} and has not gone out yet. */
	Optional<DeliveryRow> nextQueuedStep(String pageKey, int step) {
		return jdbc.sql("""
				select * from notification_delivery where page_key = :page and step > :step and status = 'QUEUED'
				order by step limit 1""")
			.param("page", pageKey).param("step", step).query((rs, n) -> row(rs)).optional();
	}

	/** When the messages (not rows: a bundle is one) sent to this address since {@code since} went, newest first. */
	List<Instant> messagesSince(ContactType type, String address, Instant since) {
		return jdbc.sql("""
				select max(sent_at) as sent_at from notification_delivery
				where contact_type = :type and address = :address and sent_at > :since and message_id is not null
				and kind in ('PAGE', 'NOTICE') and channel_id is null
				group by message_id order by 1 desc""")
			.param("type", type.name()).param("address", address).param("since", Sql.timestamp(since))
			.query((rs, n) -> Sql.instant(rs, "sent_at")).list();
	}

	/** The incidents and alerts this person was paged about, most recently paged first. */
	List<Subject> subjectsPaged(UUID accountId) {
		return jdbc.sql("""
				select incident_number, alert_id, max(created_at) as latest from notification_delivery
				where account_id = :account and kind = 'PAGE'
				group by incident_number, alert_id order by latest desc""")
			.param("account", accountId).query((rs, n) -> {
				var number = rs.getLong("incident_number");
				return rs.wasNull() ? Subject.alert(Sql.uuid(rs, "alert_id")) : Subject.incident(number);
			}).list();
	}

	boolean paged(UUID accountId, Subject subject) {
		return jdbc.sql("select count(*) from notification_delivery where account_id = :account and kind = 'PAGE' and subject_key = :subject")
			.param("account", accountId).param("subject", subject.key()).query(Long.class).single() > 0;
	}

	private static DeliveryRow row(ResultSet rs) throws SQLException {
		var type = rs.getString("contact_type");
		var number = rs.getLong("incident_number");
		Long incident = rs.wasNull() ? null : number;
		return new DeliveryRow(Sql.uuid(rs, "id"), rs.getString("delivery_key"), DeliveryRow.Kind.valueOf(rs.getString("kind")),
				rs.getString("page_key"), rs.getInt("step"), incident, Sql.uuid(rs, "alert_id"),
				Sql.uuid(rs, "account_id"), Sql.uuid(rs, "channel_id"), Sql.uuid(rs, "contact_method_id"),
				type == null ? null : ContactType.valueOf(type), rs.getString("address"), rs.getString("title"),
				rs.getString("body"), rs.getString("link"), rs.getString("reason"), rs.getString("note"),
				DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("provider_answer"),
				Sql.uuid(rs, "message_id"), Sql.instant(rs, "due_at"), Sql.instant(rs, "created_at"),
				Sql.instant(rs, "sent_at"), Sql.instant(rs, "cancelled_at"));
	}
}
