package dev.firebreak.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.firebreak.alerting.AlertStatus;
import dev.firebreak.notification.NotificationTest;
import dev.firebreak.notification.Subject;
import dev.firebreak.notification.TestMail;

/**
 * A page about an alert that opened no incident says what an incident's page says: severity,
 * service, summary, how to acknowledge, the link. Its one-click link and its reply code
 * acknowledge the alert, as the person paged.
 */
class AlertPageMessagesTests extends NotificationTest {

	private static final Pattern ACK_LINK = Pattern.compile("http://localhost:8080(/notifications/ack/[A-Za-z0-9_\\-.]+)");

	@Autowired
	MessageWriter writer;

	@Autowired
	AckLinks links;

	@Autowired
	NotificationSettings settings;

	@Test
	void theMailSaysHowToAcknowledgeAndItsLinkAcknowledgesTheAlert() throws Exception {
		var alice = person("responder");
		var address = address("alice");
		rule(alice, "high", verifiedEmail(alice, address), 0);
		var alert = alert("Checkout error rate 12%");

		page(key(), alice, alert, "level 1 of Payments on-call");
		settle();

		var mail = pages(address).get(0);
		assertThat(TestMail.subject(mail)).startsWith("[CRITICAL] Alert: Checkout error rate 12% — payments-");
		var text = TestMail.text(mail);
		var code = writer.page(Subject.alert(alert.id()), alice.id(), null).replyCode();
		assertThat(code).matches("A\\d+");
		assertThat(text).contains("Severity: CRITICAL", "Service: payments-", "Summary: Checkout error rate 12%",
				"Why you: level 1 of Payments on-call", "Acknowledge with one click: ",
				"Or reply " + code + " to an SMS page to acknowledge.",
				"Open the alert: http://localhost:8080/alerts/" + alert.id());
		assertThat(TestMail.html(mail)).contains(">Acknowledge</a>");

		var link = ACK_LINK.matcher(text);
		assertThat(link.find()).isTrue();
		var shown = mvc.perform(get(URI.create(link.group(1)))).andReturn().getResponse();
		assertThat(shown.getStatus()).isEqualTo(200);
		assertThat(shown.getContentAsString(StandardCharsets.UTF_8)).contains("Alert: Checkout error rate 12%",
				"you take this alert on", "Acknowledge</button>", "/alerts/" + alert.id());
		assertThat(alerts.find(alert.id()).orElseThrow().status()).as("mail scanners open links").isEqualTo(AlertStatus.TRIGGERED);

		var acknowledged = mvc.perform(post(URI.create(link.group(1)))).andReturn().getResponse();
		assertThat(acknowledged.getStatus()).isEqualTo(200);
		assertThat(acknowledged.getContentAsString(StandardCharsets.UTF_8)).contains("The alert is acknowledged");
		assertThat(alerts.find(alert.id()).orElseThrow()).satisfies(now -> {
			assertThat(now.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
			assertThat(now.acknowledgedAt()).isEqualTo(clock.instant());
		});

		var again = mvc.perform(post(URI.create(link.group(1)))).andReturn().getResponse();
		assertThat(again.getContentAsString(StandardCharsets.UTF_8)).contains("The alert was acknowledged already");
	}

	@Test
	void aTamperedForgedOrExpiredAlertLinkChangesNothing() throws Exception {
		var bea = person("responder");
		var address = address("bea");
		rule(bea, "high", verifiedEmail(bea, address), 0);
		var alert = alert("Disk 91% full");
		var other = alert("Disk 95% full");
		page(key(), bea, alert, "on call");
		settle();
		var link = ACK_LINK.matcher(TestMail.text(pages(address).get(0)));
		assertThat(link.find()).isTrue();
		var path = link.group(1);
		var mac = path.substring(path.lastIndexOf('.'));
		var forged = AckLinks.PATH + links.token(Subject.alert(other.id()), bea.id(), clock.instant().plusSeconds(60))
			.replaceAll("\\..*$", "") + mac;
		var truncated = path.substring(0, path.length() - 2) + (path.endsWith("A") ? "BB" : "AA");

		for (var tampered : List.of(forged, truncated)) {
			var refused = mvc.perform(post(URI.create(tampered))).andReturn().getResponse();
			assertThat(refused.getStatus()).isEqualTo(400);
			assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("This link is not valid");
		}
		clock.advance(settings.ackLinkValidFor());
		var expired = mvc.perform(post(URI.create(path))).andReturn().getResponse();
		assertThat(expired.getStatus()).isEqualTo(410);
		assertThat(expired.getContentAsString(StandardCharsets.UTF_8)).contains("expired", "Open the alert");

		assertThat(alerts.find(alert.id()).orElseThrow().status()).isEqualTo(AlertStatus.TRIGGERED);
		assertThat(alerts.find(other.id()).orElseThrow().status()).isEqualTo(AlertStatus.TRIGGERED);
	}

	@Test
	void aLinkForAnAlertThatIsGoneOrAPersonWhoIsGoneSaysSo() throws Exception {
		var cleo = person("responder");
		var gone = AckLinks.PATH + links.token(Subject.alert(UUID.randomUUID()), cleo.id(), clock.instant().plusSeconds(60));
		var nobody = AckLinks.PATH
				+ links.token(Subject.alert(alert("Queue backlog").id()), UUID.randomUUID(), clock.instant().plusSeconds(60));

		for (var path : List.of(gone, nobody)) {
			var refused = mvc.perform(post(URI.create(path))).andReturn().getResponse();
			assertThat(refused.getStatus()).isEqualTo(410);
			assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("Nothing to acknowledge");
		}
	}

	@Test
	void theSmsKeepsItsCodeAndLinkInOneSegmentWhateverTheSummary() {
		var dan = person("responder");
		var summary = "Latency p99 “above” 2 s on every checkout node — " + "the queue grows ".repeat(12) + "🔥";
		var alert = alert(summary);

		var message = writer.page(Subject.alert(alert.id()), dan.id(), "level 1");

		var code = message.replyCode();
		var tail = " Reply " + code + " to ack. http://localhost:8080/alerts/" + alert.id();
		assertThat(message.smsText()).startsWith("CRITICAL alert " + code + ": Latency p99 \"above\" 2 s").endsWith(tail);
		assertThat(TwilioSmsText.septets(message.smsText())).isLessThanOrEqualTo(TwilioSmsText.SEPTETS);
		assertThat(TwilioSmsText.of(message.smsText(), TwilioSmsText.CONCATENATED_SEPTETS))
			.as("GSM characters only").isEqualTo(message.smsText());
		assertThat(message.shortText()).hasSizeLessThanOrEqualTo(MessageWriter.SHORT_MAX).endsWith(" Reply " + code + " to ack.");
		assertThat(message.acknowledgeUrl()).startsWith("http://localhost:8080" + AckLinks.PATH);
		assertThat(links.read(message.acknowledgeUrl().substring(message.acknowledgeUrl().lastIndexOf('/') + 1)))
			.satisfies(ack -> {
				assertThat(ack.subject()).isEqualTo(Subject.alert(alert.id()));
				assertThat(ack.accountId()).isEqualTo(dan.id());
			});
	}

	@Test
	void anAlertKeepsOneCodeForEveryoneAndTwoAlertsHaveTwo() {
		var first = alert("Errors on checkout");
		var second = alert("Errors on search");

		var forEve = writer.page(Subject.alert(first.id()), person("responder").id(), null).replyCode();
		var forFay = writer.page(Subject.alert(first.id()), person("responder").id(), null).replyCode();
		var another = writer.page(Subject.alert(second.id()), person("responder").id(), null).replyCode();

		assertThat(forFay).isEqualTo(forEve);
		assertThat(another).isNotEqualTo(forEve).matches("A\\d+");
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyChannelsRenderingOfAnAlertPageCarriesTheAcknowledgeLinkAndCode() {
		var alert = alert("Checkout error rate 12%");
		var message = writer.page(Subject.alert(alert.id()), person("responder").id(), "level 1");

		var push = WebhookPayload.of(message, clock.instant());
		assertThat(push.type()).isEqualTo(WebhookPayload.PAGE);
		assertThat(push.acknowledgeUrl()).isEqualTo(message.acknowledgeUrl()).isNotNull();
		assertThat(push.replyCode()).isEqualTo(message.replyCode()).isNotNull();
		assertThat(push.link()).isEqualTo("http://localhost:8080/alerts/" + alert.id());

		assertThat(SlackBlocks.message(message).toString()).contains("<" + message.acknowledgeUrl() + "|Acknowledge>");
		var card = (Map<String, Object>) ((List<Map<String, Object>>) TeamsWebhookSender.card(message).get("attachments"))
			.get(0).get("content");
		assertThat((List<Object>) card.get("actions"))
			.contains(Map.of("type", "Action.OpenUrl", "title", "Acknowledge", "url", message.acknowledgeUrl()));
		assertThat(TwilioTwiml.call(message.shortText(), "http://localhost:8080/notifications/twilio/voice/" + message.replyCode()))
			.contains("Reply " + message.replyCode() + " to ack.", "Press 1 to acknowledge.");
	}
}
