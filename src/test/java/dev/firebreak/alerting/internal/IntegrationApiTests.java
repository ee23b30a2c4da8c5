package dev.firebreak.alerting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.firebreak.ApiTest;

class IntegrationApiTests extends ApiTest {

	@Autowired
	IntegrationKeys keys;

	private String admin;

	private String service;

	@BeforeEach
	void aService() {
		admin = adminToken();
		service = api.post("/api/v1/services", admin, "{\"name\": \"api-%s\"}".formatted(UUID.randomUUID()))
			.expectStatus(201).json().get("id").asString();
	}

	@Test
	void anAdminCreatesAnIntegrationWithASecretRoutingKey() {
		var created = api.post("/api/v1/services/" + service + "/integrations", admin, "{\"type\": \"events_v2\"}");
		var integration = created.expectStatus(201).json();

		var key = integration.get("routing_key").asString();
		assertThat(key).matches("[0-9a-f]{32}");
		assertThat(integration.get("type").asString()).isEqualTo("events_v2");
		assertThat(integration.get("service_id").asString()).isEqualTo(service);
		assertThat(created.location()).isEqualTo("/api/v1/integrations/" + integration.get("id").asString());
		assertThat(keys.byRoutingKey(key)).get().satisfies(found -> assertThat(found.id().toString())
			.isEqualTo(integration.get("id").asString()));
		// shown again to an admin, and the same
		assertThat(api.get("/api/v1/integrations/" + integration.get("id").asString(), admin).json().get("routing_key")
			.asString()).isEqualTo(key);
	}

	@Test
	void theDatabaseAloneDoesNotRevealTheKey() {
		var integration = api.post("/api/v1/services/" + service + "/integrations", admin, "{\"type\": \"alertmanager\"}")
			.expectStatus(201).json();
		var key = integration.get("routing_key").asString();

		var row = jdbc.sql("select * from alert_integration where id = :id")
			.param("id", UUID.fromString(integration.get("id").asString())).query().singleRow();
		assertThat(row.values()).noneSatisfy(value -> assertThat(String.valueOf(value)).contains(key));
		assertThat(String.valueOf(row.get("key_ciphertext"))).startsWith("v1:");
	}

	@Test
	void regeneratingReplacesTheKeyAtOnce() {
		var integration = api.post("/api/v1/services/" + service + "/integrations", admin, "{\"type\": \"grafana\"}")
			.expectStatus(201).json();
		var id = integration.get("id").asString();
		var old = integration.get("routing_key").asString();
		clock.advance(java.time.Duration.ofMinutes(1));

		var renewed = api.post("/api/v1/integrations/" + id + "/routing-key", admin, null).expectStatus(200).json();

		var fresh = renewed.get("routing_key").asString();
		assertThat(fresh).matches("[0-9a-f]{32}").isNotEqualTo(old);
		assertThat(keys.byRoutingKey(old)).isEmpty();
		assertThat(keys.byRoutingKey(fresh)).isPresent();
		assertThat(renewed.get("key_rotated_at").asString()).isEqualTo(clock.instant().toString());
	}

	@Test
	void othersSeeThatAnIntegrationExistsButNotItsKey() {
		var id = api.post("/api/v1/services/" + service + "/integrations", admin, "{\"type\": \"heartbeat\", \"name\": \"nightly backup\"}")
			.expectStatus(201).json().get("id").asString();
		var responder = person("responder");

		var listed = api.get("/api/v1/services/" + service + "/integrations", responder.token()).expectStatus(200).json();
		assertThat(listed.get(0).get("name").asString()).isEqualTo("nightly backup");
		assertThat(listed.get(0).has("routing_key")).isFalse();
		assertThat(api.get("/api/v1/integrations/" + id, responder.token()).json().has("routing_key")).isFalse();

		api.post("/api/v1/services/" + service + "/integrations", responder.token(), "{\"type\": \"webhook\"}").problem(403);
		api.post("/api/v1/integrations/" + id + "/routing-key", responder.token(), null).problem(403);
		api.delete("/api/v1/integrations/" + id, responder.token()).problem(403);
		assertThat(api.get("/api/v1/services/" + service + "/integrations", admin).json().size()).isEqualTo(1);
	}

	@Test
	void badRequestsChangeNothing() {
		var before = count();
		var problem = api.post("/api/v1/services/" + service + "/integrations", admin, "{\"type\": \"pager\"}").problem(400);
		assertThat(problem.get("detail").asString()).contains("events_v2");
		api.post("/api/v1/services/" + service + "/integrations", admin, "{}").problem(400);
		api.post("/api/v1/services/" + UUID.randomUUID() + "/integrations", admin, "{\"type\": \"webhook\"}").problem(404);
		api.post("/api/v1/services/" + service + "/integrations", admin,
				"{\"type\": \"webhook\", \"name\": \"%s\"}".formatted("n".repeat(101))).problem(400);
		api.get("/api/v1/integrations/" + UUID.randomUUID(), admin).problem(404);
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aDeletedIntegrationsKeyOpensNothing() {
		var integration = api.post("/api/v1/services/" + service + "/integrations", admin, "{\"type\": \"webhook\"}")
			.expectStatus(201).json();
		api.delete("/api/v1/integrations/" + integration.get("id").asString(), admin).expectStatus(204);
		assertThat(keys.byRoutingKey(integration.get("routing_key").asString())).isEmpty();
		var audit = api.get("/api/v1/audit?size=20", admin).json().get("items");
		assertThat(audit.values()).extracting(e -> e.get("action").asString())
			.contains("integration.created", "integration.deleted");
	}

	private long count() {
		return jdbc.sql("select count(*) from alert_integration").query(Long.class).single();
	}
}
