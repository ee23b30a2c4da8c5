package dev.firebreak.comms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.firebreak.ApiTest;
import dev.firebreak.notification.TestMail;
import tools.jackson.databind.JsonNode;

class StakeholderDigestTests extends ApiTest {

	private Person responder;

	private CommsWorld world;

	private String admin;

	@BeforeEach
	void aWorld() {
		responder = person("responder");
		admin = adminToken();
		world = new CommsWorld(api, admin);
	}

	private static String address(String who) {
		return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	@Test
	void adminsKeepEachServicesStakeholderListValidatedAndAudited() {
		var service = world.service("billing");
		var cfo = address("cfo");

		var saved = api.put("/api/v1/services/" + service + "/stakeholders", admin, """
				{"emails": ["  %s ", "%s", "ops@example.com"]}""".formatted(cfo.toUpperCase(), cfo)).expectStatus(200).json();

		assertThat(saved.get("emails").values()).extracting(JsonNode::asString).containsExactly(cfo, "ops@example.com");
		assertThat(api.get("/api/v1/services/" + service + "/stakeholders", admin).expectStatus(200).json()
			.get("emails").size()).isEqualTo(2);
		assertThat(api.get("/api/v1/audit?size=50", admin).json().get("items").values().stream()
			.filter(e -> e.get("target_id").asString().equals(service))
			.map(e -> e.get("action").asString())).contains("stakeholders.replaced");

		api.put("/api/v1/services/" + service + "/stakeholders", responder.token(), """
				{"emails": []}""").expectStatus(403);
		api.get("/api/v1/services/" + service + "/stakeholders", responder.token()).expectStatus(403);
		assertThat(api.put("/api/v1/services/" + service + "/stakeholders", admin, """
				{"emails": ["ops@example.com", "not an address"]}""").problem(400).get("errors").get(0).get("pointer")
			.asString()).isEqualTo("/emails/1");
		api.put("/api/v1/services/" + service + "/stakeholders", admin, """
				{"emails": ["Boss <boss@example.com>"]}""").problem(400);
		api.put("/api/v1/services/" + service + "/stakeholders", admin, "{}").problem(400);
		api.put("/api/v1/services/" + service + "/stakeholders", admin, """
				{"emails": [], "cc": []}""").problem(400);
		api.put("/api/v1/services/" + UUID.randomUUID() + "/stakeholders", admin, """
				{"emails": []}""").problem(404);

		assertThat(api.get("/api/v1/services/" + service + "/stakeholders", admin).json().get("emails").values())
			.extracting(JsonNode::asString).containsExactly(cfo, "ops@example.com");
	}

	@Test
	void aStakeholderUpdateIsMailedOnceToEveryListOfTheIncidentsServicesAsABusinessImpactDigest() {
		var checkout = world.service("checkout");
		var payments = world.service("payments");
		var cfo = address("cfo");
		var sales = address("sales");
		var outsider = address("outsider");
		world.stakeholders(checkout, cfo, sales);
		world.stakeholders(payments, cfo);
		world.stakeholders(world.service("search"), outsider);
		var incident = world.declare(responder.token(), "SEV2", false, checkout, payments);

		world.post(incident, responder.token(), """
				{"audience": "stakeholders", "text": "Orders are down 30%; rolling back the 10:05 deploy."}""").expectStatus(201);
		world.post(incident, responder.token(), """
				{"audience": "internal", "text": "Not for stakeholders."}""").expectStatus(201);
		settle();

		assertThat(TestMail.to(cfo)).hasSize(1);
		assertThat(TestMail.to(sales)).hasSize(1);
		assertThat(TestMail.to(outsider)).isEmpty();
		var mail = TestMail.to(cfo).get(0);
		assertThat(TestMail.subject(mail)).isEqualTo("[SEV2] " + incident + " Card payments fail — update");
		var next = java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneOffset.UTC)
			.format(clock.instant().plus(java.time.Duration.ofMinutes(60)));
		assertThat(TestMail.text(mail)).contains("Impact: Customers cannot pay by card.")
			.contains("Status: triage (SEV2)").contains("Mitigation: not mitigated yet")
			.contains("Orders are down 30%; rolling back the 10:05 deploy.")
			.contains("Next update by " + next + " UTC")
			.contains("/incidents/" + incident)
			.doesNotContain("Not for stakeholders");
	}

	@Test
	void aPrivateIncidentNeverReachesStakeholderMail() {
		var vault = world.service("vault");
		var ciso = address("ciso");
		world.stakeholders(vault, ciso);
		var incident = world.declare(responder.token(), "SEV1", true, vault);

		world.post(incident, responder.token(), """
				{"audience": "stakeholders", "text": "Keys may have leaked."}""").problem(409);
		world.post(incident, responder.token(), """
				{"audience": "internal", "text": "Keys may have leaked."}""").expectStatus(201);
		settle();

		assertThat(TestMail.to(ciso)).isEmpty();
	}
}
