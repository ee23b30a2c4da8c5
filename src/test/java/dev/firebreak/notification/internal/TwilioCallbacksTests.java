package dev.firebreak.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import dev.firebreak.notification.ContactType;

/**
 * Twilio's callbacks, the controller built by hand around recorders of what it asks the module:
 * only a request Twilio signed for Firebreak's public URL gets through.
 */
class TwilioCallbacksTests {

	private static final String TOKEN = "auth-token-secret";

	private static final String PUBLIC_URL = "https://ops.example";

	private final RecordedReplies replies = new RecordedReplies();

	private final RecordedReceipts receipts = new RecordedReceipts();

	private final MockMvc mvc = mvc(TOKEN);

	private MockMvc mvc(String token) {
		var properties = new TwilioProperties("https://api.twilio.example", "AC1", token, "+15550009999",
				Duration.ofSeconds(1), Duration.ofSeconds(1));
		return MockMvcBuilders.standaloneSetup(new TwilioCallbacks(replies, receipts, properties, PUBLIC_URL + "/"))
			.build();
	}

	@Test
	void aSignedSmsReplyIsHandedOnAndAnsweredWithTwiml() throws Exception {
		replies.answer = "INC-42 acknowledged";
		var form = sms("+15551230000", "ack 42");

		signed("/notifications/twilio/sms", form, sign("/notifications/twilio/sms", form))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/xml"))
			.andExpect(content().string(
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>INC-42 acknowledged</Message></Response>"));
		assertThat(replies.calls).containsExactly(List.of("sms", "+15551230000", "ack 42"));
	}

	@Test
	void aReplyWithNothingToSayIsAnsweredWithAnEmptyResponse() throws Exception {
		replies.answer = null;
		var form = sms("+15551230000", "hello");

		signed("/notifications/twilio/sms", form, sign("/notifications/twilio/sms", form))
			.andExpect(status().isOk())
			.andExpect(content().string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>"));
	}

	@Test
	void aMissingSignatureIsForbiddenAndNothingHappens() throws Exception {
		signed("/notifications/twilio/sms", sms("+15551230000", "ack 42"), null).andExpect(status().isForbidden());

		assertThat(replies.calls).isEmpty();
	}

	@Test
	void aSignatureOverOtherParametersIsForbidden() throws Exception {
		var signedForm = sms("+15551230000", "ack 41");
		var sentForm = sms("+15551230000", "ack 42");

		signed("/notifications/twilio/sms", sentForm, sign("/notifications/twilio/sms", signedForm))
			.andExpect(status().isForbidden());
		assertThat(replies.calls).isEmpty();
	}

	@Test
	void aSignatureWithAnotherTokenIsForbidden() throws Exception {
		var form = sms("+15551230000", "ack 42");
		var forged = TwilioSignature.sign("another-token", PUBLIC_URL + "/notifications/twilio/sms", multi(form));

		signed("/notifications/twilio/sms", form, forged).andExpect(status().isForbidden());
		assertThat(replies.calls).isEmpty();
	}

	@Test
	void theSignedUrlIsTheConfiguredPublicOneNotTheHostTheRequestArrivedAt() throws Exception {
		var form = sms("+15551230000", "ack 42");
		var forTheInnerHost = TwilioSignature.sign(TOKEN, "http://localhost/notifications/twilio/sms", multi(form));

		signed("/notifications/twilio/sms", form, forTheInnerHost).andExpect(status().isForbidden());
		assertThat(replies.calls).isEmpty();
	}

	@Test
	void aQueryStringIsSignedAsPartOfTheUrlNotAsParameters() throws Exception {
		replies.answer = "ok";
		var form = sms("+15551230000", "ack 42");

		signed("/notifications/twilio/sms?tenant=eu", form, sign("/notifications/twilio/sms?tenant=eu", form))
			.andExpect(status().isOk());
		assertThat(replies.calls).hasSize(1);
	}

	@Test
	void withoutAnAuthTokenNothingCanBeVerifiedSoEverythingIsForbidden() throws Exception {
		var form = sms("+15551230000", "ack 42");
		var signedByTwilio = sign("/notifications/twilio/sms", form);

		var notSetUp = mvc("");
		notSetUp.perform(post("/notifications/twilio/sms").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content(encode(form)).header(TwilioSignature.HEADER, signedByTwilio)).andExpect(status().isForbidden());
		assertThat(replies.calls).isEmpty();
	}

	@Test
	void aDeliveredMessageIsReportedByItsSid() throws Exception {
		var form = Map.of("MessageSid", "SM1", "MessageStatus", "delivered", "AccountSid", "AC1");

		signed("/notifications/twilio/status", form, sign("/notifications/twilio/status", form))
			.andExpect(status().isOk());
		assertThat(receipts.delivered).containsExactly("SM1");
		assertThat(receipts.failed).isEmpty();
	}

	@Test
	void anUndeliveredMessageIsReportedFailedWithTwiliosErrorCode() throws Exception {
		var form = Map.of("MessageSid", "SM2", "MessageStatus", "undelivered", "ErrorCode", "30003");

		signed("/notifications/twilio/status", form, sign("/notifications/twilio/status", form))
			.andExpect(status().isOk());
		assertThat(receipts.failed).containsExactly("SM2: undelivered (Twilio error 30003)");
	}

	@Test
	void callsAreReportedByTheirOutcome() throws Exception {
		for (var outcome : List.of("completed", "busy", "no-answer")) {
			var form = Map.of("CallSid", "CA-" + outcome, "CallStatus", outcome);
			signed("/notifications/twilio/status", form, sign("/notifications/twilio/status", form))
				.andExpect(status().isOk());
		}

		assertThat(receipts.delivered).containsExactly("CA-completed");
		assertThat(receipts.failed).containsExactly("CA-busy: busy", "CA-no-answer: no-answer");
	}

	@Test
	void aStatusOnTheWayIsNoReceipt() throws Exception {
		var form = Map.of("MessageSid", "SM3", "MessageStatus", "sent");

		signed("/notifications/twilio/status", form, sign("/notifications/twilio/status", form))
			.andExpect(status().isOk());
		assertThat(receipts.delivered).isEmpty();
		assertThat(receipts.failed).isEmpty();
	}

	@Test
	void anUnsignedStatusIsForbiddenAndNothingIsRecorded() throws Exception {
		var form = Map.of("MessageSid", "SM1", "MessageStatus", "delivered");

		signed("/notifications/twilio/status", form, "bm9wZQ==").andExpect(status().isForbidden());
		assertThat(receipts.delivered).isEmpty();
	}

	@Test
	void pressingOneDuringACallAcknowledgesAsTheNumberCalled() throws Exception {
		replies.answer = "INC-42 acknowledged";
		var form = Map.of("CallSid", "CA1", "Digits", "1", "To", "+15551230000", "From", "+15550009999",
				"Direction", "outbound-api");

		signed("/notifications/twilio/voice/42", form, sign("/notifications/twilio/voice/42", form))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/xml"))
			.andExpect(content().string(
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>INC-42 acknowledged</Say></Response>"));
		assertThat(replies.calls).containsExactly(List.of("voice", "+15551230000", "ack 42"));
	}

	@Test
	void anotherKeyAcknowledgesNothing() throws Exception {
		var form = Map.of("CallSid", "CA1", "Digits", "7", "To", "+15551230000");

		var answer = signed("/notifications/twilio/voice/42", form, sign("/notifications/twilio/voice/42", form))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(answer).contains("<Say>Not acknowledged. Goodbye.</Say>");
		assertThat(replies.calls).isEmpty();
	}

	@Test
	void aKeyPressSignedForAnotherIncidentIsForbidden() throws Exception {
		var form = Map.of("CallSid", "CA1", "Digits", "1", "To", "+15551230000");

		signed("/notifications/twilio/voice/43", form, sign("/notifications/twilio/voice/42", form))
			.andExpect(status().isForbidden());
		assertThat(replies.calls).isEmpty();
	}

	private ResultActions signed(String path, Map<String, String> form, String signature) throws Exception {
		var request = post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).content(encode(form));
		if (signature != null) {
			request.header(TwilioSignature.HEADER, signature);
		}
		return mvc.perform(request);
	}

	private static String sign(String pathAndQuery, Map<String, String> form) {
		return TwilioSignature.sign(TOKEN, PUBLIC_URL + pathAndQuery, multi(form));
	}

	private static Map<String, String> sms(String from, String body) {
		var form = new LinkedHashMap<String, String>();
		form.put("MessageSid", "SM9");
		form.put("AccountSid", "AC1");
		form.put("From", from);
		form.put("To", "+15550009999");
		form.put("Body", body);
		form.put("NumMedia", "0");
		return form;
	}

	private static Map<String, List<String>> multi(Map<String, String> form) {
		return form.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
	}

	private static String encode(Map<String, String> form) {
		return form.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/** Records the replies handed on, and answers what the test sets. */
	static final class RecordedReplies implements InboundReplies {

		final List<List<String>> calls = new ArrayList<>();

		String answer;

		@Override
		public String reply(ContactType type, String from, String body) {
			calls.add(List.of(type.toString(), from, body));
			return answer;
		}
	}

	/** Records the receipts; every provider id is one of ours. */
	static final class RecordedReceipts implements DeliveryReceipts {

		final List<String> delivered = new ArrayList<>();

		final List<String> failed = new ArrayList<>();

		@Override
		public boolean delivered(String providerId) {
			delivered.add(providerId);
			return true;
		}

		@Override
		public boolean failed(String providerId, String reason) {
			failed.add(providerId + ": " + reason);
			return true;
		}
	}
}
