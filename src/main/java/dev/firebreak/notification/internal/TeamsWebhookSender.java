package dev.firebreak.notification.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.json.JsonMapper;

import dev.firebreak.notification.ChannelType;

/**
 * Posts to a Microsoft Teams channel through its incoming webhook (an Office 365 connector or a
 * Workflows webhook): a message carrying one Adaptive Card 1.2, the title, the text, and buttons
 * to open the incident and to acknowledge. A connector answers 200 {@code 1}; a Workflows webhook
 * 202 and nothing. Teams reports some failures, throttling among them, in the body of a 200
 * ("Microsoft Teams endpoint returned HTTP error 429 …"): that status decides.
 */
@Component
class TeamsWebhookSender implements ChatSender {

	private static final Pattern REPORTED_ERROR = Pattern.compile("HTTP error (\\d{3})");

	private final RestClient client;

	@Autowired
	TeamsWebhookSender(WebhookProperties properties, ObjectProvider<RestClient.Builder> builders) {
		this(properties, builders.getIfAvailable(RestClient::builder));
	}

	TeamsWebhookSender(WebhookProperties properties, RestClient.Builder builder) {
		this.client = WebhookHttp.client(builder, properties.connectTimeout(), properties.readTimeout());
	}

	@Override
	public Set<ChannelType> postsTo() {
		return Set.of(ChannelType.TEAMS_WEBHOOK);
	}

	@Override
	public String post(ChannelType type, String url, String secret, OutboundMessage message) throws DeliveryException {
		var answer = WebhookHttp.exchange("Microsoft Teams",
				client.post()
					.uri(WebhookHttp.webhookUrl(url))
					.contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
					.body(JsonMapper.shared().writeValueAsString(card(message))));
		var what = "Microsoft Teams refused the post to its incoming webhook";
		if (!answer.ok()) {
			throw answer.failure(what + (answer.body().isBlank() ? "" : ": " + answer.quoted()));
		}
		var reported = REPORTED_ERROR.matcher(answer.body());
		if (reported.find()) {
			var status = Integer.parseInt(reported.group(1));
			throw new DeliveryException(what + ": " + answer.quoted(), WebhookHttp.retryable(status));
		}
		return answer.body().isBlank() ? "HTTP " + answer.status() : answer.quoted();
	}

	static Map<String, Object> card(OutboundMessage message) {
		var body = List.of(
				Map.of("type", "TextBlock", "text", message.title(), "weight", "Bolder", "size", "Medium", "wrap", true),
				Map.of("type", "TextBlock", "text", message.text(), "wrap", true));
		var actions = new ArrayList<Object>();
		if (message.link() != null) {
			actions.add(Map.of("type", "Action.OpenUrl", "title", "Open in Firebreak", "url", message.link()));
		}
		if (message.acknowledgeUrl() != null) {
			actions.add(Map.of("type", "Action.OpenUrl", "title", "Acknowledge", "url", message.acknowledgeUrl()));
		}
		var content = Map.of("$schema", "http://adaptivecards.io/schemas/adaptive-card.json", "type", "AdaptiveCard",
				"version", "1.2", "body", body, "actions", actions);
		return Map.of("type", "message", "attachments",
				List.of(Map.of("contentType", "application/vnd.microsoft.card.adaptive", "content", content)));
	}
}
