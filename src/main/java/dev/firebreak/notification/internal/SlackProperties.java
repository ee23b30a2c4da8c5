package dev.firebreak.notification.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Slack ({@code firebreak.notification.slack}): the Web API and bot token that direct messages
 * need (an incoming webhook posts to one channel only, never to a person), and the timeouts of
 * every call to Slack, incoming webhooks included.
 *
 * @param botToken a Slack app's bot token ({@code xoxb-…}) with the {@code chat:write} scope; blank: not set up
 */
@ConfigurationProperties("firebreak.notification.slack")
record SlackProperties(String apiBaseUrl, String botToken, Duration connectTimeout, Duration readTimeout) {

	SlackProperties {
		WebhookHttp.requirePositive("firebreak.notification.slack.connect-timeout", connectTimeout);
		WebhookHttp.requirePositive("firebreak.notification.slack.read-timeout", readTimeout);
		if (apiBaseUrl == null || apiBaseUrl.isBlank()) {
			throw new IllegalArgumentException("firebreak.notification.slack.api-base-url must be set (e.g. https://slack.com/api)");
		}
	}

	boolean configured() {
		return botToken != null && !botToken.isBlank();
	}
}
