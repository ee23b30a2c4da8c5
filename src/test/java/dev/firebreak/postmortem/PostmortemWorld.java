package dev.firebreak.postmortem;

import java.util.List;
import java.util.UUID;

import dev.firebreak.Api;
import dev.firebreak.ApiTest;
import tools.jackson.databind.JsonNode;

/** The steps the post-mortem tests share: declaring, resolving, reading a post-mortem and its schedule. */
abstract class PostmortemWorld extends ApiTest {

	String declare(Person by, String severity) {
		return declareWith(by, "{\"title\": \"Post-mortem %s\", \"severity\": \"%s\"}".formatted(UUID.randomUUID(), severity));
	}

	String declareWith(Person by, String body) {
		return api.post("/api/v1/incidents", by.token(), body).expectStatus(201).json().get("id").asString();
	}

	/** Resolves through the gate with the record's own answers (no customer impact said), overriding what it lacks. */
	void resolve(String id, Person by, String extra) {
		resolve(id, by.token(), extra);
	}

	void resolve(String id, String token, String extra) {
		api.post("/api/v1/incidents/" + id + "/resolution", token, """
				{"root_cause_deferred": true, "systems_normal": true, "customers_can_resume": true,
				 "containment": "rolled back", "guardrails": "none", "follow_ups": "none",
				 "override_reason": "a post-mortem test"%s}""".formatted(extra)).expectStatus(200);
		settle();
	}

	Api.Response postmortemOf(String incident, Person as) {
		return api.get("/api/v1/incidents/" + incident + "/postmortem", as.token());
	}

	JsonNode postmortem(String incident, Person as) {
		return postmortemOf(incident, as).expectStatus(200).json();
	}

	JsonNode obligation(JsonNode postmortem, String key) {
		return postmortem.get("schedule").values().stream().filter(o -> o.get("key").asString().equals(key)).findFirst()
			.orElseThrow(() -> new AssertionError("no " + key + " in " + postmortem.get("schedule")));
	}

	Api.Response move(String pmId, Person as, String status) {
		return api.post("/api/v1/postmortems/" + pmId + "/status", as.token(), "{\"status\": \"" + status + "\"}");
	}

	/** The keys of the notices this person was sent about this incident's post-mortem obligations, sorted. */
	List<String> noticesTo(Person person, String incident, String key) {
		return api.get("/api/v1/accounts/" + person.id() + "/notifications", adminToken()).expectStatus(200).json()
			.get("items").values().stream().map(d -> d.get("key").asString())
			.filter(k -> k.startsWith("notice:" + incident + ":obligation:" + key + ":")).sorted().toList();
	}

	/** The audit actions recorded on this post-mortem, newest first. */
	List<String> audited(String pmId) {
		return api.get("/api/v1/audit?size=200", adminToken()).expectStatus(200).json().get("items").values().stream()
			.filter(e -> pmId.equals(e.get("target_id").asString())).map(e -> e.get("action").asString()).toList();
	}
}
