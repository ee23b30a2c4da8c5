package dev.firebreak.alerting.internal;

import static java.util.concurrent.CompletableFuture.completedFuture;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.firebreak.alerting.Integration;
import dev.firebreak.alerting.IntegrationType;
import dev.firebreak.catalog.Catalog;

/**
 * {@code POST /v2/enqueue}, the PagerDuty Events API v2 alert endpoint, answered in that API's own
 * words so existing clients (Alertmanager's pagerduty_config, SDKs, scripts) work unchanged. The
 * routing key in the body is the credential; the event is committed before the 202.
 */
@Component
class EventsV2Controller {

	static final int LIMIT_BYTES = 512 * 1024;

	private final IntegrationKeys integrations;

	private final IngestBatcher batcher;

	private final JsonMapper json;

	private final Catalog catalog;

	private final IngestRateLimiter limiter;

	EventsV2Controller(IntegrationKeys integrations, IngestBatcher batcher, JsonMapper json, Catalog catalog,
			IngestRateLimiter limiter) {
		this.integrations = integrations;
		this.batcher = batcher;
		this.json = json;
		this.catalog = catalog;
		this.limiter = limiter;
	}

	CompletableFuture<ResponseEntity<Map<String, Object>>> enqueue(HttpServletRequest request) throws IOException {
		var body = InboundBody.read(request, json, LIMIT_BYTES);
		if (body.problem() != null) {
			return completedFuture(unreadable(body));
		}
		var event = body.json();
		var parsed = EventsV2.read(event);
		if (!parsed.isValid()) {
			return completedFuture(invalid(parsed.errors()));
		}
		var integration = integrations.byRoutingKey(parsed.routingKey())
			.filter(found -> found.type() == IntegrationType.EVENTS_V2);
		var refusal = refusal(integration);
		if (refusal != null) {
			return completedFuture(refusal);
		}
		var dedupKey = parsed.dedupKey() == null || parsed.dedupKey().isBlank()
				? UUID.randomUUID().toString().replace("-", "") : parsed.dedupKey();
		IngestCommand command = switch (parsed.action()) {
			case "trigger" -> new IngestCommand.Trigger(integration.get(), dedupKey, parsed.severity(), parsed.summary(),
					parsed.source(), stored(event));
			case "acknowledge" -> new IngestCommand.Acknowledge(integration.get(), dedupKey);
			default -> new IngestCommand.Resolve(integration.get(), dedupKey);
		};
		return batcher.submit(List.of(command)).thenApply(stored -> {
			var answer = new LinkedHashMap<String, Object>();
			answer.put("status", "success");
			answer.put("message", "Event processed");
			answer.put("dedup_key", dedupKey);
			return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
		});
	}

	/**
	 * {@code POST /v2/change/enqueue}: a deploy or configuration change, kept on the integration's
	 * service so an incident can show the last change before it began.
	 */
	ResponseEntity<Map<String, Object>> change(HttpServletRequest request) throws IOException {
		var body = InboundBody.read(request, json, LIMIT_BYTES);
		if (body.problem() != null) {
			return unreadable(body);
		}
		var event = body.json();
		var change = EventsV2.readChange(event);
		if (!change.isValid()) {
			return invalid(change.errors());
		}
		var integration = integrations.byRoutingKey(change.routingKey())
			.filter(found -> found.type() == IntegrationType.EVENTS_V2);
		var refusal = refusal(integration);
		if (refusal != null) {
			return refusal;
		}
		catalog.recordChange(integration.get().serviceId(), change.summary(), change.source(), change.timestamp(),
				stored(event));
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", "success", "message", "Event processed"));
	}

	/** Why an event of this integration is not taken now: an unknown key or a key over its rate; null if it is taken. */
	private ResponseEntity<Map<String, Object>> refusal(Optional<Integration> integration) {
		if (integration.isEmpty()) {
			return invalid(List.of("'routing_key' does not belong to an Events API v2 integration."));
		}
		return limiter.tryAcquire(integration.get()) ? null : throttled();
	}

	/**
	 * The answer that refuses an unreadable body in the Events API's words: its "JSON parse error",
	 * then what is wrong in plain words for the person reading the client's log.
	 */
	private ResponseEntity<Map<String, Object>> unreadable(InboundBody body) {
		return switch (body.problem()) {
			case TOO_LARGE -> tooLarge();
			case NOT_JSON_MEDIA_TYPE -> ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(Map.of("status",
					"Unrecognized object", "message", "Event object format is unrecognized", "errors", List.of(body.reason())));
			case NOT_JSON, NOT_AN_OBJECT -> unrecognized(body.reason());
		};
	}

	/**
	 * The event as it came, less its credential (a copy of the database must not reveal routing
	 * keys). It takes the key out of the parsed event itself: called last, when it was read.
	 */
	private String stored(ObjectNode event) {
		event.remove("routing_key");
		return json.writeValueAsString(event);
	}

	private static ResponseEntity<Map<String, Object>> invalid(List<String> errors) {
		return ResponseEntity.badRequest()
			.body(Map.of("status", "invalid event", "message", "Event object is invalid", "errors", errors));
	}

	private static ResponseEntity<Map<String, Object>> unrecognized(String reason) {
		return ResponseEntity.badRequest().body(Map.of("status", "Unrecognized object", "message",
				"Event object format is unrecognized", "errors", List.of("JSON parse error", reason)));
	}

	/** Not ingested; the client retries after a second, as Events v2 clients do on 429. */
	private static ResponseEntity<Map<String, Object>> throttled() {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "1")
			.body(Map.of("status", "throttle event", "message", "Requests for this routing key were throttled",
					"errors", List.of("More events than this integration's rate limit; retry after a second.")));
	}

	private static ResponseEntity<Map<String, Object>> tooLarge() {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Map.of("status", "invalid event", "message",
				"Event object is invalid", "errors", List.of("The event is larger than 512 KB.")));
	}
}
