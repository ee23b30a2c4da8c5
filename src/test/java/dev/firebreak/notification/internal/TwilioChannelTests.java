package dev.firebreak.notification.internal;

import static dev.firebreak.notification.internal.WebhookFixtures.PAGE;
import static dev.firebreak.notification.internal.WebhookFixtures.form;
import static dev.firebreak.notification.internal.WebhookFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import org.w3c.dom.Element;

import dev.firebreak.notification.ContactType;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** SMS and voice against a fake of Twilio's REST API, answering as Twilio documents. */
class TwilioChannelTests {

	private static final String SID = "AC0123456789abcdef0123456789abcdef";

	private static final String TOKEN = "auth-token-secret";

	private static final Destination PHONE = new Destination(ContactType.SMS, "+15551230000", null);

	private static final Destination VOICE = new Destination(ContactType.VOICE, "+15551230000", null);

	private final MockWebServer twilio = new MockWebServer();

	private TwilioChannel channel;

	@BeforeEach
	void start() throws Exception {
		twilio.start();
		channel = channel(twilio.url("/").toString(), SID, TOKEN, "+15550009999");
	}

	@AfterEach
	void stop() {
		twilio.close();
	}

	private static TwilioChannel channel(String baseUrl, String sid, String token, String from) {
		var properties = new TwilioProperties(baseUrl, sid, token, from, Duration.ofSeconds(2), Duration.ofMillis(500));
		return new TwilioChannel(properties, "https://ops.example/", RestClient.builder());
	}

	@Test
	void sendsAnSmsAsTwilioExpectsAndKeepsTheMessageSid() throws Exception {
		twilio.enqueue(json(201, """
				{"sid": "SM1234567890abcdef1234567890abcdef", "status": "queued", "to": "+15551230000"}"""));

		var answer = channel.send(PHONE, PAGE);

		assertThat(answer).isEqualTo("SM1234567890abcdef1234567890abcdef");
		var request = twilio.takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo(
				"Basic " + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
		assertThat(request.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
		var form = form(body(request));
		assertThat(form).containsOnlyKeys("To", "From", "Body", "StatusCallback");
		assertThat(form).containsEntry("To", "+15551230000")
			.containsEntry("From", "+15550009999")
			.containsEntry("Body", "SEV1 INC-42 Checkout fails - payments. Reply 42 to ack")
			.containsEntry("StatusCallback", "https://ops.example/notifications/twilio/status");
	}

	@Test
	void anSmsBodyIsOneGsmSegment() throws Exception {
		twilio.enqueue(json(201, "{\"sid\": \"SM1\"}"));
		var longText = new OutboundMessage("t", "text", "ü€ " + "x".repeat(300), "https://l", null, null);

		channel.send(PHONE, longText);

		var sent = form(body(twilio.takeRequest())).get("Body");
		assertThat(sent).startsWith("ü€ x").hasSize(159);
	}

	@Test
	void aPageIsSentWithItsSmsTextAndACallStillSpeaksTheShortText() throws Exception {
		twilio.enqueue(json(201, "{\"sid\": \"SM2\"}"));
		twilio.enqueue(json(201, "{\"sid\": \"CA2\"}"));
		var page = new OutboundMessage(PAGE.title(), PAGE.text(), PAGE.shortText(), PAGE.link(), PAGE.acknowledgeUrl(),
				PAGE.replyCode(), "SEV1 INC-42 Checkout fails. Reply 42 to ack. " + PAGE.link());

		channel.send(PHONE, page);
		channel.send(VOICE, page);

		assertThat(form(body(twilio.takeRequest())).get("Body")).isEqualTo(page.smsText());
		assertThat(form(body(twilio.takeRequest())).get("Twiml")).contains(PAGE.shortText())
			.doesNotContain(PAGE.link());
	}

	@Test
	void callsWithTwimlThatReadsTheTextTwiceAndGathersTheAcknowledgement() throws Exception {
		twilio.enqueue(json(201, "{\"sid\": \"CA1234567890abcdef1234567890abcdef\", \"status\": \"queued\"}"));

		var answer = channel.send(VOICE, PAGE);

		assertThat(answer).isEqualTo("CA1234567890abcdef1234567890abcdef");
		var request = twilio.takeRequest();
		assertThat(request.getTarget()).isEqualTo("/2010-04-01/Accounts/" + SID + "/Calls.json");
		var form = form(body(request));
		assertThat(form).containsOnlyKeys("To", "From", "Twiml", "StatusCallback");
		assertThat(form).containsEntry("To", "+15551230000").containsEntry("From", "+15550009999")
			.containsEntry("StatusCallback", "https://ops.example/notifications/twilio/status");
		var twiml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
			.parse(new ByteArrayInputStream(form.get("Twiml").getBytes(StandardCharsets.UTF_8)));
		var says = twiml.getElementsByTagName("Say");
		assertThat(says.item(0).getTextContent()).isEqualTo(PAGE.shortText());
		assertThat(says.item(1).getTextContent()).isEqualTo(PAGE.shortText());
		var gather = (Element) twiml.getElementsByTagName("Gather").item(0);
		assertThat(gather.getAttribute("numDigits")).isEqualTo("1");
		assertThat(gather.getAttribute("action")).isEqualTo("https://ops.example/notifications/twilio/voice/42");
	}

	@Test
	void anInvalidNumberIsRefusedForGoodWithTwiliosMessageAndCode() {
		twilio.enqueue(json(400, """
				{"code": 21211, "message": "The 'To' number +1555 is not a valid phone number.",
				 "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}"""));

		assertThatThrownBy(() -> channel.send(PHONE, PAGE)).asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> {
				assertThat(e.retryable()).isFalse();
				assertThat(e.getMessage()).contains("The 'To' number +1555 is not a valid phone number.")
					.contains("21211").contains("HTTP 400");
			});
	}

	@Test
	void wrongCredentialsAreRefusedForGood() {
		twilio.enqueue(json(401, "{\"code\": 20003, \"message\": \"Authenticate\", \"status\": 401}"));

		assertThatThrownBy(() -> channel.send(PHONE, PAGE)).asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> {
				assertThat(e.retryable()).isFalse();
				assertThat(e.getMessage()).contains("Authenticate").contains("20003");
			});
	}

	@Test
	void throttlingIsRetryableAndSaysWhenTwilioAsked() {
		twilio.enqueue(json(429, "{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}").newBuilder()
			.addHeader("Retry-After", "30").build());

		assertThatThrownBy(() -> channel.send(PHONE, PAGE)).asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> {
				assertThat(e.retryable()).isTrue();
				assertThat(e.getMessage()).contains("Too Many Requests").contains("retry after 30 s");
			});
	}

	@Test
	void aServerErrorEvenWithoutJsonIsRetryable() {
		twilio.enqueue(WebhookFixtures.text(503, "<html>Service Unavailable</html>"));

		assertThatThrownBy(() -> channel.send(VOICE, PAGE)).asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> {
				assertThat(e.retryable()).isTrue();
				assertThat(e.getMessage()).contains("HTTP 503").contains("call");
			});
	}

	@Test
	void aTimeoutIsRetryable() {
		twilio.enqueue(WebhookFixtures.stall());

		assertThatThrownBy(() -> channel.send(PHONE, PAGE)).asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> {
				assertThat(e.retryable()).isTrue();
				assertThat(e.getMessage()).contains("Twilio could not be reached: timed out");
			});
	}

	@Test
	void aRefusedConnectionIsRetryable() throws Exception {
		var unreachable = channel(WebhookFixtures.refusingUrl(), SID, TOKEN, "+15550009999");

		assertThatThrownBy(() -> unreachable.send(PHONE, PAGE)).asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> {
				assertThat(e.retryable()).isTrue();
				assertThat(e.getMessage()).contains("Twilio could not be reached");
			});
	}

	@Test
	void withoutCredentialsNothingIsSentAndTheMessageSaysWhatToSet() {
		var unset = channel(twilio.url("/").toString(), "", "", "+15550009999");

		assertThatThrownBy(() -> unset.send(PHONE, PAGE)).asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> {
				assertThat(e.retryable()).isFalse();
				assertThat(e.getMessage()).startsWith("SMS is not set up: set firebreak.notification.twilio.account-sid");
			});
		assertThat(twilio.getRequestCount()).isZero();
	}

	private static String body(RecordedRequest request) {
		return request.getBody().utf8();
	}
}
