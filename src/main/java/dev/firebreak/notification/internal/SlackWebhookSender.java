package dev.firebreak.notification.internal;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.json.JsonMapper;

import dev.firebreak.notification.ChannelType;

/**
 * Posts to a Slack channel through its incoming webhook: {@code {text, blocks}} ({@link SlackBlocks}).
 * Slack answers 200 {@code ok}, or an error status with a plain-text code ({@code invalid_payload},
 * {@code no_text}, {@code channel_not_found}, {@code no_service}, …).
 */
@Component
class SlackWebhookSender implements ChatSender {

	private final RestClient client;

	@Autowired
	SlackWebhookSender(SlackProperties properties, ObjectProvider<RestClient.Builder> builders) {
		this(properties, builders.getIfAvailable(RestClient::builder));
	}

	SlackWebhookSender(SlackProperties properties, RestClient.Builder builder) {
		this.client = WebhookHttp.client(builder, properties.connectTimeout(), properties.readTimeout());
	}

	@Override
	public Set<ChannelType> postsTo() {
		return Set.of(ChannelType.SLACK_WEBHOOK);
	}

	@Override
	public String post(ChannelType type, String url, String secret, OutboundMessage message) throws DeliveryException {
		var answer = WebhookHttp.exchange("Slack",
				client.post()
					.uri(WebhookHttp.webhookUrl(url))
					.contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
					.body(JsonMapper.shared().writeValueAsString(SlackBlocks.message(message))));
		if (!answer.ok()) {
			throw answer.failure("Slack refused the post to its incoming webhook"
					+ (answer.body().isBlank() ? "" : ": " + answer.quoted()));
		}
		return answer.body().isBlank() ? "HTTP " + answer.status() : answer.quoted();
	}
}
