package dev.firebreak.notification.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.firebreak.notification.ContactType;

/**
 * Slack direct messages through the Web API's {@code chat.postMessage} with a bot token: the
 * person's Slack user id as the channel, the message as {@link SlackBlocks}. Slack answers 200
 * with {@code {ok, ts}} or {@code {ok: false, error}}; the message's {@code ts} is the provider answer.
 */
@Component
class SlackDirectMessages implements Channel {

	/** Slack's own trouble or throttling, worth another try; every other error names a wrong address or set-up. */
	private static final Set<String> RETRYABLE_ERRORS = Set.of("ratelimited", "rate_limited", "internal_error",
			"fatal_error", "service_unavailable", "request_timeout");

	private final SlackProperties properties;

	private final RestClient client;

	@Autowired
	SlackDirectMessages(SlackProperties properties, ObjectProvider<RestClient.Builder> builders) {
		this(properties, builders.getIfAvailable(RestClient::builder));
	}

	SlackDirectMessages(SlackProperties properties, RestClient.Builder builder) {
		this.properties = properties;
		this.client = WebhookHttp.client(builder.baseUrl(properties.apiBaseUrl()), properties.connectTimeout(),
				properties.readTimeout());
	}

	@Override
	public Set<ContactType> sendsTo() {
		return Set.of(ContactType.SLACK_DM);
	}

	@Override
	public String send(Destination to, OutboundMessage message) throws DeliveryException {
		if (!properties.configured()) {
			throw new DeliveryException("Slack direct messages are not set up: set firebreak.notification.slack.bot-token "
					+ "(FIREBREAK_SLACK_BOT_TOKEN) to a Slack app's bot token with the chat:write scope", false);
		}
		var body = new LinkedHashMap<String, Object>();
		body.put("channel", to.address());
		body.putAll(SlackBlocks.message(message));
		var answer = WebhookHttp.exchange("Slack",
				client.post()
					.uri("/chat.postMessage")
					.headers(headers -> headers.setBearerAuth(properties.botToken()))
					.contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
					.body(JsonMapper.shared().writeValueAsString(body)));
		var what = "Slack refused the direct message to " + to.address();
		if (!answer.ok()) {
			throw answer.failure(what + (answer.body().isBlank() ? "" : ": " + answer.quoted()));
		}
		var json = parse(answer.body());
		if (json.path("ok").asBoolean(false)) {
			return json.path("ts").asString("");
		}
		var error = json.path("error").asString("");
		if (error.isBlank()) {
			throw new DeliveryException(what + ": it answered without ok (" + answer.quoted() + ")", false);
		}
		throw new DeliveryException(what + ": " + error + answer.retryAfter(), RETRYABLE_ERRORS.contains(error));
	}

	private static JsonNode parse(String body) {
		try {
			return JsonMapper.shared().readTree(body.isBlank() ? "{}" : body);
		}
		catch (JacksonException e) {
			return JsonMapper.shared().createObjectNode();
		}
	}
}
