package dev.firebreak.statuspage.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import dev.firebreak.platform.StandardWebhooks;

/**
 * Webhook subscribers: the payload status-page webhooks carry ({@code meta}, {@code page}, and an
 * {@code incident} or a {@code component} with its {@code component_update}), posted as JSON and
 * signed per Standard Webhooks. Only a 2xx within the read timeout counts as received.
 */
@Component
class SubscriberWebhooks {

	/** How much of a refusal's body the delivery log keeps. */
	private static final int QUOTED = 200;

	private final RestClient client;

	private final Clock clock;

	SubscriberWebhooks(SubscriberPolicy policy, Clock clock, ObjectProvider<RestClient.Builder> builders) {
		// HTTP/1.1 for receivers behind older proxies; no redirects: a moved webhook is given its new address
		var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(policy.webhookConnectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
		var factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(policy.webhookReadTimeout());
		this.client = builders.getIfAvailable(RestClient::builder).requestFactory(factory).build();
		this.clock = clock;
	}

	record Meta(String unsubscribe, String documentation, Instant generatedAt) {
	}

	record PageRef(String id, String statusIndicator, String statusDescription) {
	}

	record IncidentPayload(Meta meta, PageRef page, PublicJson.IncidentJson incident) {
	}

	record ComponentUpdate(Instant createdAt, String newStatus, String oldStatus, String id, String componentId) {
	}

	record ComponentPayload(Meta meta, PageRef page, PublicJson.ComponentJson component,
			ComponentUpdate componentUpdate) {
	}

	static PageRef page(PageData data) {
		var status = PublicJson.status(data);
		return new PageRef(data.settings().pageId(), status.indicator(), status.description());
	}

	/** A receiver that did not take the message. */
	static final class Refused extends Exception {

		Refused(String message, Throwable cause) {
			super(message, cause, false, false);
		}
	}

	/**
	 * Posts the body, signed; the same {@code webhook-id} on every attempt of one delivery, so a
	 * receiver can tell a retry from a new message.
	 */
	void post(String url, String secret, String messageId, byte[] body) throws Refused {
		var now = clock.instant().truncatedTo(ChronoUnit.SECONDS).getEpochSecond();
		int status;
		String answer;
		try {
			var result = client.post().uri(URI.create(url))
				.header(StandardWebhooks.ID, messageId)
				.header(StandardWebhooks.TIMESTAMP, Long.toString(now))
				.header(StandardWebhooks.SIGNATURE, StandardWebhooks.sign(secret, messageId, now, body))
				.header("User-Agent", "Firebreak status page")
				.contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
				.body(body)
				.exchange((request, response) -> new String[] { String.valueOf(response.getStatusCode().value()),
						new String(response.getBody().readNBytes(QUOTED), StandardCharsets.UTF_8) });
			status = Integer.parseInt(result[0]);
			answer = result[1];
		}
		catch (ResourceAccessException e) {
			// the exception's own message names the URL; keep the reason only
			throw new Refused("the receiver could not be reached: " + reason(e), e);
		}
		catch (IllegalArgumentException e) {
			throw new Refused("the endpoint URL is not usable: " + e.getMessage(), e);
		}
		if (status < 200 || status > 299) {
			throw new Refused("the receiver answered HTTP " + status + (answer.isBlank() ? "" : ": " + answer.strip()),
					null);
		}
	}

	private static String reason(ResourceAccessException e) {
		for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpTimeoutException) {
				return "timed out";
			}
			if (cause instanceof java.net.ConnectException) {
				return "connection refused";
			}
		}
		var cause = e.getCause();
		return cause instanceof IOException && cause.getMessage() != null
				? cause.getClass().getSimpleName() + " " + cause.getMessage()
				: cause == null ? "I/O error" : cause.getClass().getSimpleName();
	}
}
