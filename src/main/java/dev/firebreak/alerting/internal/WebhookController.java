package dev.firebreak.alerting.internal;

import static java.util.concurrent.CompletableFuture.completedFuture;

import static dev.firebreak.alerting.internal.InboundBody.mustBeAString;
import static dev.firebreak.alerting.internal.InboundBody.notAString;
import static dev.firebreak.alerting.internal.InboundBody.notPlainText;
import static dev.firebreak.alerting.internal.InboundBody.text;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import dev.firebreak.alerting.AlertSeverity;
import dev.firebreak.alerting.IntegrationType;

/**
 * A generic JSON webhook for tools that speak neither Events v2 nor Alertmanager:
 * {@code {"dedup_key", "title", "message", "severity", "state", "link"}}. {@code state} is
 * {@code triggered} (the default), {@code acknowledged} or {@code resolved}; other fields are ignored.
 * These six are strings or absent, and the title and dedup key, which alerts keep in columns, are
 * plain text within those columns' sizes; anything else is refused with the field's name.
 */
@Component
class WebhookController {

	static final int LIMIT_BYTES = 512 * 1024;

	private final IntegrationKeys integrations;

	private final IngestBatcher batcher;

	private final IngestRateLimiter limiter;

	private final JsonMapper json;

	WebhookController(IntegrationKeys integrations, IngestBatcher batcher, IngestRateLimiter limiter, JsonMapper json) {
		this.integrations = integrations;
		this.batcher = batcher;
		this.limiter = limiter;
		this.json = json;
	}

	CompletableFuture<ResponseEntity<Map<String, Object>>> receive(String key, HttpServletRequest request)
			throws IOException {
		var integration = integrations.byRoutingKey(key).filter(found -> found.type() == IntegrationType.WEBHOOK);
		if (integration.isEmpty()) {
			return completedFuture(
					refuse(HttpStatus.NOT_FOUND, List.of("No webhook integration has this key; check the URL.")));
		}
		var body = InboundBody.read(request, json, LIMIT_BYTES);
		if (body.problem() != null) {
			return completedFuture(switch (body.problem()) {
				case TOO_LARGE -> refuse(HttpStatus.CONTENT_TOO_LARGE, List.of("The body is larger than 512 KB."));
				case NOT_JSON_MEDIA_TYPE -> refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, List.of(body.reason()));
				case NOT_JSON, NOT_AN_OBJECT -> refuse(HttpStatus.BAD_REQUEST, List.of(body.reason()));
			});
		}
		var event = body.json();
		var errors = new ArrayList<String>();
		for (var field : List.of("dedup_key", "title", "message", "severity", "state", "link")) {
			if (notAString(event, field)) {
				errors.add("'" + field + "' " + mustBeAString(event, field));
			}
		}
		if (!errors.isEmpty()) {
			return completedFuture(refuse(HttpStatus.BAD_REQUEST, errors));
		}
		var state = text(event, "state") == null ? "triggered" : text(event, "state");
		if (!List.of("triggered", "acknowledged", "resolved").contains(state)) {
			errors.add("'state' must be triggered, acknowledged or resolved.");
		}
		var dedupKey = text(event, "dedup_key");
		if (dedupKey != null && dedupKey.length() > EventsV2.DEDUP_KEY_MAX) {
			errors.add("'dedup_key' must be at most " + EventsV2.DEDUP_KEY_MAX + " characters.");
		}
		else if (dedupKey != null && notPlainText(dedupKey) != null) {
			errors.add("'dedup_key' " + notPlainText(dedupKey));
		}
		if ((dedupKey == null || dedupKey.isBlank()) && !"triggered".equals(state)) {
			errors.add("'dedup_key' is required when the state is " + state + ".");
		}
		var title = text(event, "title");
		if ("triggered".equals(state) && (title == null || title.isBlank())) {
			errors.add("'title' is required to trigger an alert.");
		}
		else if (title != null && title.length() > EventsV2.SUMMARY_MAX) {
			errors.add("'title' must be at most " + EventsV2.SUMMARY_MAX + " characters.");
		}
		else if (title != null && notPlainText(title) != null) {
			errors.add("'title' " + notPlainText(title));
		}
		if (!errors.isEmpty()) {
			return completedFuture(refuse(HttpStatus.BAD_REQUEST, errors));
		}
		if (!limiter.tryAcquire(integration.get())) {
			return completedFuture(ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "1")
				.body(Map.of("status", "error", "errors", List.of("Too many events for this key; retry after a second."))));
		}
		var alertKey = dedupKey == null || dedupKey.isBlank() ? UUID.randomUUID().toString().replace("-", "") : dedupKey;
		IngestCommand command = switch (state) {
			case "triggered" -> new IngestCommand.Trigger(integration.get(), alertKey,
					AlertSeverity.named(text(event, "severity")).orElse(AlertSeverity.ERROR), title.strip(),
					"webhook", json.writeValueAsString(event));
			case "acknowledged" -> new IngestCommand.Acknowledge(integration.get(), alertKey);
			default -> new IngestCommand.Resolve(integration.get(), alertKey);
		};
		return batcher.submit(List.of(command)).thenApply(stored -> {
			var answer = new LinkedHashMap<String, Object>();
			answer.put("status", "success");
			answer.put("dedup_key", alertKey);
			return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
		});
	}

	private static ResponseEntity<Map<String, Object>> refuse(HttpStatus status, List<String> errors) {
		return ResponseEntity.status(status).body(Map.of("status", "error", "errors", errors));
	}

}
