package dev.firebreak.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Who sees and changes a post-mortem, starting one by hand, and bad input that changes nothing. */
class PostmortemAccessTests extends PostmortemWorld {

	@Test
	void aPrivateIncidentsPostmortemIsHiddenFromOutsidersAndViewersOnlyRead() {
		var commander = person("responder");
		var outsider = person("responder");
		var viewer = person("viewer");
		var id = declareWith(commander, """
				{"title": "Secret %s", "severity": "SEV1", "private": true}""".formatted(UUID.randomUUID()));
		settle();
		resolve(id, commander, "");
		var pmId = postmortem(id, commander).get("id").asString();

		postmortemOf(id, outsider).problem(404);
		api.get("/api/v1/postmortems/" + pmId, outsider.token()).problem(404);
		api.get("/api/v1/postmortems/" + pmId + "/postmortem.md", outsider.token()).problem(404);
		api.put("/api/v1/postmortems/" + pmId, outsider.token(), "{\"what_happened\": \"I was here\"}").problem(404);
		move(pmId, outsider, "in_review").problem(404);
		assertThat(api.get("/api/v1/postmortems?size=200", outsider.token()).json().get("items").values())
			.noneMatch(i -> i.get("id").asString().equals(pmId));
		assertThat(api.get("/api/v1/postmortems?size=200", adminToken()).json().get("items").values())
			.anyMatch(i -> i.get("id").asString().equals(pmId));

		var open = declare(commander, "SEV1");
		settle();
		resolve(open, commander, "");
		var openId = postmortem(open, viewer).get("id").asString();
		api.put("/api/v1/postmortems/" + openId, viewer.token(), "{\"what_happened\": \"A viewer writes\"}").expectStatus(403);
		assertThat(postmortem(open, commander).get("sections").get("what_happened").isNull()).isTrue();
		assertThat(postmortem(id, commander).get("status").asString()).isEqualTo("draft");
	}

	@Test
	void theOwnerOfAPrivateIncidentsPostmortemMustBeAbleToSeeIt() {
		var commander = person("responder");
		var outsider = person("responder");
		var id = declareWith(commander, """
				{"title": "Secret %s", "severity": "SEV1", "private": true}""".formatted(UUID.randomUUID()));
		settle();
		var refused = api.post("/api/v1/incidents/" + id + "/resolution", commander.token(), """
				{"root_cause_deferred": true, "systems_normal": true, "customers_can_resume": true,
				 "containment": "rolled back", "guardrails": "none", "follow_ups": "none",
				 "override_reason": "a post-mortem test", "postmortem_owner_id": "%s"}""".formatted(outsider.id())).problem(400);
		assertThat(refused.get("errors").get(0).get("pointer").asString()).isEqualTo("/postmortem_owner_id");
		assertThat(refused.get("errors").get(0).get("detail").asString())
			.endsWith("cannot see this private incident; add them to it first");
		assertThat(api.get("/api/v1/incidents/" + id, commander.token()).json().get("status").asString())
			.isNotEqualTo("resolved");

		resolve(id, commander, "");
		var pmId = postmortem(id, commander).get("id").asString();
		var notAllowed = api.put("/api/v1/postmortems/" + pmId + "/owner", commander.token(),
				"{\"owner_id\": \"" + outsider.id() + "\"}").problem(400);
		assertThat(notAllowed.get("errors").get(0).get("pointer").asString()).isEqualTo("/owner_id");
		assertThat(notAllowed.get("errors").get(0).get("detail").asString())
			.endsWith("cannot see this private incident; add them to it first");
		assertThat(postmortem(id, commander).get("owner_id").asString()).isEqualTo(commander.id().toString());

		api.put("/api/v1/incidents/" + id + "/roles/subject_matter_expert", commander.token(),
				"{\"account_id\": \"" + outsider.id() + "\"}").expectStatus(200);
		api.put("/api/v1/postmortems/" + pmId + "/owner", commander.token(), "{\"owner_id\": \"" + outsider.id() + "\"}")
			.expectStatus(200);
		assertThat(postmortem(id, outsider).get("owner_id").asString()).isEqualTo(outsider.id().toString());
	}

	@Test
	void aResponderStartsOneByHandOnceTheIncidentIsResolvedAndReassignsIt() {
		var commander = person("responder");
		var other = person("responder");
		var viewer = person("viewer");
		var id = declare(commander, "SEV3");
		api.post("/api/v1/incidents/" + id + "/postmortem", commander.token(), null).problem(409);
		resolve(id, commander, "");
		postmortemOf(id, commander).problem(404);

		var started = api.post("/api/v1/incidents/" + id + "/postmortem", commander.token(), null).expectStatus(201).json();
		assertThat(started.get("reason").asString()).isEqualTo("started by hand");
		assertThat(started.get("owner_id").asString()).isEqualTo(commander.id().toString());
		assertThat(started.get("schedule").values()).as("an optional post-mortem has no deadlines").isEmpty();
		var again = api.post("/api/v1/incidents/" + id + "/postmortem", other.token(), null).expectStatus(200).json();
		assertThat(again.get("id").asString()).isEqualTo(started.get("id").asString());

		var pmId = started.get("id").asString();
		api.put("/api/v1/postmortems/" + pmId + "/owner", commander.token(), "{\"owner_id\": \"" + viewer.id() + "\"}")
			.problem(400);
		api.put("/api/v1/postmortems/" + pmId + "/owner", commander.token(), "{\"owner_id\": \"" + UUID.randomUUID() + "\"}")
			.problem(400);
		var moved = api.put("/api/v1/postmortems/" + pmId + "/owner", commander.token(), "{\"owner_id\": \"" + other.id() + "\"}")
			.expectStatus(200).json();
		assertThat(moved.get("owner_id").asString()).isEqualTo(other.id().toString());
		assertThat(audited(pmId)).containsSubsequence("postmortem.owner_changed", "postmortem.created");

		var required = declare(commander, "SEV1");
		settle();
		resolve(required, commander, "");
		var requiredId = postmortem(required, commander).get("id").asString();
		move(requiredId, commander, "in_review").expectStatus(200);
		var handed = api.put("/api/v1/postmortems/" + requiredId + "/owner", commander.token(),
				"{\"owner_id\": \"" + other.id() + "\"}").expectStatus(200).json();
		assertThat(obligation(handed, "postmortem:review").get("owner_id").asString()).isEqualTo(other.id().toString());
		assertThat(obligation(handed, "postmortem:publish").get("owner_id").asString()).isEqualTo(other.id().toString());
		assertThat(obligation(handed, "postmortem:draft").get("state").asString()).isEqualTo("met");
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndChangesNothing() {
		var commander = person("responder");
		var id = declare(commander, "SEV1");
		settle();
		resolve(id, commander, "");
		var pm = postmortem(id, commander);
		var pmId = pm.get("id").asString();
		api.put("/api/v1/postmortems/" + pmId, commander.token(), "{\"what_happened\": \"Kept\"}").expectStatus(200);
		var before = postmortem(id, commander);

		assertThat(api.put("/api/v1/postmortems/" + pmId, commander.token(), "{\"what_hapened\": \"typo\"}").problem(400)
			.toString()).contains("what_hapened");
		var tooLong = api.put("/api/v1/postmortems/" + pmId, commander.token(),
				"{\"what_happened\": \"" + "x".repeat(10_001) + "\"}").problem(400);
		assertThat(tooLong.get("errors").get(0).get("pointer").asString()).isEqualTo("/what_happened");
		var sixWhys = api.put("/api/v1/postmortems/" + pmId, commander.token(),
				"{\"why\": [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"]}").problem(400);
		assertThat(sixWhys.get("errors").get(0).get("pointer").asString()).isEqualTo("/why");
		var longWhy = api.put("/api/v1/postmortems/" + pmId, commander.token(),
				"{\"why\": [\"a\", \"" + "y".repeat(2_001) + "\"]}").problem(400);
		assertThat(longWhy.get("errors").get(0).get("pointer").asString()).isEqualTo("/why/1");
		api.put("/api/v1/postmortems/" + pmId, commander.token(), "{\"went_well\": \"nul \\u0000 here\"}").problem(400);
		api.put("/api/v1/postmortems/" + pmId, commander.token(), "[1, 2]").problem(400);
		move(pmId, commander, "bogus").problem(400);
		api.post("/api/v1/postmortems/" + pmId + "/status", commander.token(), "{}").problem(400);
		move(pmId, commander, "in_review").expectStatus(200);
		var future = api.post("/api/v1/postmortems/" + pmId + "/review", commander.token(),
				"{\"held_at\": \"" + clock.instant().plusSeconds(3600) + "\"}").problem(400);
		assertThat(future.get("errors").get(0).get("pointer").asString()).isEqualTo("/held_at");
		api.post("/api/v1/postmortems/" + pmId + "/review", commander.token(), "{\"held_at\": \"yesterday\"}").problem(400);
		api.get("/api/v1/postmortems/not-a-uuid", commander.token()).problem(404);
		api.get("/api/v1/postmortems/" + UUID.randomUUID(), commander.token()).problem(404);
		api.get("/api/v1/postmortems?status=bogus", commander.token()).problem(400);

		var after = postmortem(id, commander);
		assertThat(after.get("sections")).isEqualTo(before.get("sections"));
		assertThat(after.get("review").isNull()).isTrue();
		assertThat(after.get("status").asString()).isEqualTo("in_review");
	}
}
