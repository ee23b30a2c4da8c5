package dev.firebreak.comms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.firebreak.ApiTest;
import tools.jackson.databind.JsonNode;

class StatusUpdateApiTests extends ApiTest {

	private Person responder;

	private CommsWorld world;

	@BeforeEach
	void aWorld() {
		responder = person("responder");
		world = new CommsWorld(api, adminToken());
		// public updates name components the status page lists
		for (var name : new String[] { "Card payments", "Cart", "Checkout" }) {
			dev.firebreak.statuspage.StatusPageWorld.ensureComponent(api, adminToken(), name);
		}
	}

	private JsonNode updates(String incident, String query) {
		return api.get("/api/v1/incidents/" + incident + "/status-updates" + query, responder.token()).expectStatus(200).json();
	}

	private List<String> timeline(String incident) {
		return api.get("/api/v1/incidents/" + incident + "/timeline", responder.token()).expectStatus(200).json()
			.values().stream().filter(e -> e.get("kind").asString().equals("status_update"))
			.map(e -> e.get("text").asString()).toList();
	}

	private int stored(String incident) {
		return updates(incident, "").get("total").asInt();
	}

	@Test
	void eachAudienceGetsItsUpdateNewestFirstAndOnTheTimeline() {
		var incident = world.declare(responder.token(), "SEV2", false);

		var internal = world.post(incident, responder.token(), """
				{"audience": "internal", "text": "Rolling back the 10:05 deploy."}""").expectStatus(201).json();
		timePasses(java.time.Duration.ofMinutes(1));
		world.post(incident, responder.token(), """
				{"audience": "stakeholders", "text": "Card payments fail for about 10% of customers."}""").expectStatus(201);
		timePasses(java.time.Duration.ofMinutes(1));
		var published = world.post(incident, responder.token(), """
				{"audience": "public", "phase": "investigating", "components": ["Card payments", "Card payments"],
				 "text": "Some customers cannot pay by card. We are investigating. Next update by 10:40 UTC."}""")
			.expectStatus(201).json();

		assertThat(internal.get("audience").asString()).isEqualTo("internal");
		assertThat(internal.get("phase").isNull()).isTrue();
		assertThat(internal.get("author_id").asString()).isEqualTo(responder.id().toString());
		assertThat(published.get("phase").asString()).isEqualTo("investigating");
		assertThat(published.get("components").values()).extracting(JsonNode::asString).containsExactly("Card payments");
		assertThat(published.get("override_reason").isNull()).isTrue();
		var all = updates(incident, "");
		assertThat(all.get("total").asInt()).isEqualTo(3);
		assertThat(all.get("items").values()).extracting(u -> u.get("audience").asString())
			.containsExactly("public", "stakeholders", "internal");
		assertThat(updates(incident, "?audience=stakeholders").get("items").values())
			.extracting(u -> u.get("text").asString()).containsExactly("Card payments fail for about 10% of customers.");
		assertThat(timeline(incident)).containsExactly("Internal update: Rolling back the 10:05 deploy.",
				"Stakeholder update: Card payments fail for about 10% of customers.",
				"Public update (investigating) on Card payments: Some customers cannot pay by card. We are investigating. Next update by 10:40 UTC.");
		var audit = api.get("/api/v1/audit?size=50", adminToken()).json().get("items").values().stream()
			.filter(e -> e.get("target_id").asString().equals(incident) && e.get("action").asString().equals("status_update.posted"))
			.toList();
		assertThat(audit).hasSize(3);
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndStoresNothing() {
		var incident = world.declare(responder.token(), "SEV2", false);
		var tooMany = java.util.stream.IntStream.range(0, 21).mapToObj(i -> "\"Component " + i + "\"")
			.collect(java.util.stream.Collectors.joining(", ", "[", "]"));

		assertThat(pointer(world.post(incident, responder.token(), """
				{"audience": "public", "text": "Card payments fail."}"""), 400)).isEqualTo("/phase");
		assertThat(pointer(world.post(incident, responder.token(), """
				{"audience": "internal", "phase": "identified", "text": "Found it."}"""), 400)).isEqualTo("/phase");
		assertThat(pointer(world.post(incident, responder.token(), """
				{"text": "Found it."}"""), 400)).isEqualTo("/audience");
		assertThat(pointer(world.post(incident, responder.token(), """
				{"audience": "internal", "text": "   "}"""), 400)).isEqualTo("/text");
		assertThat(pointer(world.post(incident, responder.token(), """
				{"audience": "internal", "text": "%s"}""".formatted("x".repeat(5001))), 400)).isEqualTo("/text");
		assertThat(pointer(world.post(incident, responder.token(), """
				{"audience": "stakeholders", "components": ["Checkout"], "text": "Found it."}"""), 400)).isEqualTo("/components");
		assertThat(pointer(world.post(incident, responder.token(), """
				{"audience": "public", "phase": "identified", "components": ["%s"], "text": "Found it."}"""
			.formatted("c".repeat(101))), 400)).isEqualTo("/components/0");
		assertThat(pointer(world.post(incident, responder.token(), """
				{"audience": "public", "phase": "identified", "components": %s, "text": "Found it."}"""
			.formatted(tooMany)), 400)).isEqualTo("/components");
		assertThat(pointer(world.post(incident, responder.token(), """
				{"audience": "internal", "override_reason": "because", "text": "Found it."}"""), 400))
			.isEqualTo("/override_reason");
		assertThat(world.post(incident, responder.token(), """
				{"audience": "internal", "text": "Found it.", "urgent": true}""").problem(400).get("detail").asString())
			.contains("urgent");
		assertThat(world.post(incident, responder.token(), """
				{"audience": "everyone", "text": "Found it."}""").problem(400).get("detail").asString()).isNotBlank();
		assertThat(world.post("INC-999999999", responder.token(), """
				{"audience": "internal", "text": "Found it."}""").problem(404).get("detail").asString())
			.contains("INC-999999999");

		assertThat(stored(incident)).isZero();
		assertThat(timeline(incident)).isEmpty();
	}

	private static String pointer(dev.firebreak.Api.Response response, int status) {
		return response.problem(status).get("errors").get(0).get("pointer").asString();
	}

	@Test
	void viewersReadButDoNotPost() {
		var incident = world.declare(responder.token(), "SEV2", false);
		var viewer = person("viewer");

		world.post(incident, viewer.token(), """
				{"audience": "internal", "text": "Found it."}""").expectStatus(403);
		api.post("/api/v1/incidents/" + incident + "/status-updates/check", viewer.token(), """
				{"audience": "public", "phase": "identified", "text": "Found it."}""").expectStatus(403);
		assertThat(api.get("/api/v1/incidents/" + incident + "/status-updates", viewer.token()).expectStatus(200)
			.json().get("total").asInt()).isZero();
	}

	@Test
	void aPrivateIncidentNeverGetsAPublicOrStakeholderUpdate() {
		var incident = world.declare(responder.token(), "SEV1", true);

		assertThat(world.post(incident, responder.token(), """
				{"audience": "public", "phase": "investigating", "text": "Card payments fail. Next update by 10:30 UTC."}""")
			.problem(409).get("detail").asString()).contains("private");
		world.post(incident, responder.token(), """
				{"audience": "stakeholders", "text": "Card payments fail."}""").problem(409);
		api.get("/api/v1/incidents/" + incident + "/status-updates/template?audience=public&phase=investigating",
				responder.token()).problem(409);
		world.post(incident, responder.token(), """
				{"audience": "internal", "text": "Only us."}""").expectStatus(201);

		assertThat(updates(incident, "").get("items").values()).extracting(u -> u.get("audience").asString())
			.containsExactly("internal");
		// outsiders do not even learn that it exists
		assertThat(world.post(incident, person("responder").token(), """
				{"audience": "internal", "text": "Hello?"}""").problem(404)).isNotNull();
	}

	@Test
	void aPublicUpdateThatBreaksTheWritingRulesIsRefusedWithItsFindingsThenPostedWithAReason() {
		var service = world.service("checkout-db");
		var name = world.serviceName(service);
		var incident = world.declare(responder.token(), "SEV2", false, service);
		var text = "Errors on " + name + ", we are experiencing some issues. Next update by 10:30 UTC.";

		var refused = world.post(incident, responder.token(), """
				{"audience": "public", "phase": "investigating", "text": "%s"}""".formatted(text)).problem(422);
		assertThat(refused.get("detail").asString()).contains("override_reason");
		var findings = refused.get("findings").values();
		assertThat(findings).extracting(f -> f.get("words").asString()).contains(name);
		var internalName = findings.stream().filter(f -> f.get("words").asString().equals(name)).findFirst().orElseThrow();
		assertThat(text.substring(internalName.get("start").asInt(), internalName.get("end").asInt())).isEqualTo(name);
		assertThat(internalName.get("rule").asString()).isNotBlank();
		assertThat(internalName.get("message").asString()).isNotBlank();
		assertThat(internalName.get("suggestion").asString()).isNotBlank();
		assertThat(stored(incident)).isZero();
		assertThat(timeline(incident)).isEmpty();

		var posted = world.post(incident, responder.token(), """
				{"audience": "public", "phase": "investigating", "text": "%s",
				 "override_reason": "Customers know the database by this name from our API docs"}""".formatted(text))
			.expectStatus(201).json();

		assertThat(posted.get("override_reason").asString()).isEqualTo("Customers know the database by this name from our API docs");
		assertThat(posted.get("overridden_findings").values()).extracting(f -> f.get("words").asString()).contains(name);
		var listed = updates(incident, "?audience=public").get("items").get(0);
		assertThat(listed.get("overridden_findings").size()).isEqualTo(posted.get("overridden_findings").size());
		assertThat(timeline(incident)).singleElement().asString().contains("Posted despite the writing rules")
			.contains("'" + name + "'").contains("Reason: Customers know the database by this name from our API docs");
	}

	@Test
	void theCheckAnswersTheFindingsAndChangesNothing() {
		var service = world.service("ledger");
		var name = world.serviceName(service);
		var incident = world.declare(responder.token(), "SEV2", false, service);

		var findings = api.post("/api/v1/incidents/" + incident + "/status-updates/check", responder.token(), """
				{"audience": "public", "phase": "identified", "text": "The %s is down."}""".formatted(name))
			.expectStatus(200).json().get("findings");
		var internal = api.post("/api/v1/incidents/" + incident + "/status-updates/check", responder.token(), """
				{"audience": "internal", "text": "The %s is down."}""".formatted(name))
			.expectStatus(200).json().get("findings");

		assertThat(findings.values()).anySatisfy(f -> {
			assertThat(f.get("words").asString()).isEqualTo(name);
			assertThat(f.get("start").asInt()).isEqualTo(4);
		});
		assertThat(internal.size()).isZero();
		assertThat(stored(incident)).isZero();
	}

	@Test
	void aPublicUpdateNamesOnlyComponentsTheStatusPageListsInItsSpelling() {
		var incident = world.declare(responder.token(), "SEV2", false);

		var problem = world.post(incident, responder.token(), """
				{"audience": "public", "phase": "investigating", "components": ["Card paymnts"],
				 "text": "Some customers cannot pay by card. Next update by 10:40 UTC."}""").problem(400);
		assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("/components/0");
		assertThat(problem.get("errors").get(0).get("detail").asString()).contains("Card paymnts").contains("Card payments");
		assertThat(world.post(incident, responder.token(), """
				{"audience": "public", "phase": "investigating", "components": ["card PAYMENTS"],
				 "text": "Some customers cannot pay by card. Next update by 10:40 UTC."}""").expectStatus(201).json()
			.get("components").get(0).asString()).isEqualTo("Card payments");
	}

	@Test
	void templatesCarryTheScopeAndTheNextUpdateTimeAndNoInternalNamesInPublic() {
		var service = world.service("payments-gw");
		var name = world.serviceName(service);
		var incident = world.declare(responder.token(), "SEV1", false, service);
		world.post(incident, responder.token(), """
				{"audience": "public", "phase": "investigating", "components": ["Card payments"],
				 "text": "Customers cannot pay by card. Next update by 10:30 UTC."}""").expectStatus(201);
		var now = clock.instant();
		var in30 = java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneOffset.UTC)
			.format(now.plus(java.time.Duration.ofMinutes(30)));
		var in60 = java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneOffset.UTC)
			.format(now.plus(java.time.Duration.ofMinutes(60)));

		var identified = template(incident, "?audience=public&phase=identified");
		var monitoring = template(incident, "?audience=public&phase=monitoring");
		var stakeholders = template(incident, "?audience=stakeholders");
		var internal = template(incident, "?audience=internal");

		assertThat(identified).startsWith("Customers cannot pay by card.").contains("Card payments")
			.contains("Next update by " + in30 + " UTC").doesNotContain(name);
		assertThat(monitoring).contains("monitoring").contains("Next update by " + in60 + " UTC").doesNotContain(name);
		assertThat(stakeholders).contains(name).contains("Customers cannot pay by card").contains("What it costs")
			.contains("Next update by " + in30 + " UTC");
		assertThat(internal).contains(name).contains(incident).contains("UTC");
		api.get("/api/v1/incidents/" + incident + "/status-updates/template?audience=public", responder.token()).problem(400);
		api.get("/api/v1/incidents/" + incident + "/status-updates/template?audience=internal&phase=identified",
				responder.token()).problem(400);
	}

	private String template(String incident, String query) {
		return api.get("/api/v1/incidents/" + incident + "/status-updates/template" + query, responder.token())
			.expectStatus(200).json().get("text").asString();
	}

	@Test
	void afterResolutionOnlyTheFinalWordsMayFollowAndNothingOnceClosed() {
		var incident = world.declare(responder.token(), "SEV3", false);
		api.resolve(incident, responder.token()).expectStatus(200);

		world.post(incident, responder.token(), """
				{"audience": "public", "phase": "monitoring", "text": "A fix is in place. Next update by 11:00 UTC."}""")
			.problem(409);
		world.post(incident, responder.token(), """
				{"audience": "public", "phase": "resolved", "text": "Card payments work normally again since 10:00 UTC."}""")
			.expectStatus(201);
		world.post(incident, responder.token(), """
				{"audience": "internal", "text": "Resolved; post-mortem on Thursday."}""").expectStatus(201);
		world.move(incident, responder.token(), "closed");
		world.post(incident, responder.token(), """
				{"audience": "internal", "text": "One more thing."}""").problem(409);

		assertThat(stored(incident)).isEqualTo(2);
	}
}
