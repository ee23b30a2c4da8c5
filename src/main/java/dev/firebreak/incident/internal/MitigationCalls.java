package dev.firebreak.incident.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.firebreak.catalog.HttpCall;

/**
 * Sends a mitigation action's HTTP request and reads the start of its answer, within one time
 * limit for the whole exchange: a responder is waiting, and an endpoint that answers its headers
 * and then stalls must not hold them (the JDK client's own request timeout ends at the headers).
 */
final class MitigationCalls {

	/** What the timeline quotes of an answer. */
	static final int EXCERPT_CHARS = 500;

	/** Enough bytes for {@link #EXCERPT_CHARS} characters of UTF-8; an endpoint cannot make us hold more. */
	private static final int KEPT_BYTES = EXCERPT_CHARS * 4;

	private final HttpClient http;

	private final Duration timeout;

	MitigationCalls(Duration timeout) {
		this.timeout = timeout;
		// HTTP/1.1: an internal endpoint behind an older proxy may choke on the h2c upgrade offer;
		// no redirects: an action that moved is given its new address by an admin, not followed blindly
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * What came of a call.
	 *
	 * @param status the HTTP status, or null when there was no answer
	 * @param excerpt the first {@link #EXCERPT_CHARS} characters of the answer's body, or null
	 * @param error why there was no answer (timed out, connection refused), or null
	 */
	record Outcome(Integer status, String excerpt, String error) {

		boolean ok() {
			return status != null && status >= 200 && status < 300;
		}
	}

	Outcome send(HttpCall call) {
		HttpRequest request;
		try {
			var builder = HttpRequest.newBuilder(URI.create(call.url())).timeout(timeout)
				.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
			call.headers().forEach(builder::header);
			request = builder.build();
		}
		catch (IllegalArgumentException e) {
			return new Outcome(null, null, "the request could not be built: " + e.getMessage());
		}
		var exchange = http.sendAsync(request, info -> new Bounded(KEPT_BYTES));
		try {
			var response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return new Outcome(response.statusCode(), excerpt(response.body()), null);
		}
		catch (TimeoutException e) {
			exchange.cancel(true);
			return new Outcome(null, null, timedOut());
		}
		catch (InterruptedException e) {
			exchange.cancel(true);
			Thread.currentThread().interrupt();
			return new Outcome(null, null, "interrupted before an answer came");
		}
		catch (ExecutionException e) {
			return new Outcome(null, null, reason(e.getCause()));
		}
	}

	private String timedOut() {
		return "timed out after " + timeout.toMillis() + " ms";
	}

	private String reason(Throwable failure) {
		for (var cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpTimeoutException) {
				return timedOut();
			}
			if (cause instanceof ConnectException) {
				return "connection refused";
			}
		}
		if (failure instanceof IOException && failure.getMessage() != null) {
			return failure.getClass().getSimpleName() + ": " + failure.getMessage();
		}
		return failure == null ? "I/O error" : failure.getClass().getSimpleName();
	}

	private static String excerpt(byte[] body) {
		var text = new String(body, StandardCharsets.UTF_8).strip();
		return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS);
	}

	/** Keeps the first bytes of a body and stops reading there. */
	private static final class Bounded implements HttpResponse.BodySubscriber<byte[]> {

		private final int limit;

		private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

		private final CompletableFuture<byte[]> result = new CompletableFuture<>();

		private Flow.Subscription subscription;

		Bounded(int limit) {
			this.limit = limit;
		}

		@Override
		public CompletionStage<byte[]> getBody() {
			return result;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(1);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			for (var buffer : buffers) {
				var chunk = new byte[Math.min(buffer.remaining(), limit - kept.size())];
				buffer.get(chunk);
				kept.write(chunk, 0, chunk.length);
			}
			if (kept.size() >= limit) {
				subscription.cancel();
				result.complete(kept.toByteArray());
			}
			else {
				subscription.request(1);
			}
		}

		@Override
		public void onError(Throwable throwable) {
			result.completeExceptionally(throwable);
		}

		@Override
		public void onComplete() {
			result.complete(kept.toByteArray());
		}
	}
}
