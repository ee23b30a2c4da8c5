package dev.firebreak.notification.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhooks Firebreak posts to whose address an administrator or a person gave
 * ({@code firebreak.notification.webhook}): signed push and chat webhooks, Microsoft Teams
 * incoming webhooks.
 */
@ConfigurationProperties("firebreak.notification.webhook")
record WebhookProperties(Duration connectTimeout, Duration readTimeout) {

	WebhookProperties {
		WebhookHttp.requirePositive("firebreak.notification.webhook.connect-timeout", connectTimeout);
		WebhookHttp.requirePositive("firebreak.notification.webhook.read-timeout", readTimeout);
	}
}
