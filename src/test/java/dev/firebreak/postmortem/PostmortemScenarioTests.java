package dev.firebreak.postmortem;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Post-mortems as the book has them (PRODUCT.md §1.9), on a simulated clock: which resolutions create
 * one, the schedule its owner is reminded of, the moves from draft to published, and the facts the
 * draft writes from the record.
 */
class PostmortemScenarioTests extends PostmortemWorld {

	private Person commander;

	@BeforeEach
	void people() {
		commander = person("responder");
	}

	@Test
	void eachRuleOfTheBookCreatesOnePostmortemAndAQuietSev3None() {
		var sev1 = declare(commander, "SEV1");
		settle();
		resolve(sev1, commander, "");
		var pm = postmortem(sev1, commander);
		assertThat(pm.get("status").asString()).isEqualTo("draft");
		assertThat(pm.get("owner_id").asString()).isEqualTo(commander.id().toString());
		assertThat(pm.get("reason").asString()).isEqualTo("every SEV1 has one");

		var withImpact = declareWith(commander, """
				{"title": "Slow checkout %s", "severity": "SEV2", "customer_impact": "Checkout took 20 s for EU customers"}"""
			.formatted(UUID.randomUUID()));
		resolve(withImpact, commander, "");
		assertThat(postmortem(withImpact, commander).get("reason").asString()).isEqualTo("a SEV2 with customer impact");

		var owner = person("responder");
		var asked = declare(commander, "SEV3");
		resolve(asked, commander, ", \"postmortem\": true, \"postmortem_owner_id\": \"" + owner.id() + "\"");
		assertThat(postmortem(asked, commander).get("reason").asString()).isEqualTo("asked for at resolution");
		assertThat(postmortem(asked, commander).get("owner_id").asString()).isEqualTo(owner.id().toString());

		var quiet = declare(commander, "SEV3");
		resolve(quiet, commander, "");
		postmortemOf(quiet, commander).problem(404);

		var slow = declare(commander, "SEV4");
		timePasses(ofHours(4).plusMinutes(1));
		resolve(slow, commander, "");
		assertThat(postmortem(slow, commander).get("reason").asString()).startsWith("it was open 4 h 1 min");

		// re-opened and resolved again, the SEV1 keeps its one post-mortem
		api.post("/api/v1/incidents/" + sev1 + "/status", commander.token(), "{\"status\": \"investigating\"}").expectStatus(200);
		settle();
		resolve(sev1, commander, "");
		assertThat(postmortem(sev1, commander).get("id").asString()).isEqualTo(pm.get("id").asString());
		assertThat(api.get("/api/v1/postmortems?owner=" + commander.id(), commander.token()).json().get("items").values())
			.extracting(i -> i.get("incident_id").asString()).containsExactlyInAnyOrder(sev1, withImpact, slow);
	}

	@Test
	void aSev3RecurringFromTheSameCauseCreatesOne() {
		var admin = adminToken();
		var service = api.post("/api/v1/services", admin, "{\"name\": \"svc-" + UUID.randomUUID() + "\"}").expectStatus(201)
			.json().get("id").asString();
		var key = api.post("/api/v1/services/" + service + "/integrations", admin, "{\"type\": \"events_v2\"}")
			.expectStatus(201).json().get("routing_key").asString();
		var disk = "disk-full-" + UUID.randomUUID();
		alert(key, disk, "trigger");
		var first = newest(service);
		alert(key, disk, "resolve");
		resolve(first, admin, "");
		postmortemOf(first, commander).problem(404);

		timePasses(java.time.Duration.ofDays(3));
		alert(key, disk, "trigger");
		var again = newest(service);
		assertThat(again).isNotEqualTo(first);
		resolve(again, admin, "");
		assertThat(postmortem(again, commander).get("reason").asString())
			.isEqualTo("a SEV3 recurring from the same cause as " + first);
	}

	@Test
	void theOwnerIsRemindedOfTheDraftThenItIsOverdueUnlessItWasSubmitted() {
		var late = declare(commander, "SEV1");
		var prompt = declare(commander, "SEV1");
		settle();
		var resolvedAt = clock.instant();
		resolve(late, commander, "");
		resolve(prompt, commander, "");
		var pm = postmortem(late, commander);
		assertThat(pm.get("schedule").values()).extracting(o -> o.get("key").asString() + "@" + o.get("due_at").asString())
			.contains("postmortem:draft@" + resolvedAt.plus(ofHours(48)), "postmortem:review@" + resolvedAt.plus(ofHours(72)),
					"postmortem:publish@" + resolvedAt.plus(ofHours(120)));
		assertThat(obligation(pm, "postmortem:draft").get("state").asString()).isEqualTo("pending");

		timePasses(ofHours(47));
		assertThat(noticesTo(commander, late, "postmortem:draft")).isEmpty();
		move(postmortem(prompt, commander).get("id").asString(), commander, "in_review").expectStatus(200);
		assertThat(obligation(postmortem(prompt, commander), "postmortem:draft").get("state").asString()).isEqualTo("met");

		timePasses(ofMinutes(55));
		assertThat(noticesTo(commander, late, "postmortem:draft")).singleElement().asString().endsWith(":due/" + commander.id());
		assertThat(obligation(postmortem(late, commander), "postmortem:draft").get("state").asString()).isEqualTo("due_soon");
		timePasses(ofMinutes(5));
		assertThat(noticesTo(commander, late, "postmortem:draft")).hasSize(2).last().asString()
			.endsWith(":overdue/" + commander.id());
		assertThat(obligation(postmortem(late, commander), "postmortem:draft").get("state").asString()).isEqualTo("overdue");
		assertThat(noticesTo(commander, prompt, "postmortem:draft")).as("submitted in time: nothing to remind").isEmpty();
		assertThat(api.get("/api/v1/postmortems?owner=" + commander.id(), commander.token()).json().get("items").values())
			.filteredOn(i -> i.get("incident_id").asString().equals(late)).singleElement()
			.satisfies(i -> assertThat(i.get("overdue").asBoolean()).isTrue());
	}

	@Test
	void fromDraftToPublishedEachStepMeetsItsObligationAndPublishingNeedsTheReviewAndTheFiveAnswers() {
		var id = declare(commander, "SEV1");
		settle();
		resolve(id, commander, "");
		var pmId = postmortem(id, commander).get("id").asString();

		var refused = move(pmId, commander, "published").problem(409);
		assertThat(refused.get("allowed").values()).extracting(JsonNode::asString).containsExactly("in_review");
		api.post("/api/v1/postmortems/" + pmId + "/review", commander.token(),
				"{\"held_at\": \"" + clock.instant() + "\"}").problem(409);

		move(pmId, commander, "in_review").expectStatus(200);
		var missing = move(pmId, commander, "published").problem(409);
		assertThat(missing.get("missing").values()).extracting(m -> m.get("key").asString())
			.containsExactly("review", "what_happened", "why", "not_detected_sooner", "slowed_response", "prevents_recurrence");
		assertThat(postmortem(id, commander).get("status").asString()).isEqualTo("in_review");
		move(pmId, commander, "draft").expectStatus(200);
		move(pmId, commander, "in_review").expectStatus(200);

		var saved = api.put("/api/v1/postmortems/" + pmId, commander.token(), """
				{"what_happened": "Checkout failed for 40 minutes after a config push.",
				 "why": ["The config had a typo.", "Because Bob Smith pushed it without review.", "", "The schema is not checked in CI."],
				 "not_detected_sooner": "The error-rate alert waits 15 minutes.",
				 "slowed_response": "It was the operator's fault, a human error, and the runbook was stale.",
				 "prevents_recurrence": "Validate the config schema in CI.", "went_well": "The rollback took 4 minutes.",
				 "went_poorly": null}""").expectStatus(200).json();
		assertThat(saved.get("sections").get("why").values()).extracting(JsonNode::asString)
			.as("blank whys are dropped").containsExactly("The config had a typo.", "Because Bob Smith pushed it without review.",
					"The schema is not checked in CI.");
		assertThat(saved.get("blameless_findings").values()).extracting(f -> f.get("section").asString() + ":" + f.get("phrase").asString())
			.contains("slowed_response:operator's fault", "slowed_response:human error");
		assertThat(saved.get("blameless_findings").get(0).get("suggestion").asString()).isNotBlank();
		assertThat(saved.get("missing_for_publication").values()).extracting(m -> m.get("key").asString()).containsExactly("review");

		api.post("/api/v1/postmortems/" + pmId + "/review", commander.token(), """
				{"held_at": "%s", "attendees": "Checkout team, SRE", "notes": "Agreed on the CI check."}"""
			.formatted(clock.instant().minus(ofMinutes(30)))).expectStatus(200);
		var published = move(pmId, commander, "published").expectStatus(200).json();
		assertThat(published.get("status").asString()).isEqualTo("published");
		for (var key : List.of("postmortem:draft", "postmortem:review", "postmortem:review-deadline", "postmortem:publish")) {
			assertThat(obligation(published, key).get("state").asString()).as(key).isEqualTo("met");
		}
		assertThat(obligation(published, "postmortem:action-review").get("state").asString()).as("not this capability's")
			.isNotEqualTo("met");
		assertThat(published.get("facts").get("frozen").asBoolean()).isTrue();

		// published is final: the text and the facts are frozen
		api.post("/api/v1/incidents/" + id + "/timeline", commander.token(), "{\"text\": \"A note after publication\"}")
			.expectStatus(201);
		var after = api.get("/api/v1/postmortems/" + pmId, commander.token()).expectStatus(200).json();
		assertThat(after.get("facts").get("timeline").values()).noneMatch(l -> l.get("text").asString().contains("after publication"));
		api.put("/api/v1/postmortems/" + pmId, commander.token(), "{\"what_happened\": \"changed\"}").problem(409);
		move(pmId, commander, "draft").problem(409);
		assertThat(after.get("sections").get("what_happened").asString()).startsWith("Checkout failed");
		assertThat(audited(pmId)).contains("postmortem.status_changed", "postmortem.review_recorded", "postmortem.sections_saved");

		assertThat(api.get("/api/v1/postmortems/" + pmId + "/postmortem.md", commander.token()).body())
			.contains("## Action items\n\nNone recorded.");
		var due = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).plusDays(14);
		api.post("/api/v1/incidents/" + id + "/action-items", commander.token(), """
				{"title": "Schema check in CI", "owner_id": "%s", "due_on": "%s", "priority": "P0",
				 "definition_of_done": "CI fails on a config that does not match the schema; a test proves it"}""".formatted(
				commander.id(), due)).expectStatus(201);
		var md = api.get("/api/v1/postmortems/" + pmId + "/postmortem.md", commander.token()).expectStatus(200);
		assertThat(md.contentType()).startsWith("text/markdown");
		var owner = api.get("/api/v1/accounts/" + commander.id(), adminToken()).json().get("display_name").asString();
		assertThat(md.body()).contains("| P0 | Schema check in CI | " + owner + " | " + due + " |");
		assertThat(md.body()).startsWith("# Post-mortem: " + id).contains("| Status | published |")
			.contains("## Why (five whys)\n\n1. The config had a typo.\n").contains("Held ").contains("Checkout team, SRE")
			.contains("Validate the config schema in CI.");
	}

	@Test
	void aPublishedPostmortemKeepsItsStepsMetWhenItsIncidentIsReopenedAndResolvedAgain() {
		var owner = person("responder");
		var id = declare(commander, "SEV1");
		settle();
		resolve(id, commander, "");
		var pmId = postmortem(id, commander).get("id").asString();
		api.put("/api/v1/postmortems/" + pmId + "/owner", commander.token(), "{\"owner_id\": \"" + owner.id() + "\"}")
			.expectStatus(200);
		move(pmId, owner, "in_review").expectStatus(200);
		api.put("/api/v1/postmortems/" + pmId, owner.token(), """
				{"what_happened": "Checkout failed.", "why": ["A config typo."], "not_detected_sooner": "No alert.",
				 "slowed_response": "A stale runbook.", "prevents_recurrence": "Validate the config in CI."}""")
			.expectStatus(200);
		api.post("/api/v1/postmortems/" + pmId + "/review", owner.token(),
				"{\"held_at\": \"" + clock.instant() + "\"}").expectStatus(200);
		move(pmId, owner, "published").expectStatus(200);

		api.post("/api/v1/incidents/" + id + "/status", commander.token(), "{\"status\": \"investigating\"}").expectStatus(200);
		settle();
		resolve(id, commander, "");

		var steps = api.get("/api/v1/incidents/" + id + "/obligations", commander.token()).expectStatus(200).json();
		for (var key : List.of("postmortem:draft", "postmortem:review", "postmortem:review-deadline", "postmortem:publish")) {
			assertThat(step(steps, key).get("state").asString()).as(key).isEqualTo("met");
		}
		assertThat(step(steps, "postmortem:action-review").get("state").asString()).isEqualTo("pending");
		assertThat(step(steps, "postmortem:action-review").get("owner_id").asString()).isEqualTo(owner.id().toString());

		timePasses(java.time.Duration.ofDays(15));
		for (var key : List.of("postmortem:draft", "postmortem:review", "postmortem:review-deadline", "postmortem:publish")) {
			assertThat(noticesTo(owner, id, key)).as(key).isEmpty();
			assertThat(noticesTo(commander, id, key)).as(key).noneMatch(n -> n.contains(":overdue/"));
		}
		var later = api.get("/api/v1/incidents/" + id + "/obligations", commander.token()).expectStatus(200).json();
		assertThat(step(later, "postmortem:publish").get("state").asString()).isEqualTo("met");
	}

	private static JsonNode step(JsonNode obligations, String key) {
		var list = obligations.has("items") ? obligations.get("items") : obligations;
		return list.values().stream().filter(o -> o.get("key").asString().equals(key)).findFirst()
			.orElseThrow(() -> new AssertionError("no " + key + " in " + obligations));
	}

	@Test
	void theDraftWritesTheFactsFromTheRecordWithTheDetectionGapOfACustomerReport() {
		var id = declareWith(commander, """
				{"title": "Customers cannot pay %s", "severity": "SEV2", "source": "customer_report",
				 "customer_impact": "Card payments failed for 30 %% of customers"}""".formatted(UUID.randomUUID()));
		var detected = clock.instant();
		timePasses(ofMinutes(3));
		api.post("/api/v1/incidents/" + id + "/status", commander.token(), "{\"status\": \"investigating\"}").expectStatus(200);
		api.post("/api/v1/incidents/" + id + "/decisions", commander.token(),
				"{\"decision\": \"Fail over to the second provider\", \"rationale\": \"the first one is down\"}").expectStatus(200);
		timePasses(ofMinutes(7));
		api.post("/api/v1/incidents/" + id + "/mitigations", commander.token(),
				"{\"lever\": \"failover\", \"description\": \"Payments go to the second provider\", \"mitigated\": true}")
			.expectStatus(201);
		api.post("/api/v1/incidents/" + id + "/status-updates", commander.token(),
				"{\"audience\": \"internal\", \"text\": \"Failed over; payments succeed again.\"}").expectStatus(201);
		timePasses(ofMinutes(20));
		resolve(id, commander, "");

		var pm = postmortem(id, commander);
		var facts = pm.get("facts");
		assertThat(facts.get("frozen").asBoolean()).isFalse();
		assertThat(facts.get("severity").asString()).isEqualTo("SEV2");
		assertThat(facts.get("customer_impact").asString()).isEqualTo("Card payments failed for 30 % of customers");
		assertThat(facts.get("detected_at").asString()).isEqualTo(detected.toString());
		assertThat(facts.get("duration").asString()).isEqualTo("PT30M");
		assertThat(facts.get("milestones").values()).extracting(m -> m.get("name").asString())
			.containsExactly("detected", "acknowledged", "mitigated", "resolved");
		assertThat(facts.get("gaps").values()).extracting(g -> g.get("name").asString() + "=" + g.get("length").asString())
			.containsExactly("time to acknowledge=PT3M", "time to mitigate=PT10M", "time to resolve=PT30M",
					"detection to acknowledgement=PT3M", "acknowledgement to mitigation=PT7M", "mitigation to resolution=PT20M");
		assertThat(facts.get("detection_gap").asString()).startsWith("Customers reported this before any alert did");
		assertThat(facts.get("decisions").values()).singleElement()
			.satisfies(d -> assertThat(d.get("text").asString()).contains("Fail over to the second provider"));
		assertThat(facts.get("mitigations").values()).singleElement()
			.satisfies(m -> assertThat(m.get("text").asString()).startsWith("failover: Payments go to the second provider"));
		assertThat(facts.get("status_updates").values()).anyMatch(u -> u.get("text").asString().contains("payments succeed again"));
		assertThat(facts.get("timeline").values()).isNotEmpty();
		assertThat(facts.get("resolution").get("containment").asString()).isEqualTo("rolled back");
		assertThat(api.get("/api/v1/postmortems/" + pm.get("id").asString() + "/postmortem.md", commander.token()).body())
			.contains("> **Detection gap.** Customers reported this").contains("- time to mitigate: 10 min")
			.contains("- acknowledgement to mitigation: 7 min").contains("- mitigation to resolution: 20 min");
	}

	@Test
	void theFactsListTheEscalationsThatRanAndHowFarTheyWent() {
		var admin = adminToken();
		var service = api.post("/api/v1/services", admin, "{\"name\": \"svc-" + UUID.randomUUID() + "\"}").expectStatus(201)
			.json().get("id").asString();
		var policy = "policy-" + UUID.randomUUID();
		api.post("/api/v1/escalation-policies", admin, """
				{"name": "%s", "repeat": 0, "levels": [{"delay": "PT5M", "targets": [{"type": "person", "id": "%s"}]}],
				 "service_ids": ["%s"]}""".formatted(policy, commander.id(), service)).expectStatus(201);
		var id = declareWith(commander, """
				{"title": "Paged %s", "severity": "SEV1", "affected_service_ids": ["%s"]}""".formatted(UUID.randomUUID(), service));
		settle();
		resolve(id, commander, "");

		var pm = postmortem(id, commander);
		assertThat(pm.get("facts").get("escalations").values()).singleElement()
			.satisfies(e -> assertThat(e.get("text").asString()).startsWith(policy + ": level 1 paged, "));
		assertThat(api.get("/api/v1/postmortems/" + pm.get("id").asString() + "/postmortem.md", commander.token()).body())
			.contains("## Escalations\n\n- ").contains(policy + ": level 1 paged");
		assertThat(postmortem(declareResolved(), commander).get("facts").get("escalations").values()).isEmpty();
	}

	private String declareResolved() {
		var id = declare(commander, "SEV1");
		settle();
		resolve(id, commander, "");
		return id;
	}

	private void alert(String routingKey, String dedupKey, String action) {
		api.post("/v2/enqueue", null, """
				{"routing_key": "%s", "event_action": "%s", "dedup_key": "%s",
				 "payload": {"summary": "Disk almost full on the order store", "source": "prometheus", "severity": "error"}}"""
			.formatted(routingKey, action, dedupKey)).expectStatus(202);
		settle();
	}

	private String newest(String service) {
		return api.get("/api/v1/incidents?service=" + service, commander.token()).expectStatus(200).json().get("items")
			.values().stream().map(i -> i.get("id").asString()).findFirst().orElseThrow();
	}
}
