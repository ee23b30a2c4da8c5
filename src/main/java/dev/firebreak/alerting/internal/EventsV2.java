package dev.firebreak.alerting.internal;

import static dev.firebreak.alerting.internal.InboundBody.mustBeAString;
import static dev.firebreak.alerting.internal.InboundBody.notAString;
import static dev.firebreak.alerting.internal.InboundBody.notPlainText;
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
 * still refused. A known field of the wrong type is refused by name, and so is a value bound for a
 * column (dedup key, summary, source) that does not fit it or is not plain text: PostgreSQL refuses
 * a NUL, and a refusal the client can read beats a 5xx it retries forever.
 */
record EventsV2(String routingKey, String action, String dedupKey, AlertSeverity severity, String summary,
		String source, List<String> errors) {

	static final Set<String> ACTIONS = Set.of("trigger", "acknowledge", "resolve");

	static final int ROUTING_KEY_LENGTH = 32;

	static final int DEDUP_KEY_MAX = 255;

	static final int SUMMARY_MAX = 1024;

	/** The size of the source columns of alerts and changes. */
	static final int SOURCE_MAX = 1024;

	/** Times a database column holds alike on H2 and PostgreSQL: four-digit years. */
	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

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
		if (notAString(event, "dedup_key")) {
			errors.add("'dedup_key' " + mustBeAString(event, "dedup_key"));
		}
		else if (dedupKey != null && dedupKey.length() > DEDUP_KEY_MAX) {
			errors.add("'dedup_key' must be at most " + DEDUP_KEY_MAX + " characters.");
		}
		else if (dedupKey != null && notPlainText(dedupKey) != null) {
			errors.add("'dedup_key' " + notPlainText(dedupKey));
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
				source = source(payload, errors);
				if (!notAString(payload, "source") && (source == null || source.isBlank())) {
					errors.add("'payload.source' is missing or blank.");
				}
				var named = text(payload, "severity");
				if (notAString(payload, "severity")) {
					errors.add("'payload.severity' " + mustBeAString(payload, "severity"));
				}
				else if (named == null) {
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
				details(payload, errors);
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
			source = source(payload, errors);
			timestamp = timestamp(payload, errors);
			details(payload, errors);
		}
		checkList(event, "links", "href", errors);
		return new Change(routingKey, summary, source, timestamp, errors);
	}

	private static String summary(JsonNode payload, List<String> errors) {
		var summary = text(payload, "summary");
		if (notAString(payload, "summary")) {
			errors.add("'payload.summary' " + mustBeAString(payload, "summary"));
		}
		else if (summary == null || summary.isBlank()) {
			errors.add("'payload.summary' is missing or blank.");
		}
		else if (summary.length() > SUMMARY_MAX) {
			errors.add("'payload.summary' must be at most " + SUMMARY_MAX + " characters.");
		}
		else if (notPlainText(summary) != null) {
			errors.add("'payload.summary' " + notPlainText(summary));
		}
		return summary;
	}

	/** The source, checked to fit its column; null when absent or of the wrong type (said in errors). */
	private static String source(JsonNode payload, List<String> errors) {
		var source = text(payload, "source");
		if (notAString(payload, "source")) {
			errors.add("'payload.source' " + mustBeAString(payload, "source"));
		}
		else if (source != null && source.length() > SOURCE_MAX) {
			errors.add("'payload.source' must be at most " + SOURCE_MAX + " characters.");
		}
		else if (source != null && notPlainText(source) != null) {
			errors.add("'payload.source' " + notPlainText(source));
		}
		return source;
	}

	/** Free-form details: an object (a string is tolerated, as PagerDuty does), kept in the payload. */
	private static void details(JsonNode payload, List<String> errors) {
		var details = payload.get("custom_details");
		if (details != null && !details.isNull() && !details.isObject() && !details.isString()) {
			errors.add("'payload.custom_details' must be an object.");
		}
	}

	/** The optional ISO 8601 timestamp of a payload, or null. */
	private static Instant timestamp(JsonNode payload, List<String> errors) {
		if (notAString(payload, "timestamp")) {
			errors.add("'payload.timestamp' " + mustBeAString(payload, "timestamp")
					+ " Use an ISO 8601 time such as 2026-01-31T12:00:00Z.");
			return null;
		}
		var time = text(payload, "timestamp");
		if (time == null) {
			return null;
		}
		try {
			var instant = OffsetDateTime.parse(time).toInstant();
			if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
				errors.add("'payload.timestamp' must be between the years 1 and 9999.");
				return null;
			}
			return instant;
		}
		catch (DateTimeParseException e) {
			errors.add("'payload.timestamp' must be an ISO 8601 time such as 2026-01-31T12:00:00Z.");
			return null;
		}
	}

	private static String routingKey(JsonNode event, List<String> errors) {
		var routingKey = text(event, "routing_key");
		if (notAString(event, "routing_key")) {
			errors.add("'routing_key' " + mustBeAString(event, "routing_key"));
		}
		else if (routingKey == null || routingKey.isBlank()) {
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
