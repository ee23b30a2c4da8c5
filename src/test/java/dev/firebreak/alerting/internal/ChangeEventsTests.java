package dev.firebreak.alerting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.firebreak.ApiTest;

/** Change events ({@code /v2/change/enqueue}): deploys kept on the service, shown on the incidents after them. */
class ChangeEventsTests extends ApiTest {

	private String admin;

	private String service;

	private String key;

	@BeforeEach
	void anEventsV2Integration() {
		admin = adminToken();
		service = api.post("/api/v1/services", admin, "{\"name\": \"deploys-%s\"}".formatted(UUID.randomUUID()))
			.expectStatus(201).json().get("id").asString();
		key = api.post("/api/v1/services/" + service + "/integrations", admin, "{\"type\": \"events_v2\"}")
			.expectStatus(201).json().get("routing_key").asString();
	}

	private void change(String summary, String timestamp) {
		var response = api.post("/v2/change/enqueue", null, """
				{"routing_key": "%s", "payload": {"summary": "%s", "source": "ci", %s "custom_details": {"sha": "abc"}},
				 "links": [{"href": "https://ci.example/run/1", "text": "build"}]}"""
			.formatted(key, summary, timestamp == null ? "" : "\"timestamp\": \"" + timestamp + "\",")).expectStatus(202).json();
		assertThat(response.get("status").asString()).isEqualTo("success");
	}

	@Test
	void anIncidentShowsTheLastChangeBeforeItBegan() {
		change("Deployed checkout v41", clock.instant().minus(Duration.ofMinutes(30)).toString());
		change("Deployed checkout v42", clock.instant().minus(Duration.ofMinutes(5)).toString());
		var incident = api.post("/api/v1/incidents", admin, """
				{"title": "Checkout 500s", "severity": "SEV2", "affected_service_ids": ["%s"]}""".formatted(service))
			.expectStatus(201).json().get("id").asString();
		clock.advance(Duration.ofMinutes(1));
		change("Rolled back checkout to v41", null);

		var last = api.get("/api/v1/incidents/" + incident + "/last-change", admin).expectStatus(200).json();
		assertThat(last.get("summary").asString()).isEqualTo("Deployed checkout v42");
		assertThat(last.get("source").asString()).isEqualTo("ci");
		assertThat(api.get("/api/v1/incidents/" + incident + "/summary.md", admin).body())
			.contains("| Last change before | Deployed checkout v42");
	}

	@Test
	void anIncidentWithoutEarlierChangesSaysSo() {
		var incident = api.post("/api/v1/incidents", admin, """
				{"title": "Nothing deployed", "affected_service_ids": ["%s"]}""".formatted(service))
			.expectStatus(201).json().get("id").asString();
		api.get("/api/v1/incidents/" + incident + "/last-change", admin).expectStatus(204);
		assertThat(api.get("/api/v1/incidents/" + incident + "/summary.md", admin).body())
			.contains("| Last change before | none recorded |");
	}

	@Test
	void anInvalidChangeEventIsRefusedAndStoresNothing() {
		var before = jdbc.sql("select count(*) from catalog_change").query(Long.class).single();
		var missing = api.post("/v2/change/enqueue", null, "{\"routing_key\": \"%s\", \"payload\": {\"source\": \"ci\"}}"
			.formatted(key)).expectStatus(400).json();
		assertThat(missing.get("status").asString()).isEqualTo("invalid event");
		assertThat(missing.get("errors").toString()).contains("payload.summary");
		api.post("/v2/change/enqueue", null, "{\"routing_key\": \"%s\", \"payload\": {\"summary\": \"x\"}}"
			.formatted("0".repeat(32))).expectStatus(400);
		api.post("/v2/change/enqueue", null, "not json").expectStatus(400);
		assertThat(jdbc.sql("select count(*) from catalog_change").query(Long.class).single()).isEqualTo(before);
	}
}
