package dev.firebreak.alerting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.firebreak.ApiTest;
import tools.jackson.databind.JsonNode;

/** The generic JSON webhook: dedup key, title, message, severity, state, link. */
class WebhookTests extends ApiTest {

	private String key;

	private String integrationId;

	@BeforeEach
	void aWebhookIntegration() {
		var admin = adminToken();
		var service = api.post("/api/v1/services", admin, "{\"name\": \"hooks-%s\"}".formatted(UUID.randomUUID()))
			.expectStatus(201).json().get("id").asString();
		var integration = api.post("/api/v1/services/" + service + "/integrations", admin, "{\"type\": \"webhook\"}")
			.expectStatus(201).json();
		key = integration.get("routing_key").asString();
		integrationId = integration.get("id").asString();
	}

	private JsonNode alerts() {
		return api.get("/api/v1/alerts?integration=" + integrationId, adminToken()).expectStatus(200).json();
	}

	@Test
	void aTriggerOpensAnAlertAndStatesMoveIt() {
		var answer = api.post("/integrations/webhook/" + key, null, """
				{"dedup_key": "backup", "title": "Nightly backup failed", "message": "exit 2", "severity": "warning",
				 "link": "https://ci.example/backup/41", "anything": "else"}""").expectStatus(202).json();
		assertThat(answer.get("dedup_key").asString()).isEqualTo("backup");
		var alert = alerts().get("items").get(0);
		assertThat(alert.get("summary").asString()).isEqualTo("Nightly backup failed");
		assertThat(alert.get("severity").asString()).isEqualTo("warning");

		api.post("/integrations/webhook/" + key, null, "{\"dedup_key\": \"backup\", \"state\": \"acknowledged\"}")
			.expectStatus(202);
		assertThat(alerts().get("items").get(0).get("status").asString()).isEqualTo("acknowledged");
		api.post("/integrations/webhook/" + key, null, "{\"dedup_key\": \"backup\", \"state\": \"resolved\"}")
			.expectStatus(202);
		assertThat(alerts().get("items").get(0).get("status").asString()).isEqualTo("resolved");

		var detail = api.get("/api/v1/alerts/" + alert.get("id").asString(), adminToken()).json();
		assertThat(detail.get("payload").get("link").asString()).isEqualTo("https://ci.example/backup/41");
	}

	@Test
	void badEventsAreRefusedWithReasonsAndStoreNothing() {
		var before = jdbc.sql("select count(*) from alert").query(Long.class).single();
		var noTitle = api.post("/integrations/webhook/" + key, null, "{\"severity\": \"critical\"}").expectStatus(400).json();
		assertThat(noTitle.get("errors").toString()).contains("'title' is required");
		api.post("/integrations/webhook/" + key, null, "{\"title\": \"x\", \"state\": \"exploded\"}").expectStatus(400);
		api.post("/integrations/webhook/" + key, null, "{\"state\": \"resolved\"}").expectStatus(400);
		api.post("/integrations/webhook/" + key, null, "[]").expectStatus(400);
		api.post("/integrations/webhook/" + "f".repeat(32), null, "{\"title\": \"x\"}").expectStatus(404);
		assertThat(jdbc.sql("select count(*) from alert").query(Long.class).single()).isEqualTo(before);
	}
}
