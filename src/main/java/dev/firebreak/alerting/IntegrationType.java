package dev.firebreak.alerting;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The language a monitoring tool speaks to Firebreak. */
public enum IntegrationType {

	/** PagerDuty Events API v2: {@code POST /v2/enqueue}, the routing key in the body. */
	EVENTS_V2,
	/** Prometheus Alertmanager's webhook (payload version 4). */
	ALERTMANAGER,
	/** Grafana alerting's webhook contact point. */
	GRAFANA,
	/** A generic JSON webhook for anything else. */
	WEBHOOK,
	/** A ping URL that a job calls; silence raises an alert. */
	HEARTBEAT;

	@JsonValue
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
