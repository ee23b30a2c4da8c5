package dev.firebreak.alerting.internal;

import static java.util.concurrent.CompletableFuture.completedFuture;

import static dev.firebreak.alerting.internal.InboundBody.cut;
import static dev.firebreak.alerting.internal.InboundBody.mustBeAString;
import static dev.firebreak.alerting.internal.InboundBody.notPlainText;
import static dev.firebreak.alerting.internal.InboundBody.text;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.firebreak.alerting.AlertSeverity;
import dev.firebreak.alerting.IntegrationType;

/**
 * Prometheus Alertmanager's webhook ({@code webhook_config}, payload version 4), and Grafana's,
 * which has the same shape. Each alert of a
 * notification is one Firebreak alert keyed by its fingerprint: firing triggers it (a repeat
 * counts), resolved resolves it. Alertmanager retries only 5xx, so a request we cannot take now
 * is answered 503 with Retry-After, never 429, and everything is committed before the 200; a
 * notification that can never be taken (not JSON, a field of the wrong type, a fingerprint longer
 * than a dedup key, a NUL where a column would get it) is answered 4xx, which it does not retry.
 * Summary and source are cut to their columns' 1,024 characters; the alert keeps them whole.
 */
@Component
class AlertmanagerController {

	/** Alertmanager sends every alert of a group in one request; grant it more room than one event. */
	static final int LIMIT_BYTES = 4 * 1024 * 1024;

	private final IntegrationKeys integrations;

	private final IngestBatcher batcher;

	private final IngestRateLimiter limiter;

	private final JsonMapper json;

	AlertmanagerController(IntegrationKeys integrations, IngestBatcher batcher, IngestRateLimiter limiter,
			JsonMapper json) {
		this.integrations = integrations;
		this.batcher = batcher;
		this.limiter = limiter;
		this.json = json;
	}

	CompletableFuture<ResponseEntity<Map<String, Object>>> alertmanager(String key, HttpServletRequest request)
			throws IOException {
		return notify(IntegrationType.ALERTMANAGER, key, request);
	}

	/**
	 * Grafana alerting's webhook contact point sends the same notification shape (its version 1
	 * adds title, state, message and panel links, kept in the payload), and likewise retries 5xx.
	 */
	CompletableFuture<ResponseEntity<Map<String, Object>>> grafana(String key, HttpServletRequest request)
			throws IOException {
		return notify(IntegrationType.GRAFANA, key, request);
	}

	private CompletableFuture<ResponseEntity<Map<String, Object>>> notify(IntegrationType type, String key,
			HttpServletRequest request) throws IOException {
		var integration = integrations.byRoutingKey(key).filter(found -> found.type() == type);
		if (integration.isEmpty()) {
			return completedFuture(
					answer(HttpStatus.NOT_FOUND, "No " + type + " integration has this key; check the webhook URL."));
		}
		var body = InboundBody.read(request, json, LIMIT_BYTES);
		if (body.problem() == InboundBody.Problem.TOO_LARGE) {
			return completedFuture(
					answer(HttpStatus.CONTENT_TOO_LARGE, "The notification is larger than 4 MB; lower max_alerts."));
		}
		if (body.problem() == InboundBody.Problem.NOT_JSON_MEDIA_TYPE) {
			return completedFuture(answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, body.reason()));
		}
		if (body.problem() == InboundBody.Problem.NOT_JSON) {
			return completedFuture(answer(HttpStatus.BAD_REQUEST, body.reason()));
		}
		var notification = body.json();
		var errors = new ArrayList<String>();
		var alerts = notification == null ? null : notification.get("alerts");
		if (alerts == null || !alerts.isArray()) {
			return completedFuture(
					answer(HttpStatus.BAD_REQUEST, "Expected an Alertmanager webhook notification with 'alerts'."));
		}
		for (var i = 0; i < alerts.size(); i++) {
			var alert = alerts.get(i);
			if (!alert.isObject() || !isString(alert, "fingerprint") || !alert.path("labels").isObject()
					|| !("firing".equals(text(alert, "status")) || "resolved".equals(text(alert, "status")))) {
				errors.add("alerts[" + i + "] needs 'status' (firing or resolved), 'labels' and 'fingerprint'.");
			}
			else {
				check("alerts[" + i + "]: ", alert, errors);
			}
		}
		if (!errors.isEmpty()) {
			return completedFuture(ResponseEntity.badRequest()
				.body(Map.of("status", "error", "message", "Not a valid notification", "errors", errors)));
		}
		if (!limiter.tryAcquire(integration.get())) {
			return completedFuture(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
				.body(Map.of("status", "error", "message", "Too many notifications for this key; retry shortly.")));
		}
		var commands = new ArrayList<IngestCommand>();
		for (var alert : alerts) {
			var fingerprint = text(alert, "fingerprint");
			if ("firing".equals(text(alert, "status"))) {
				var labels = alert.get("labels");
				var annotations = alert.path("annotations");
				var severity = AlertSeverity.named(text(labels, "severity")).orElse(AlertSeverity.ERROR);
				commands.add(new IngestCommand.Trigger(integration.get(), fingerprint, severity,
						summary(labels, annotations), first(text(labels, "instance"), text(labels, "job"), type.toString()),
						stored(notification, alert)));
			}
			else {
				commands.add(new IngestCommand.Resolve(integration.get(), fingerprint));
			}
		}
		// one notification is stored whole or not at all, so Alertmanager's retry repeats nothing half-done
		return batcher.submit(commands).thenApply(stored -> ResponseEntity.ok(Map.of("status", "success", "alerts",
				alerts.size())));
	}

	/**
	 * What must hold of an alert beyond its shape before anything is stored: labels and annotations
	 * are strings (Alertmanager's are), the fingerprint fits a dedup key, and the texts a firing
	 * alert's summary and source are taken from are plain text.
	 */
	private static void check(String where, JsonNode alert, List<String> errors) {
		var fingerprint = text(alert, "fingerprint");
		if (fingerprint.length() > EventsV2.DEDUP_KEY_MAX) {
			errors.add(where + "'fingerprint' must be at most " + EventsV2.DEDUP_KEY_MAX + " characters.");
		}
		else if (notPlainText(fingerprint) != null) {
			errors.add(where + "'fingerprint' " + notPlainText(fingerprint));
		}
		var annotations = alert.get("annotations");
		if (annotations != null && !annotations.isNull() && !annotations.isObject()) {
			errors.add(where + "'annotations' must be an object.");
			return;
		}
		var firing = "firing".equals(text(alert, "status"));
		if (strings(where + "label '", alert.get("labels"), firing ? List.of("alertname", "instance", "job") : List.of(),
				errors) && annotations != null && annotations.isObject()) {
			strings(where + "annotation '", annotations, firing ? List.of("summary", "description") : List.of(), errors);
		}
	}

	/** Every value is a string, and those named are plain text; false when there is an error (the first one is said). */
	private static boolean strings(String what, JsonNode map, List<String> plain, List<String> errors) {
		for (var entry : map.properties()) {
			var name = cut(entry.getKey(), 100);
			if (!entry.getValue().isString()) {
				errors.add(what + name + "' " + mustBeAString(map, entry.getKey()));
				return false;
			}
		}
		for (var name : plain) {
			var value = text(map, name);
			if (value != null && notPlainText(value) != null) {
				errors.add(what + name + "' " + notPlainText(value));
				return false;
			}
		}
		return true;
	}

	private static String summary(JsonNode labels, JsonNode annotations) {
		return first(text(annotations, "summary"), text(annotations, "description"), text(labels, "alertname"),
				"Alert from Alertmanager");
	}

	/** The alert as Alertmanager sent it, with the notification's receiver, group and link. */
	private String stored(JsonNode notification, JsonNode alert) {
		var copy = (ObjectNode) alert.deepCopy();
		for (var field : List.of("receiver", "groupKey", "externalURL", "title", "message")) {
			if (notification.has(field)) {
				copy.set(field, notification.get(field));
			}
		}
		return json.writeValueAsString(copy);
	}

	private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String message) {
		return ResponseEntity.status(status).body(Map.of("status", "error", "message", message));
	}

	private static boolean isString(JsonNode node, String field) {
		return node.path(field).isString() && !node.path(field).asString().isBlank();
	}

	/**
	 * The first candidate that is not blank, stripped and cut to 1,024 characters: the size of the
	 * summary and source columns, so that a long annotation or instance label cannot fail the write.
	 */
	private static String first(String... candidates) {
		for (var candidate : candidates) {
			if (candidate != null && !candidate.isBlank()) {
				return cut(candidate.strip(), Math.min(EventsV2.SUMMARY_MAX, EventsV2.SOURCE_MAX));
			}
		}
		return null;
	}
}
