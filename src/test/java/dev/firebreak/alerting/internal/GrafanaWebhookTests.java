package dev.firebreak.alerting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.firebreak.ApiTest;

/** Grafana alerting's webhook contact point (version 1 payload). */
class GrafanaWebhookTests extends ApiTest {

	@Test
	void grafanaAlertsAreAlertsByFingerprint() {
		var admin = adminToken();
		var service = api.post("/api/v1/services", admin, "{\"name\": \"grafana-%s\"}".formatted(UUID.randomUUID()))
			.expectStatus(201).json().get("id").asString();
		var integration = api.post("/api/v1/services/" + service + "/integrations", admin, "{\"type\": \"grafana\"}")
			.expectStatus(201).json();
		var key = integration.get("routing_key").asString();
		var body = """
				{"receiver": "firebreak", "status": "%s", "orgId": 1, "alerts": [{"status": "%s",
				  "labels": {"alertname": "CPU high", "grafana_folder": "infra", "severity": "critical"},
				  "annotations": {"summary": "CPU over 90%% on web-3"}, "startsAt": "2026-03-02T10:00:00Z",
				  "endsAt": "0001-01-01T00:00:00Z", "generatorURL": "http://grafana/alerting/grafana/abc/view",
				  "fingerprint": "57c6d9296de2ad39", "silenceURL": "http://grafana/silence", "dashboardURL": "",
				  "panelURL": "", "values": {"B": 93.5}, "valueString": "[ var='B' value=93.5 ]"}],
				 "groupLabels": {"alertname": "CPU high"}, "commonLabels": {}, "commonAnnotations": {},
				 "externalURL": "http://grafana/", "version": "1", "groupKey": "{}:{alertname=\\"CPU high\\"}",
				 "truncatedAlerts": 0, "title": "[FIRING:1] CPU high", "state": "alerting", "message": "CPU"}""";

		api.post("/integrations/grafana/" + key, null, body.formatted("firing", "firing")).expectStatus(200);
		var alerts = api.get("/api/v1/alerts?integration=" + integration.get("id").asString(), admin).json();
		assertThat(alerts.get("total").asLong()).isEqualTo(1);
		var alert = alerts.get("items").get(0);
		assertThat(alert.get("dedup_key").asString()).isEqualTo("57c6d9296de2ad39");
		assertThat(alert.get("summary").asString()).isEqualTo("CPU over 90% on web-3");
		assertThat(alert.get("source").asString()).isEqualTo("grafana");

		api.post("/integrations/grafana/" + key, null, body.formatted("resolved", "resolved")).expectStatus(200);
		assertThat(api.get("/api/v1/alerts/" + alert.get("id").asString(), admin).json().get("status").asString())
			.isEqualTo("resolved");
		// an Alertmanager path does not take a Grafana key
		api.post("/integrations/alertmanager/" + key, null, body.formatted("firing", "firing")).expectStatus(404);
	}
}
