package dev.firebreak.notification.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The HTTP plumbing every outbound channel shares (Twilio's and Slack's APIs, incoming and signed
 * webhooks): a client with the configured timeouts, and one reading of a provider's answer.
 * 2xx: taken. 429 or 5xx, a timeout, a refused or broken connection: the provider is throttling or
 * down, so the delivery log tries again later. Any other 4xx, and a redirect (a moved webhook is a
 * wrong address): refused, and trying again would not help.
 */
final class WebhookHttp {

	/** Enough of an answer for the delivery log and an error code; an endpoint cannot make us hold more. */
	static final int KEPT_ANSWER_BYTES = 8 * 1024;

	/** What an exception message may quote of a provider's answer. */
	private static final int QUOTED_ANSWER_CHARS = 300;

	private WebhookHttp() {
	}

	static RestClient client(RestClient.Builder builder, Duration connectTimeout, Duration readTimeout) {
		// HTTP/1.1: a plain-http receiver behind an older proxy may choke on the h2c upgrade offer;
		// no redirects: a webhook that moved must be given its new address, not followed blindly
		var http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		var factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(readTimeout);
		return builder.requestFactory(factory).build();
	}

	/** A provider's answer: its status, headers and the start of its body. */
	record Answer(int status, HttpHeaders headers, String body) {

		boolean ok() {
			return status >= 200 && status < 300;
		}

		boolean retryable() {
			return WebhookHttp.retryable(status);
		}

		/** {@code "; retry after 30 s"} when the provider said when (Retry-After in seconds), else empty. */
		String retryAfter() {
			var value = headers.getFirst(HttpHeaders.RETRY_AFTER);
			return value == null || !value.strip().matches("\\d{1,9}") ? "" : "; retry after " + value.strip() + " s";
		}

		/** The body, cut for quoting in a message. */
		String quoted() {
			var text = body.strip();
			return text.length() <= QUOTED_ANSWER_CHARS ? text : text.substring(0, QUOTED_ANSWER_CHARS) + "…";
		}

		/** A non-2xx answer as a failure: retryable or not by its status. */
		DeliveryException failure(String what) {
			return new DeliveryException(what + " (HTTP " + status + ")" + retryAfter(), retryable());
		}
	}

	static boolean retryable(int status) {
		return status == 429 || status >= 500;
	}

	/**
	 * Sends the request and reads the answer whatever its status.
	 *
	 * @param provider names the other side in the message when it could not be reached
	 * @throws DeliveryException (retryable) on a timeout, a refused or broken connection
	 */
	static Answer exchange(String provider, RestClient.RequestHeadersSpec<?> request) throws DeliveryException {
		try {
			return request.exchange((sent, response) -> new Answer(response.getStatusCode().value(),
					response.getHeaders(), new String(response.getBody().readNBytes(KEPT_ANSWER_BYTES),
							StandardCharsets.UTF_8)));
		}
		catch (ResourceAccessException e) {
			// the exception's own message names the URL, and a webhook's URL is its credential
			throw new DeliveryException(provider + " could not be reached: " + reason(e), true, e);
		}
	}

	private static String reason(ResourceAccessException e) {
		for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpTimeoutException) {
				return "timed out";
			}
			if (cause instanceof ConnectException) {
				return "connection refused";
			}
		}
		var cause = e.getCause();
		if (cause instanceof IOException && cause.getMessage() != null) {
			return cause.getClass().getSimpleName() + " " + cause.getMessage();
		}
		return cause == null ? "I/O error" : cause.getClass().getSimpleName();
	}

	/** A webhook address an administrator or a person gave: absolute http(s), or refused for good. */
	static URI webhookUrl(String url) throws DeliveryException {
		try {
			var uri = url == null ? null : new URI(url.strip());
			var scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
				return uri;
			}
		}
		catch (URISyntaxException e) {
			// answered below, without quoting the address: it may carry a credential
		}
		throw new DeliveryException("the webhook address is not an absolute http(s) URL", false);
	}

	/** {@code firebreak.base-url} as a prefix for paths. */
	static String withoutTrailingSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	static void requirePositive(String property, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(property + " must be a positive duration (e.g. PT10S), not " + value);
		}
	}
}
