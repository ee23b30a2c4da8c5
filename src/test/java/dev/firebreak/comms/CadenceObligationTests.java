package dev.firebreak.comms;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.firebreak.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * Each audience's cadence as the incident's obligations: opened at declaration, moved on by each
 * update, following the severity's procedures and the incident's status.
 */
class CadenceObligationTests extends ApiTest {

	private Person responder;

	private CommsWorld world;

	@BeforeEach
	void aWorld() {
		responder = person("responder");
		world = new CommsWorld(api, adminToken());
	}

	private List<JsonNode> updateObligations(String incident) {
		var answer = api.get("/api/v1/incidents/" + incident + "/obligations", responder.token()).expectStatus(200).json();
		var list = answer.isArray() ? answer : answer.get("items");
		return list.values().stream().filter(o -> o.get("key").asString().startsWith("update:")).toList();
	}

	private JsonNode obligation(String incident, String key) {
		return updateObligations(incident).stream().filter(o -> o.get("key").asString().equals(key)).findFirst()
			.orElseThrow(() -> new AssertionError(incident + " owes no " + key + ": " + updateObligations(incident)));
	}

	private Instant due(String incident, String key) {
		return Instant.parse(obligation(incident, key).get("due_at").asString());
	}

	private List<String> keys(String incident) {
		return updateObligations(incident).stream().map(o -> o.get("key").asString()).toList();
	}

	@Test
	void aDeclaredSev1OwesTheTeamStakeholdersAndThePublicAnUpdate() {
		var declared = clock.instant();
		var incident = world.declare(responder.token(), "SEV1", false);
		settle();

		assertThat(due(incident, "update:internal")).isEqualTo(declared.plus(ofMinutes(15)));
		assertThat(due(incident, "update:stakeholders")).isEqualTo(declared.plus(ofMinutes(30)));
		assertThat(due(incident, "update:public")).isEqualTo(declared.plus(ofMinutes(30)));
		assertThat(obligation(incident, "update:public").get("kind").asString()).isEqualTo("update");
		assertThat(obligation(incident, "update:public").get("owner_role").asString()).isEqualTo("communications_lead");
	}

	@Test
	void anUpdateMovesItsAudiencesDueTimeAndMonitoringSlowsThePublicCadence() {
		var incident = world.declare(responder.token(), "SEV1", false);
		timePasses(ofMinutes(10));
		var posted = clock.instant();
		world.post(incident, responder.token(), """
				{"audience": "public", "phase": "investigating", "text": "Card payments fail for some customers. Next update by 10:40 UTC."}""")
			.expectStatus(201);
		world.post(incident, responder.token(), """
				{"audience": "internal", "text": "Rolling back."}""").expectStatus(201);
		settle();

		assertThat(due(incident, "update:public")).isEqualTo(posted.plus(ofMinutes(30)));
		assertThat(due(incident, "update:internal")).isEqualTo(posted.plus(ofMinutes(15)));

		world.move(incident, responder.token(), "monitoring");
		settle();
		assertThat(due(incident, "update:public")).isEqualTo(posted.plus(ofMinutes(60)));
	}

	@Test
	void aMissedPublicUpdateIsOverdue() {
		var incident = world.declare(responder.token(), "SEV2", false);
		timePasses(ofMinutes(31));

		assertThat(obligation(incident, "update:public").get("state").asString()).isEqualTo("overdue");
	}

	@Test
	void aSev3OwesOnlyTheTeamAndAPrivateIncidentNeverStakeholdersOrThePublic() {
		var minor = world.declare(responder.token(), "SEV3", false);
		var secret = world.declare(responder.token(), "SEV1", true);
		settle();

		assertThat(keys(minor)).containsExactly("update:internal");
		assertThat(keys(secret)).containsExactly("update:internal");
	}

	@Test
	void resolutionEndsTheInternalCadencesAndThePublicResolvedUpdateMeetsTheLastOne() {
		var incident = world.declare(responder.token(), "SEV1", false);
		settle();
		api.resolve(incident, responder.token()).expectStatus(200);
		settle();

		assertThat(keys(incident)).containsExactly("update:public");
		assertThat(obligation(incident, "update:public").get("state").asString()).isNotIn("met", "waived");

		world.post(incident, responder.token(), """
				{"audience": "public", "phase": "resolved", "text": "Card payments work normally again since 10:00 UTC."}""")
			.expectStatus(201);
		settle();
		assertThat(obligation(incident, "update:public").get("state").asString()).isEqualTo("met");
	}
}
