package dev.firebreak.alerting.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.firebreak.alerting.IntegrationType;

/**
 * The fields an alert can be matched by (to a runbook), read from the payload that opened it: an
 * Alertmanager or Grafana alert's labels, as they are; an Events API v2 event's standard payload
 * fields {@code class}, {@code component}, {@code group} and {@code source}. {@code custom_details}
 * are left out: they are free-form, and a runbook should not hang on one tool's private keys.
 * Generic webhooks and heartbeats carry no such fields.
 */
final class AlertFields {

	static final List<String> EVENTS_V2_FIELDS = List.of("class", "component", "group", "source");

	private AlertFields() {
	}

	static Map<String, String> of(IntegrationType type, String payload, JsonMapper json) {
		var fields = new LinkedHashMap<String, String>();
		if (payload == null || payload.isBlank()) {
			return fields;
		}
		var event = json.readTree(payload);
		switch (type) {
			case ALERTMANAGER, GRAFANA -> strings(event.path("labels"), fields);
			case EVENTS_V2 -> {
				var body = event.path("payload");
				for (var name : EVENTS_V2_FIELDS) {
					if (body.path(name).isString() && !body.path(name).asString().isBlank()) {
						fields.put(name, body.path(name).asString());
					}
				}
			}
			default -> {
				// a generic webhook's body is the sender's own shape, a heartbeat has none
			}
		}
		return fields;
	}

	private static void strings(JsonNode map, Map<String, String> into) {
		if (map.isObject()) {
			for (var entry : map.properties()) {
				if (entry.getValue().isString()) {
					into.put(entry.getKey(), entry.getValue().asString());
				}
			}
		}
	}
}
