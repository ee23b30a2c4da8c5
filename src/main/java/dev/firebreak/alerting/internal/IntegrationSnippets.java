package dev.firebreak.alerting.internal;

import dev.firebreak.alerting.IntegrationType;

/**
 * The set-up a person copies into a monitoring tool, one per kind of integration, built from the
 * address this request reached Firebreak at, so what is shown is what works from here. Without
 * the routing key (a person who may not see it) the key is a placeholder an administrator fills in.
 */
final class IntegrationSnippets {

	static final String KEY_PLACEHOLDER = "<routing key>";

	static final String EVENTS_V2_KEY_PLACEHOLDER = "<routing key of an Events API v2 integration>";

	private IntegrationSnippets() {
	}

	/** What to copy, what it is, and anything a person must know to make it work. */
	record Snippet(String label, String text, String note) {
	}

	/**
	 * @param base the address of Firebreak without a trailing slash, like {@code https://firebreak.example}
	 * @param key the routing key, or null to show a placeholder
	 * @param eventsV2Key for Alertmanager's {@code pagerduty_configs}: the routing key of an Events API v2
	 * integration of the same service, or null to show a placeholder
	 */
	static Snippet of(IntegrationType type, String base, String key, String eventsV2Key) {
		var routingKey = key == null ? KEY_PLACEHOLDER : key;
		return switch (type) {
			case EVENTS_V2 -> new Snippet("Send a test alert with curl", """
					curl -sS -X POST '%s/v2/enqueue' \\
					  -H 'Content-Type: application/json' \\
					  -d '{"routing_key": "%s", "event_action": "trigger", "dedup_key": "disk-full-db-1",
					       "payload": {"summary": "Disk 95%% full on db-1", "source": "db-1", "severity": "critical"}}'"""
				.formatted(base, routingKey),
					"Any PagerDuty Events API v2 client works: point it at " + base
							+ "/v2/enqueue. \"event_action\": \"resolve\" with the same dedup_key ends the alert.");
			case ALERTMANAGER -> new Snippet("Alertmanager receiver (alertmanager.yml)", """
					receivers:
					  - name: firebreak
					    webhook_configs:
					      - url: '%s/integrations/alertmanager/%s'
					        send_resolved: true

					# or, through Alertmanager's PagerDuty integration (Events API v2):
					  - name: firebreak-events-v2
					    pagerduty_configs:
					      - routing_key: '%s'
					        url: '%s/v2/enqueue'"""
				.formatted(base, routingKey, eventsV2Key == null ? EVENTS_V2_KEY_PLACEHOLDER : eventsV2Key, base),
					"Route alerts to the receiver named firebreak. The pagerduty_configs alternative speaks the Events API v2,"
							+ " so it takes the key of an Events API v2 integration of this service, not this integration's key.");
			case GRAFANA -> new Snippet("Grafana contact point (type Webhook, method POST)",
					base + "/integrations/grafana/" + routingKey,
					"In Grafana: Alerting → Contact points → New contact point, integration Webhook, this URL.");
			case WEBHOOK -> new Snippet("Send an alert with curl", """
					curl -sS -X POST '%s/integrations/webhook/%s' \\
					  -H 'Content-Type: application/json' \\
					  -d '{"dedup_key": "nightly-backup", "title": "Nightly backup failed", "message": "Exit code 2",
					       "severity": "error", "state": "triggered", "link": "https://ci.firebreak.example/jobs/42"}'"""
				.formatted(base, routingKey),
					"state is triggered (the default), acknowledged or resolved; severity is critical, error, warning or info."
							+ " Acknowledging or resolving needs the same dedup_key.");
			case HEARTBEAT -> {
				var url = base + "/ping/" + (key == null ? KEY_PLACEHOLDER : asUuid(key));
				yield new Snippet("Ping from cron (every 5 minutes)",
						"*/5 * * * * curl -fsS -m 10 --retry 5 '" + url + "' > /dev/null",
						"Ping URL: " + url + ". A job calls it when it has run; silence raises an alert.");
			}
		};
	}

	/** The 32 hexadecimal characters of a routing key written as a UUID, 8-4-4-4-12, as ping URLs take it. */
	static String asUuid(String key) {
		if (key.length() != 32) {
			return key;
		}
		return key.substring(0, 8) + "-" + key.substring(8, 12) + "-" + key.substring(12, 16) + "-"
				+ key.substring(16, 20) + "-" + key.substring(20);
	}
}
