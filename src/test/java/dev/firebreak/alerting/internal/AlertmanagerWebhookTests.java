package dev.firebreak.alerting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import dev.firebreak.ApiTest;
import tools.jackson.databind.JsonNode;

/** Alertmanager's webhook_config, version 4 payloads as Alertmanager 0.25 sends them. */
class AlertmanagerWebhookTests extends ApiTest {

	private String service;

	private String key;

	private String integrationId;

	@BeforeEach
	void anAlertmanagerIntegration() {
		var admin = adminToken();
		service = api.post("/api/v1/services", admin, "{\"name\": \"prometheus-%s\"}".formatted(UUID.randomUUID()))
			.expectStatus(201).json().get("id").asString();
		var integration = api.post("/api/v1/services/" + service + "/integrations", admin, "{\"type\": \"alertmanager\"}")
			.expectStatus(201).json();
		key = integration.get("routing_key").asString();
		integrationId = integration.get("id").asString();
	}

	private static String notification(String status, String... alerts) {
		return """
				{"receiver": "firebreak\\\\.webhook", "status": "%s", "alerts": [%s],
				 "groupLabels": {"alertname": "HighErrorRate"}, "commonLabels": {}, "commonAnnotations": {},
				 "externalURL": "http://alertmanager:9093", "version": "4", "groupKey": "{}:{alertname=\\"HighErrorRate\\"}",
				 "truncatedAlerts": 0}""".formatted(status, String.join(",", alerts));
	}

	private static String alert(String status, String fingerprint, String severity, String instance) {
		return """
				{"status": "%s", "labels": {"alertname": "HighErrorRate", "severity": "%s", "instance": "%s"},
				 "annotations": {"summary": "Error rate over 5%% on %s"}, "startsAt": "2026-03-02T09:58:00Z",
				 "endsAt": "%s", "generatorURL": "http://prometheus:9090/graph", "fingerprint": "%s"}"""
			.formatted(status, severity, instance, instance,
					"firing".equals(status) ? "0001-01-01T00:00:00Z" : "2026-03-02T10:05:00Z", fingerprint);
	}

	private JsonNode alerts() {
		return api.get("/api/v1/alerts?integration=" + integrationId, adminToken()).expectStatus(200).json();
	}

	@Test
	void eachAlertIsOneFirebreakAlertByFingerprintAndResolvedMeansResolved() {
		api.post("/integrations/alertmanager/" + key, null, notification("firing",
				alert("firing", "1a2b3c4d5e6f7a8b", "critical", "api-1"),
				alert("firing", "8b7a6f5e4d3c2b1a", "warning", "api-2"))).expectStatus(200);
		// the repeat Alertmanager sends every repeat_interval
		api.post("/integrations/alertmanager/" + key, null, notification("firing",
				alert("firing", "1a2b3c4d5e6f7a8b", "critical", "api-1"))).expectStatus(200);

		var list = alerts();
		assertThat(list.get("total").asLong()).isEqualTo(2);
		var critical = list.get("items").values().stream()
			.filter(a -> a.get("dedup_key").asString().equals("1a2b3c4d5e6f7a8b")).findFirst().orElseThrow();
		assertThat(critical.get("severity").asString()).isEqualTo("critical");
		assertThat(critical.get("summary").asString()).isEqualTo("Error rate over 5% on api-1");
		assertThat(critical.get("source").asString()).isEqualTo("api-1");
		assertThat(critical.get("occurrences").asInt()).isEqualTo(2);

		api.post("/integrations/alertmanager/" + key, null, notification("resolved",
				alert("resolved", "1a2b3c4d5e6f7a8b", "critical", "api-1"),
				alert("resolved", "8b7a6f5e4d3c2b1a", "warning", "api-2"))).expectStatus(200);
		assertThat(alerts().get("items").values()).extracting(a -> a.get("status").asString()).containsOnly("resolved");
	}

	@Test
	void aCriticalAlertFromAlertmanagerOpensAnIncident() {
		api.post("/integrations/alertmanager/" + key, null, notification("firing",
				alert("firing", "0f0f0f0f0f0f0f0f", "critical", "db-1"))).expectStatus(200);
		eventsBetweenModulesAreHandled();
		var incidents = api.get("/api/v1/incidents?service=" + service, adminToken()).json();
		assertThat(incidents.get("total").asLong()).isEqualTo(1);
		assertThat(incidents.get("items").get(0).get("title").asString()).isEqualTo("Error rate over 5% on db-1");
	}

	@Test
	void aWrongKeyOrABrokenNotificationIsRefusedAndStoresNothing() {
		var before = count();
		api.post("/integrations/alertmanager/" + "0".repeat(32), null, notification("firing",
				alert("firing", "1111111111111111", "critical", "x"))).expectStatus(404);
		api.post("/integrations/alertmanager/" + key, null, "{\"alerts\": 3}").expectStatus(400);
		api.post("/integrations/alertmanager/" + key, null, "not json").expectStatus(400);
		var missing = api.post("/integrations/alertmanager/" + key, null,
				notification("firing", "{\"status\": \"firing\", \"labels\": {}}")).expectStatus(400).json();
		assertThat(missing.get("errors").get(0).asString()).contains("fingerprint");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void pastItsRateTheWebhookAsksAlertmanagerToRetryWith503() throws Exception {
		api.put("/api/v1/integrations/" + integrationId, adminToken(), "{\"rate_per_second\": 1}").expectStatus(200);
		api.post("/integrations/alertmanager/" + key, null, notification("firing", alert("firing", "aaaaaaaaaaaaaaaa", "info", "x")))
			.expectStatus(200);
		api.post("/integrations/alertmanager/" + key, null, notification("firing", alert("firing", "bbbbbbbbbbbbbbbb", "info", "x")))
			.expectStatus(200);
		var refused = mvc.perform(post("/integrations/alertmanager/" + key).contentType(MediaType.APPLICATION_JSON)
			.content(notification("firing", alert("firing", "cccccccccccccccc", "info", "x")))).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(503);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
		assertThat(alerts().get("total").asLong()).isEqualTo(2);
	}

	private long count() {
		return jdbc.sql("select count(*) from alert").query(Long.class).single();
	}
}
