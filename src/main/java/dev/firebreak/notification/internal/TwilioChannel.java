package dev.firebreak.notification.internal;

import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.firebreak.notification.ContactType;

/**
 * SMS and voice calls through Twilio's REST API (2010-04-01), or any provider speaking its shape:
 * {@code POST /Accounts/{sid}/Messages.json} with {@code To, From, Body} and {@code Calls.json}
 * with {@code To, From, Twiml}, basic auth with the account sid and auth token. Twilio reports
 * later how each went to {@code /notifications/twilio/status} ({@link TwilioCallbacks}), by the
 * sid this channel returns; a call's "press 1" comes back to {@code /notifications/twilio/voice/{code}}.
 */
@Component
class TwilioChannel implements Channel {

	static final String STATUS_PATH = "/notifications/twilio/status";

	static final String VOICE_PATH = "/notifications/twilio/voice/";

	private final TwilioProperties properties;

	private final String baseUrl;

	private final RestClient client;

	@Autowired
	TwilioChannel(TwilioProperties properties, @Value("${firebreak.base-url}") String baseUrl,
			ObjectProvider<RestClient.Builder> builders) {
		this(properties, baseUrl, builders.getIfAvailable(RestClient::builder));
	}

	TwilioChannel(TwilioProperties properties, String baseUrl, RestClient.Builder builder) {
		this.properties = properties;
		this.baseUrl = WebhookHttp.withoutTrailingSlash(baseUrl);
		this.client = WebhookHttp.client(builder.baseUrl(properties.baseUrl()), properties.connectTimeout(),
				properties.readTimeout());
	}

	@Override
	public Set<ContactType> sendsTo() {
		return Set.of(ContactType.SMS, ContactType.VOICE);
	}

	@Override
	public String send(Destination to, OutboundMessage message) throws DeliveryException {
		var voice = to.type() == ContactType.VOICE;
		if (!properties.configured()) {
			throw new DeliveryException((voice ? "Voice calls are" : "SMS is") + " not set up: set "
					+ "firebreak.notification.twilio.account-sid, auth-token and from (FIREBREAK_TWILIO_ACCOUNT_SID, "
					+ "FIREBREAK_TWILIO_AUTH_TOKEN, FIREBREAK_TWILIO_FROM)", false);
		}
		var form = new LinkedMultiValueMap<String, String>();
		form.add("To", to.address());
		form.add("From", properties.from());
		if (voice) {
			form.add("Twiml", TwilioTwiml.call(message.shortText(), gatherAction(message.replyCode())));
		}
		else {
			form.add("Body", message.smsText() != null
					? TwilioSmsText.of(message.smsText(), TwilioSmsText.CONCATENATED_SEPTETS)
					: TwilioSmsText.of(message.shortText()));
		}
		form.add("StatusCallback", baseUrl + STATUS_PATH);
		var answer = WebhookHttp.exchange("Twilio",
				client.post()
					.uri("/2010-04-01/Accounts/{sid}/" + (voice ? "Calls.json" : "Messages.json"), properties.accountSid())
					.headers(headers -> headers.setBasicAuth(properties.accountSid(), properties.authToken()))
					.contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.accept(MediaType.APPLICATION_JSON)
					.body(form));
		var json = parse(answer.body());
		if (answer.ok()) {
			var sid = json.path("sid").asString("");
			return sid.isBlank() ? "HTTP " + answer.status() + " without a sid" : sid;
		}
		var what = "Twilio refused the " + (voice ? "call" : "SMS") + " to " + to.address();
		var error = json.path("message").asString("");
		if (error.isBlank()) {
			throw answer.failure(what + (answer.body().isBlank() ? "" : ": " + answer.quoted()));
		}
		var code = json.path("code").asString("");
		throw answer.failure(what + ": " + error + (code.isBlank() ? "" : " (Twilio error " + code + ")"));
	}

	private String gatherAction(String replyCode) {
		if (replyCode == null || replyCode.isBlank()) {
			return null;
		}
		return UriComponentsBuilder.fromUriString(baseUrl + VOICE_PATH).path("{code}").buildAndExpand(replyCode)
			.encode().toUriString();
	}

	private static JsonNode parse(String body) {
		try {
			return JsonMapper.shared().readTree(body.isBlank() ? "{}" : body);
		}
		catch (JacksonException e) {
			// a proxy's HTML error page: the status says enough
			return JsonMapper.shared().createObjectNode();
		}
	}
}
