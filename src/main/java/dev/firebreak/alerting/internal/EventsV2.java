package dev.firebreak.alerting.internal;

import static dev.firebreak.alerting.internal.InboundBody.text;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import dev.firebreak.alerting.AlertSeverity;

/**
 * An alert event of the PagerDuty Events API v2, checked by the rules of that API. Fields the API
 * does not know are ignored, as PagerDuty does; a severity outside the four, or an empty one, is
 * read as {@code error} (Alertmanager templates it from labels, renders {@code ""} when a label is
 * absent or differs within a group, and drops an alert answered 400, so we would rather page than
 * drop), keeping what was sent in the stored payload. A payload without {@code severity} at all is
 * still refused.
 */
record EventsV2(String routingKey, String action, String dedupKey, AlertSeverity severity, String summary,
		String source, List<String> errors) {

	static final Set<String> ACTIONS = Set.of("trigger", "acknowledge", "resolve");

	static final int ROUTING_KEY_LENGTH = 32;

	static final int DEDUP_KEY_MAX = 255;

	static final int SUMMARY_MAX = 1024;

	boolean isValid() {
		return errors.isEmpty();
	}

	static EventsV2 read(JsonNode event) {
		var errors = new ArrayList<String>();
		var routingKey = routingKey(event, errors);
		var action = text(event, "event_action");
		if (action == null || !ACTIONS.contains(action)) {
			errors.add("'event_action' must be one of trigger, acknowledge, resolve.");
		}
		var dedupKey = text(event, "dedup_key");
		if (event.has("dedup_key") && !event.get("dedup_key").isNull() && !event.get("dedup_key").isString()) {
			errors.add("'dedup_key' must be a string.");
		}
		else if (dedupKey != null && dedupKey.length() > DEDUP_KEY_MAX) {
			errors.add("'dedup_key' must be at most " + DEDUP_KEY_MAX + " characters.");
		}
		else if ((dedupKey == null || dedupKey.isBlank()) && ("acknowledge".equals(action) || "resolve".equals(action))) {
			errors.add("'dedup_key' is required to " + action + ".");
		}
		AlertSeverity severity = null;
		String summary = null;
		String source = null;
		var payload = event.get("payload");
		if ("trigger".equals(action) || (payload != null && !payload.isNull())) {
			if (payload == null || !payload.isObject()) {
				errors.add("'payload' is required and must be an object.");
			}
			else {
				summary = summary(payload, errors);
				source = text(payload, "source");
				if (source == null || source.isBlank()) {
					errors.add("'payload.source' is missing or blank.");
				}
				var named = text(payload, "severity");
				if (named == null) {
					errors.add("'payload.severity' is missing; use critical, error, warning or info.");
				}
				else {
					// blank too: Alertmanager's severity template renders empty when a group's alerts disagree
					severity = AlertSeverity.named(named.strip()).orElse(AlertSeverity.ERROR);
				}
				timestamp(payload, errors);
				for (var optional : List.of("component", "group", "class")) {
					if (payload.has(optional) && !payload.get(optional).isNull() && !payload.get(optional).isString()) {
						errors.add("'payload." + optional + "' must be a string.");
					}
				}
				if (payload.has("custom_details") && !payload.get("custom_details").isNull()
						&& !payload.get("custom_details").isObject() && !payload.get("custom_details").isString()) {
					errors.add("'payload.custom_details' must be an object.");
				}
			}
		}
		checkList(event, "images", "src", errors);
		checkList(event, "links", "href", errors);
		return new EventsV2(routingKey, action, dedupKey, severity, summary, source, errors);
	}

	/**
	 * A change event ({@code /v2/change/enqueue}): a routing key and a summary, optionally a source,
	 * a timestamp, details and links; no action and no dedup key.
	 */
	record Change(String routingKey, String summary, String source, Instant timestamp, List<String> errors) {

		boolean isValid() {
			return errors.isEmpty();
		}
	}

	static Change readChange(JsonNode event) {
		var errors = new ArrayList<String>();
		var routingKey = routingKey(event, errors);
		String summary = null;
		String source = null;
		Instant timestamp = null;
		var payload = event.get("payload");
		if (payload == null || !payload.isObject()) {
			errors.add("'payload' is required and must be an object.");
		}
		else {
			summary = summary(payload, errors);
			source = text(payload, "source");
			timestamp = timestamp(payload, errors);
		}
		checkList(event, "links", "href", errors);
		return new Change(routingKey, summary, source, timestamp, errors);
	}

	private static String summary(JsonNode payload, List<String> errors) {
		var summary = text(payload, "summary");
		if (summary == null || summary.isBlank()) {
			errors.add("'payload.summary' is missing or blank.");
		}
		else if (summary.length() > SUMMARY_MAX) {
			errors.add("'payload.summary' must be at most " + SUMMARY_MAX + " characters.");
		}
		return summary;
	}

	/** The optional ISO 8601 timestamp of a payload, or null. */
	private static Instant timestamp(JsonNode payload, List<String> errors) {
		var time = text(payload, "timestamp");
		if (time == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(time).toInstant();
		}
		catch (DateTimeParseException e) {
			errors.add("'payload.timestamp' must be an ISO 8601 time such as 2026-01-31T12:00:00Z.");
			return null;
		}
	}

	private static String routingKey(JsonNode event, List<String> errors) {
		var routingKey = text(event, "routing_key");
		if (routingKey == null || routingKey.isBlank()) {
			errors.add("'routing_key' is missing or blank.");
		}
		else if (routingKey.length() != ROUTING_KEY_LENGTH) {
			errors.add("'routing_key' must be " + ROUTING_KEY_LENGTH + " characters.");
		}
		return routingKey;
	}

	private static void checkList(JsonNode event, String field, String required, List<String> errors) {
		var list = event.get(field);
		if (list == null || list.isNull()) {
			return;
		}
		if (!list.isArray()) {
			errors.add("'" + field + "' must be a list.");
			return;
		}
		for (var item : list) {
			var value = item.isObject() ? text(item, required) : null;
			if (value == null || value.isBlank()) {
				errors.add("Every item of '" + field + "' needs '" + required + "'.");
				return;
			}
			if ("images".equals(field) && !value.startsWith("https://")) {
				errors.add("'images[].src' must be an https URL.");
				return;
			}
		}
	}

}
