package dev.firebreak.alerting.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The doors alert events come through — {@code POST /v2/enqueue}, {@code /v2/change/enqueue},
 * {@code /integrations/alertmanager|grafana|webhook/{key}} — answered straight from the servlet
 * container, ahead of every other filter. These requests carry no session, cookie or token (the
 * routing key is the credential, checked by the endpoint), and during a storm they are nearly all
 * the traffic: Spring MVC's dispatch and the filters browsers and the API need (sessions,
 * security, request observation) took a third of the server's time per event. An accepted event
 * is answered asynchronously: the web server thread goes back to the pool, and the request is
 * answered 2xx when the {@link IngestBatcher} has committed its batch, or 503 when it could not
 * (see {@code bench/README.md}, "Ingest", for what each step bought). The key in a path is only
 * ever looked up, never decoded or used as a path; any other path goes the usual way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class IngestEndpoints implements Filter {

	private static final Logger log = LoggerFactory.getLogger(IngestEndpoints.class);

	private static final Pattern KEYED = Pattern.compile("/integrations/(alertmanager|grafana|webhook)/([^/]+)");

	private final EventsV2Controller eventsV2;

	private final AlertmanagerController alertmanager;

	private final WebhookController webhook;

	private final IngestUnavailableAnswer unavailable = new IngestUnavailableAnswer();

	private final JsonMapper json;

	private final IngestBatcher batcher;

	IngestEndpoints(EventsV2Controller eventsV2, AlertmanagerController alertmanager, WebhookController webhook,
			JsonMapper json, IngestBatcher batcher) {
		this.eventsV2 = eventsV2;
		this.alertmanager = alertmanager;
		this.webhook = webhook;
		this.json = json;
		this.batcher = batcher;
	}

	/** The endpoint of this path, or null when the path is none of the event doors. */
	private Endpoint endpoint(String path) {
		if (path.equals("/v2/enqueue")) {
			return eventsV2::enqueue;
		}
		if (path.equals("/v2/change/enqueue")) {
			// a change is recorded on the request's thread, not batched
			return request -> CompletableFuture.completedFuture(eventsV2.change(request));
		}
		if (!path.startsWith("/integrations/")) {
			return null;
		}
		var keyed = KEYED.matcher(path);
		if (!keyed.matches()) {
			return null;
		}
		var key = keyed.group(2);
		return switch (keyed.group(1)) {
			case "alertmanager" -> request -> alertmanager.alertmanager(key, request);
			case "grafana" -> request -> alertmanager.grafana(key, request);
			default -> request -> webhook.receive(key, request);
		};
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws IOException, ServletException {
		var request = (HttpServletRequest) servletRequest;
		var response = (HttpServletResponse) servletResponse;
		var path = request.getRequestURI().substring(request.getContextPath().length());
		var endpoint = endpoint(path);
		if (endpoint == null) {
			chain.doFilter(request, response);
			return;
		}
		if (!"POST".equals(request.getMethod())) {
			write(response, ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "POST")
				.body(Map.of("status", "method not allowed", "message", "Send events with POST",
						"errors", List.of(path + " takes POST only, not " + request.getMethod() + "."))));
			return;
		}
		CompletableFuture<ResponseEntity<Map<String, Object>>> answer;
		try {
			answer = endpoint.answer(request);
		}
		catch (IngestUnavailable e) {
			write(response, unavailable.unavailable(e));
			return;
		}
		if (answer.isDone()) {
			// refused before anything was queued: answered on this thread
			write(response, answer.handle(this::settled).join());
			return;
		}
		// the events are queued: the thread goes back to the pool, and the writer's commit answers
		// (the batcher gives up after wait-at-most, so the container's own timeout never fires first)
		var async = request.startAsync(request, response);
		async.setTimeout(batcher.waitAtMost().plusSeconds(30).toMillis());
		answer.handle(this::settled).thenAccept(settled -> {
			try {
				write((HttpServletResponse) async.getResponse(), settled);
			}
			catch (IOException | RuntimeException e) {
				log.debug("Could not answer an ingest request (the client may have gone)", e);
			}
			finally {
				async.complete();
			}
		});
	}

	/**
	 * The endpoint's answer, or the 503 that tells the client to send again: the batcher says why
	 * events were not stored; anything else failed after they were queued, so they may have been
	 * (then the retry counts as a repeat).
	 */
	private ResponseEntity<Map<String, Object>> settled(ResponseEntity<Map<String, Object>> answer, Throwable failure) {
		if (failure == null) {
			return answer;
		}
		var cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
		return unavailable.unavailable(cause instanceof IngestUnavailable known ? known
				: new IngestUnavailable("the answer could not be made (" + cause + "); retry"));
	}

	private void write(HttpServletResponse response, ResponseEntity<Map<String, Object>> answer) throws IOException {
		response.setStatus(answer.getStatusCode().value());
		answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
		var body = json.writeValueAsBytes(answer.getBody());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	@FunctionalInterface
	private interface Endpoint {

		CompletableFuture<ResponseEntity<Map<String, Object>>> answer(HttpServletRequest request) throws IOException;
	}
}
