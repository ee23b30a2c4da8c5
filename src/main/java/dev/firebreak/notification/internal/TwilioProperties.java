package dev.firebreak.notification.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Twilio-compatible SMS and voice API ({@code firebreak.notification.twilio}). Without an
 * account sid, auth token and sender number, SMS and voice are not set up: sending fails at once
 * with a message saying what to set, and Twilio's callbacks are refused (nothing can verify them).
 *
 * @param baseUrl the API's scheme and host; another provider speaking Twilio's shape, or a local fake
 * @param from the E.164 number (or messaging service) messages and calls come from
 */
@ConfigurationProperties("firebreak.notification.twilio")
record TwilioProperties(String baseUrl, String accountSid, String authToken, String from, Duration connectTimeout,
		Duration readTimeout) {

	TwilioProperties {
		WebhookHttp.requirePositive("firebreak.notification.twilio.connect-timeout", connectTimeout);
		WebhookHttp.requirePositive("firebreak.notification.twilio.read-timeout", readTimeout);
		if (baseUrl == null || baseUrl.isBlank()) {
			throw new IllegalArgumentException("firebreak.notification.twilio.base-url must be set (e.g. https://api.twilio.com)");
		}
	}

	boolean configured() {
		return present(accountSid) && present(authToken) && present(from);
	}

	boolean canVerify() {
		return present(authToken);
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}
}
