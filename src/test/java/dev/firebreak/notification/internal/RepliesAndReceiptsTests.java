package dev.firebreak.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.firebreak.FakeProviders;
import dev.firebreak.alerting.AlertStatus;
import dev.firebreak.incident.Severity;
import dev.firebreak.notification.ContactType;
import dev.firebreak.notification.DeliveryStatus;
import dev.firebreak.notification.NotificationTest;
import dev.firebreak.notification.PageRequest;
import dev.firebreak.notification.Subject;
import dev.firebreak.notification.Urgency;

/** What comes back: an SMS reply acknowledges as the person who owns the number; a receipt marks the row. */
class RepliesAndReceiptsTests extends NotificationTest {

	@Autowired
	InboundReplies replies;

	@Autowired
	DeliveryReceipts receipts;

	@Autowired
	ContactMethodStore methods;

	@Autowired
	DeliveryStore store;

	@Autowired
	MessageWriter writer;

	@Test
	void aReplyWithTheNumberAcknowledgesAnIncidentThePersonWasPagedAbout() {
		var jo = person("responder");
		var phone = phone();
		var incident = incident("Checkout fails", Severity.SEV1, List.of());
		var other = incident("Not paged about", Severity.SEV2, List.of());
		pagedBySms(jo, phone, incident.number());

		assertThat(replies.reply(ContactType.SMS, phone, "ack " + other.number())).contains("No page to you");
		assertThat(replies.reply(ContactType.SMS, phone, "hello")).isEqualTo(AcknowledgeReplies.HELP);
		assertThat(replies.reply(ContactType.SMS, "+19999999999", "ACK INC-" + incident.number()))
			.contains("not a verified contact method");
		assertThat(incidents.find(incident.number()).orElseThrow().milestones().acknowledgedAt()).isNull();

		assertThat(replies.reply(ContactType.SMS, phone, "ACK INC-" + incident.number()))
			.isEqualTo(incident.id() + " acknowledged. Thank you.");
		assertThat(incidents.find(incident.number()).orElseThrow().milestones().acknowledgedAt()).isNotNull();
		assertThat(replies.reply(ContactType.SMS, phone, Long.toString(incident.number()))).contains("acknowledged already");
		assertThat(incidents.find(other.number()).orElseThrow().milestones().acknowledgedAt()).isNull();
	}

	@Test
	void aBareAckTakesTheMostRecentUnacknowledgedPage() {
		var kim = person("responder");
		var phone = phone();
		var older = incident("Older", Severity.SEV2, List.of());
		var newer = incident("Newer", Severity.SEV2, List.of());
		pagedBySms(kim, phone, older.number());
		clock.advance(java.time.Duration.ofSeconds(1));
		pagedBySms(kim, phone, newer.number());

		assertThat(replies.reply(ContactType.SMS, phone, "ack")).startsWith(newer.id());
		assertThat(replies.reply(ContactType.SMS, phone, " Ack ")).startsWith(older.id());
		assertThat(replies.reply(ContactType.SMS, phone, "ack")).contains("no unacknowledged page");
	}

	@Test
	void aReplyWithTheCodeAcknowledgesAnAlertThePersonWasPagedAbout() {
		var max = person("responder");
		var phone = phone();
		var alert = alert("Checkout error rate 12%");
		var other = alert("Not paged about");
		pagedBySms(max, phone, Subject.alert(alert.id()));
		var code = writer.page(Subject.alert(alert.id()), max.id(), null).replyCode();
		var otherCode = writer.page(Subject.alert(other.id()), null, null).replyCode();
		var sms = FakeProviders.smsTo(phone).get(FakeProviders.smsTo(phone).size() - 1).form().get("Body");
		assertThat(sms).contains("Reply " + code + " to ack.");

		assertThat(replies.reply(ContactType.SMS, phone, "ack " + otherCode)).contains("No page to you for alert " + otherCode);
		assertThat(replies.reply(ContactType.SMS, phone, "A999999999999")).contains("No page to you");
		assertThat(replies.reply(ContactType.SMS, "+19999999999", code)).contains("not a verified contact method");
		assertThat(alerts.find(alert.id()).orElseThrow().status()).isEqualTo(AlertStatus.TRIGGERED);

		assertThat(replies.reply(ContactType.SMS, phone, " Ack " + code.toLowerCase(java.util.Locale.ROOT) + " "))
			.isEqualTo("Alert " + code + " acknowledged. Thank you.");
		assertThat(alerts.find(alert.id()).orElseThrow().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
		assertThat(replies.reply(ContactType.SMS, phone, "alert-" + code.substring(1))).contains("acknowledged already");
		assertThat(alerts.find(other.id()).orElseThrow().status()).isEqualTo(AlertStatus.TRIGGERED);
	}

	@Test
	void aBareAckTakesTheMostRecentUnacknowledgedPageAlertOrIncident() {
		var nia = person("responder");
		var phone = phone();
		var incident = incident("Older", Severity.SEV2, List.of());
		var alert = alert("Newer");
		pagedBySms(nia, phone, Subject.incident(incident.number()));
		clock.advance(java.time.Duration.ofMinutes(2));
		pagedBySms(nia, phone, Subject.alert(alert.id()));

		assertThat(replies.reply(ContactType.SMS, phone, "ack")).startsWith("Alert A").endsWith("acknowledged. Thank you.");
		assertThat(alerts.find(alert.id()).orElseThrow().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
		assertThat(replies.reply(ContactType.SMS, phone, "ack")).startsWith(incident.id());
		assertThat(replies.reply(ContactType.SMS, phone, "ack")).contains("no unacknowledged page");
	}

	@Test
	void receiptsMarkTheRowsWithThatProviderAnswer() {
		var lee = person("responder");
		var address = address("lee");
		rule(lee, "high", verifiedEmail(lee, address), 0);
		var incident = incident("Receipts", Severity.SEV3, List.of());
		page(key(), lee, incident, "level 1");
		settle();
		var row = store.bySubject(Subject.incident(incident.number()).key()).get(0);

		assertThat(receipts.delivered("no such id " + UUID.randomUUID())).isFalse();
		assertThat(receipts.delivered(row.providerAnswer())).isTrue();
		assertThat(store.find(row.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);

		assertThat(receipts.failed(row.providerAnswer(), "handset unreachable")).isTrue();
		var failed = store.find(row.id()).orElseThrow();
		assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(failed.note()).isEqualTo("handset unreachable");
		assertThat(receipts.failed(row.providerAnswer(), "again")).isTrue();
		assertThat(store.find(row.id()).orElseThrow().note()).isEqualTo("handset unreachable");
	}

	/** A verified SMS method (set up directly: this build may have no SMS channel to send a code) and a page by it. */
	private void pagedBySms(Person person, String phone, long incidentNumber) {
		pagedBySms(person, phone, Subject.incident(incidentNumber));
	}

	private void pagedBySms(Person person, String phone, Subject subject) {
		var existing = methods.verifiedAt(ContactType.SMS, phone).stream().filter(m -> m.accountId().equals(person.id()))
			.findFirst();
		var methodId = existing.map(ContactMethod::id).orElseGet(() -> {
			var id = UUID.randomUUID();
			methods.insert(new ContactMethod(id, person.id(), ContactType.SMS, phone, "phone", null, clock.instant(), null,
					null, 0, clock.instant()));
			return id;
		});
		if (existing.isEmpty()) {
			rule(person, "high", methodId, 0);
		}
		notifications.page(new PageRequest(key(), person.id(), Urgency.HIGH, subject, "level 1"));
		settle();
		assertThat(store.bySubject(subject.key()))
			.anySatisfy(row -> assertThat(row.contactType()).isEqualTo(ContactType.SMS));
	}

	private static String phone() {
		return "+49151" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
	}
}
