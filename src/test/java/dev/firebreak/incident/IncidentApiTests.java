package dev.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.firebreak.ApiTest;
import tools.jackson.databind.JsonNode;

class IncidentApiTests extends ApiTest {

	private Person responder;

	@BeforeEach
	void signIn() {
		responder = person("responder");
	}

	private JsonNode declare(String json) {
		return api.post("/api/v1/incidents", responder.token(), json).expectStatus(201).json();
	}

	private JsonNode declare(String title, String severity) {
		return declare("""
				{"title": "%s", "severity": %s}""".formatted(title, severity == null ? "null" : "\"" + severity + "\""));
	}

	private JsonNode incident(String id) {
		return api.get("/api/v1/incidents/" + id, responder.token()).expectStatus(200).json();
	}

	private JsonNode move(String id, String status) {
		if (status.equals("resolved")) {
			api.resolve(id, responder.token()).expectStatus(200);
			return incident(id);
		}
		return api.post("/api/v1/incidents/" + id + "/status", responder.token(), """
				{"status": "%s"}""".formatted(status)).expectStatus(200).json();
	}

	private int timelineSize(String id) {
		return api.get("/api/v1/incidents/" + id + "/timeline", responder.token()).expectStatus(200).json().size();
	}

	@Test
	void declaringGivesAHumanNumberAndMakesTheDeclarerCommander() {
		var first = declare("Checkout returns 500 for EU customers", "SEV2");
		var second = declare("Search is slow", null);

		assertThat(first.get("id").asString()).matches("INC-\\d+");
		assertThat(second.get("number").asLong()).isEqualTo(first.get("number").asLong() + 1);
		assertThat(first.get("status").asString()).isEqualTo("triage");
		assertThat(first.get("severity").asString()).isEqualTo("SEV2");
		assertThat(second.get("severity").isNull()).isTrue();
		assertThat(first.get("source").asString()).isEqualTo("internal");
		assertThat(first.get("declared_at").asString()).isEqualTo(clock.instant().toString());
		assertThat(first.get("detected_at").asString()).isEqualTo(first.get("declared_at").asString());
		assertThat(first.get("roles").get("incident_commander").asString()).isEqualTo(responder.id().toString());
		assertThat(first.get("allowed_statuses").values()).extracting(JsonNode::asString)
			.containsExactly("investigating", "identified", "monitoring", "resolved");

		var timeline = api.get("/api/v1/incidents/" + first.get("id").asString() + "/timeline", responder.token()).json();
		assertThat(timeline.get(0).get("kind").asString()).isEqualTo("declared");
		assertThat(timeline.get(0).get("author_id").asString()).isEqualTo(responder.id().toString());
		assertThat(timeline.get(1).get("kind").asString()).isEqualTo("role_assigned");
		// the number in the URL may be bare
		assertThat(incident(first.get("number").asString()).get("title").asString())
			.isEqualTo("Checkout returns 500 for EU customers");
	}

	@Test
	void declaringRecordsEverythingThatWasSaid() {
		var admin = adminToken();
		var service = api.post("/api/v1/services", admin, """
				{"name": "checkout-%s", "tier": 1}""".formatted(UUID.randomUUID())).expectStatus(201).json();
		var other = person("responder");
		var detected = clock.instant().minus(Duration.ofMinutes(12));
		var incident = declare("""
				{"title": "Payments declined", "summary": "Card payments fail", "severity": "SEV3",
				 "source": "customer_report", "affected_service_ids": ["%s"], "customer_impact": "No one can pay",
				 "customer_reported": true, "security": true, "private": false, "detected_at": "%s",
				 "incident_commander_id": "%s"}""".formatted(service.get("id").asString(), detected, other.id()));

		assertThat(incident.get("source").asString()).isEqualTo("customer_report");
		assertThat(incident.get("affected_service_ids").get(0).asString()).isEqualTo(service.get("id").asString());
		assertThat(incident.get("customer_impact").asString()).isEqualTo("No one can pay");
		assertThat(incident.get("customer_reported").asBoolean()).isTrue();
		assertThat(incident.get("security").asBoolean()).isTrue();
		assertThat(incident.get("detected_at").asString()).isEqualTo(detected.toString());
		assertThat(incident.get("roles").get("incident_commander").asString()).isEqualTo(other.id().toString());
		assertThat(incident.get("declared_by").asString()).isEqualTo(responder.id().toString());
	}

	@Test
	void suspectedDataLossIsSev1AtOnce() {
		var incident = declare("""
				{"title": "Orders missing after migration", "severity": "SEV3", "data_loss_suspected": true}""");
		assertThat(incident.get("severity").asString()).isEqualTo("SEV1");
	}

	@Test
	void severityChangesNeedAReasonAndAreOnTheTimeline() {
		var id = declare("Login fails", "SEV3").get("id").asString();
		var entries = timelineSize(id);

		var problem = api.post("/api/v1/incidents/" + id + "/severity", responder.token(), """
				{"severity": "SEV1"}""").problem(400);
		assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("/reason");
		assertThat(incident(id).get("severity").asString()).isEqualTo("SEV3");
		assertThat(timelineSize(id)).isEqualTo(entries);

		var changed = api.post("/api/v1/incidents/" + id + "/severity", responder.token(), """
				{"severity": "SEV1", "reason": "All customers are logged out"}""").expectStatus(200).json();
		assertThat(changed.get("severity").asString()).isEqualTo("SEV1");
		var last = lastEntry(id);
		assertThat(last.get("kind").asString()).isEqualTo("severity_changed");
		assertThat(last.get("text").asString()).contains("SEV3 → SEV1").contains("All customers are logged out");
		assertThat(last.get("author_id").asString()).isEqualTo(responder.id().toString());
	}

	@Test
	void statusMovesSetTheMilestones() {
		var id = declare("Queue backlog", "SEV2").get("id").asString();
		clock.advance(Duration.ofMinutes(3));
		var acknowledged = clock.instant();
		var investigating = move(id, "investigating");
		assertThat(investigating.get("acknowledged_at").asString()).isEqualTo(acknowledged.toString());
		assertThat(investigating.get("mitigated_at").isNull()).isTrue();

		clock.advance(Duration.ofMinutes(10));
		var monitoring = move(id, "monitoring");
		assertThat(monitoring.get("mitigated_at").asString()).isEqualTo(clock.instant().toString());
		assertThat(monitoring.get("acknowledged_at").asString()).isEqualTo(acknowledged.toString());

		clock.advance(Duration.ofMinutes(30));
		var resolved = move(id, "resolved");
		assertThat(resolved.get("resolved_at").asString()).isEqualTo(clock.instant().toString());
		assertThat(resolved.get("allowed_statuses").values()).extracting(JsonNode::asString)
			.containsExactly("investigating", "closed");

		var closed = move(id, "closed");
		assertThat(closed.get("closed_at").asString()).isEqualTo(clock.instant().toString());
		assertThat(closed.get("resolved_at").asString()).isEqualTo(resolved.get("resolved_at").asString());
		assertThat(closed.get("allowed_statuses").isEmpty()).isTrue();
	}

	@Test
	void skippedMilestonesStayEmpty() {
		var id = declare("Flaky deploys", "SEV3").get("id").asString();
		clock.advance(Duration.ofMinutes(1));
		var resolved = move(id, "resolved");
		assertThat(resolved.get("acknowledged_at").asString()).isEqualTo(clock.instant().toString());
		assertThat(resolved.get("mitigated_at").isNull()).isTrue();
	}

	@Test
	void aReopenedIncidentKeepsItsHistoryAndLosesItsResolution() {
		var id = declare("Emails delayed", "SEV3").get("id").asString();
		move(id, "resolved");
		var entries = timelineSize(id);
		clock.advance(Duration.ofMinutes(5));

		var reopened = move(id, "investigating");

		assertThat(reopened.get("resolved_at").isNull()).isTrue();
		assertThat(reopened.get("status").asString()).isEqualTo("investigating");
		assertThat(timelineSize(id)).isEqualTo(entries + 1);
		assertThat(lastEntry(id).get("text").asString()).startsWith("Re-opened");
	}

	@Test
	void anIllegalMoveAnswers409WithTheAllowedMovesAndChangesNothing() {
		var id = declare("Cache stampede", "SEV2").get("id").asString();
		move(id, "identified");
		var before = incident(id);
		var entries = timelineSize(id);

		var problem = api.post("/api/v1/incidents/" + id + "/status", responder.token(), """
				{"status": "triage"}""").problem(409);

		assertThat(problem.get("allowed").values()).extracting(JsonNode::asString)
			.containsExactly("investigating", "monitoring", "resolved");
		assertThat(problem.get("detail").asString()).contains("identified").contains("triage");
		assertThat(incident(id)).isEqualTo(before);
		assertThat(timelineSize(id)).isEqualTo(entries);
	}

	@Test
	void closedIsFinal() {
		var id = declare("Old certificate", "SEV4").get("id").asString();
		move(id, "resolved");
		move(id, "closed");
		var before = incident(id);

		var problem = api.post("/api/v1/incidents/" + id + "/status", responder.token(), """
				{"status": "investigating"}""").problem(409);
		assertThat(problem.get("allowed").isEmpty()).isTrue();
		api.post("/api/v1/incidents/" + id + "/severity", responder.token(), """
				{"severity": "SEV1", "reason": "late"}""").problem(409);
		api.post("/api/v1/incidents/" + id + "/mitigations", responder.token(), """
				{"lever": "rollback", "description": "late"}""").problem(409);
		assertThat(incident(id)).isEqualTo(before);

		// a correction after the fact is still possible: the record must be right
		api.post("/api/v1/incidents/" + id + "/timeline", responder.token(), """
				{"text": "The certificate expired at 09:00, not 10:00"}""").expectStatus(201);
	}

	@Test
	void movingToTheCurrentStatusIsANoOp() {
		var id = declare("Disk filling", "SEV3").get("id").asString();
		move(id, "investigating");
		var entries = timelineSize(id);
		var again = move(id, "investigating");
		assertThat(again.get("status").asString()).isEqualTo("investigating");
		assertThat(timelineSize(id)).isEqualTo(entries);
	}

	@Test
	void twoPeopleMovingAtOnceCannotBothWin() throws Exception {
		var id = declare("Race", "SEV2").get("id").asString();
		var start = new CountDownLatch(1);
		var executor = Executors.newFixedThreadPool(2);
		try {
			var calls = new ArrayList<Callable<Integer>>();
			for (var token : new String[] { responder.token(), adminToken() }) {
				calls.add(() -> {
					start.await();
					return api.resolve(id, token).status();
				});
			}
			var futures = calls.stream().map(executor::submit).toList();
			start.countDown();
			for (var future : futures) {
				assertThat(future.get()).isEqualTo(200);
			}
		}
		finally {
			executor.shutdownNow();
		}
		var timeline = api.get("/api/v1/incidents/" + id + "/timeline", responder.token()).json();
		assertThat(timeline.values()).filteredOn(e -> e.get("kind").asString().equals("status_changed")).hasSize(1);
		assertThat(timeline.values()).filteredOn(e -> e.get("text").asString().startsWith("Resolution:")).hasSize(1);
	}

	@Test
	void rolesAreAssignedAndHandedOverOnTheTimeline() {
		var id = declare("Latency spike", "SEV1").get("id").asString();
		var alice = person("responder");
		var bob = person("responder");

		var assigned = api.put("/api/v1/incidents/" + id + "/roles/communications_lead", responder.token(), """
				{"account_id": "%s"}""".formatted(alice.id())).expectStatus(200).json();
		assertThat(assigned.get("roles").get("communications_lead").asString()).isEqualTo(alice.id().toString());
		assertThat(lastEntry(id).get("kind").asString()).isEqualTo("role_assigned");

		var handed = api.put("/api/v1/incidents/" + id + "/roles/incident_commander", responder.token(), """
				{"account_id": "%s"}""".formatted(bob.id())).expectStatus(200).json();
		assertThat(handed.get("roles").get("incident_commander").asString()).isEqualTo(bob.id().toString());
		assertThat(lastEntry(id).get("kind").asString()).isEqualTo("role_handed_over");
		assertThat(lastEntry(id).get("text").asString()).startsWith("Incident commander handed over from");

		api.put("/api/v1/incidents/" + id + "/roles/subject_matter_expert", responder.token(), """
				{"account_id": "%s"}""".formatted(alice.id())).expectStatus(200);
		var experts = api.put("/api/v1/incidents/" + id + "/roles/subject_matter_expert", responder.token(), """
				{"account_id": "%s"}""".formatted(bob.id())).expectStatus(200).json();
		assertThat(experts.get("subject_matter_experts").values()).extracting(JsonNode::asString)
			.containsExactlyInAnyOrder(alice.id().toString(), bob.id().toString());

		var removed = api.delete("/api/v1/incidents/" + id + "/roles/communications_lead", responder.token())
			.expectStatus(200).json();
		assertThat(removed.get("roles").has("communications_lead")).isFalse();
		assertThat(lastEntry(id).get("kind").asString()).isEqualTo("role_unassigned");
	}

	@Test
	void aRoleForAnUnknownAccountIsRefusedAndChangesNothing() {
		var id = declare("Unknown person", "SEV2").get("id").asString();
		var before = incident(id);
		var problem = api.put("/api/v1/incidents/" + id + "/roles/scribe", responder.token(), """
				{"account_id": "%s"}""".formatted(UUID.randomUUID())).problem(400);
		assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("/account_id");
		api.put("/api/v1/incidents/" + id + "/roles/chief_of_everything", responder.token(), """
				{"account_id": "%s"}""".formatted(responder.id())).problem(400);
		assertThat(incident(id)).isEqualTo(before);
	}

	@Test
	void aMitigationThatWorkedMarksTheIncidentMitigated() {
		var id = declare("Bad deploy", "SEV2").get("id").asString();
		clock.advance(Duration.ofMinutes(7));
		api.post("/api/v1/incidents/" + id + "/mitigations", responder.token(), """
				{"lever": "feature_flag_off", "description": "Turned off new-pricing", "mitigated": false}""")
			.expectStatus(201);
		assertThat(incident(id).get("mitigated_at").isNull()).isTrue();

		clock.advance(Duration.ofMinutes(2));
		var mitigation = api.post("/api/v1/incidents/" + id + "/mitigations", responder.token(), """
				{"lever": "rollback", "description": "Rolled back checkout to v41", "mitigated": true}""")
			.expectStatus(201).json();
		assertThat(mitigation.get("lever").asString()).isEqualTo("rollback");
		assertThat(incident(id).get("mitigated_at").asString()).isEqualTo(clock.instant().toString());
		assertThat(lastEntry(id).get("kind").asString()).isEqualTo("mitigation");
		assertThat(lastEntry(id).get("text").asString()).contains("Rolled back checkout to v41");

		var mitigations = api.get("/api/v1/incidents/" + id + "/mitigations", responder.token()).json();
		assertThat(mitigations.values()).extracting(m -> m.get("lever").asString())
			.containsExactly("feature_flag_off", "rollback");
	}

	@Test
	void theTimelineIsAppendOnlyAndCorrectionsNameWhatTheyCorrect() {
		var id = declare("Wrong region", "SEV3").get("id").asString();
		var note = api.post("/api/v1/incidents/" + id + "/timeline", responder.token(), """
				{"text": "us-east-1 is failing"}""").expectStatus(201).json();
		assertThat(note.get("kind").asString()).isEqualTo("note");
		var correction = api.post("/api/v1/incidents/" + id + "/timeline", responder.token(), """
				{"text": "It is eu-west-1, not us-east-1", "corrects": "%s"}""".formatted(note.get("id").asString()))
			.expectStatus(201).json();
		assertThat(correction.get("kind").asString()).isEqualTo("correction");
		assertThat(correction.get("corrects").asString()).isEqualTo(note.get("id").asString());

		var timeline = api.get("/api/v1/incidents/" + id + "/timeline", responder.token()).json();
		assertThat(timeline.values()).extracting(e -> e.get("text").asString())
			.contains("us-east-1 is failing", "It is eu-west-1, not us-east-1");

		// nothing edits or deletes an entry
		assertThat(api.put("/api/v1/incidents/" + id + "/timeline/" + note.get("id").asString(), responder.token(),
				"{\"text\": \"x\"}").status()).isIn(404, 405);
		assertThat(api.delete("/api/v1/incidents/" + id + "/timeline/" + note.get("id").asString(), responder.token())
			.status()).isIn(404, 405);

		var other = declare("Other", "SEV4").get("id").asString();
		var problem = api.post("/api/v1/incidents/" + other + "/timeline", responder.token(), """
				{"text": "x", "corrects": "%s"}""".formatted(note.get("id").asString())).problem(400);
		assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("/corrects");
	}

	@Test
	void listsFilterAndPage() {
		var marker = "filter-" + UUID.randomUUID();
		var service = api.post("/api/v1/services", adminToken(), """
				{"name": "%s"}""".formatted(marker)).expectStatus(201).json().get("id").asString();
		clock.advance(Duration.ofMinutes(1));
		var since = clock.instant();
		var a = declare("""
				{"title": "a", "severity": "SEV1", "affected_service_ids": ["%s"]}""".formatted(service)).get("id").asString();
		var b = declare("""
				{"title": "b", "severity": "SEV2", "affected_service_ids": ["%s"]}""".formatted(service)).get("id").asString();
		var c = declare("""
				{"title": "c", "severity": "SEV2", "affected_service_ids": ["%s"]}""".formatted(service)).get("id").asString();
		move(c, "resolved");

		var all = api.get("/api/v1/incidents?service=" + service, responder.token()).json();
		assertThat(all.get("total").asLong()).isEqualTo(3);
		assertThat(all.get("items").values()).extracting(i -> i.get("id").asString()).containsExactly(c, b, a);

		var sev2 = api.get("/api/v1/incidents?service=" + service + "&severity=SEV2", responder.token()).json();
		assertThat(sev2.get("items").values()).extracting(i -> i.get("id").asString()).containsExactly(c, b);

		var active = api.get("/api/v1/incidents?service=" + service + "&status=triage,investigating", responder.token())
			.json();
		assertThat(active.get("items").values()).extracting(i -> i.get("id").asString()).containsExactly(b, a);

		var page = api.get("/api/v1/incidents?service=" + service + "&page=1&size=2", responder.token()).json();
		assertThat(page.get("total").asLong()).isEqualTo(3);
		assertThat(page.get("items").values()).extracting(i -> i.get("id").asString()).containsExactly(a);

		var recent = api.get("/api/v1/incidents?since=" + since + "&size=200", responder.token()).json();
		assertThat(recent.get("items").values()).extracting(i -> i.get("id").asString()).contains(a, b, c);
		var future = api.get("/api/v1/incidents?since=" + clock.instant().plusSeconds(60), responder.token()).json();
		assertThat(future.get("total").asLong()).isZero();

		var bad = api.get("/api/v1/incidents?status=sleeping", responder.token()).problem(400);
		assertThat(bad.get("detail").asString()).contains("sleeping").contains("investigating");
		api.get("/api/v1/incidents?size=1000", responder.token()).problem(400);
	}

	@Test
	void privateIncidentsAreSeenOnlyByAdminsAndThePeopleOnThem() {
		var secret = declare("""
				{"title": "Credential leak", "severity": "SEV1", "security": true, "private": true}""").get("id").asString();
		var outsider = person("responder");
		var expert = person("viewer");

		var before = api.get("/api/v1/incidents/" + secret, adminToken()).json();
		api.get("/api/v1/incidents/" + secret, outsider.token()).problem(404);
		for (var path : new String[] { "/timeline", "/mitigations", "/summary.md" }) {
			api.get("/api/v1/incidents/" + secret + path, outsider.token()).problem(404);
		}
		api.post("/api/v1/incidents/" + secret + "/timeline", outsider.token(), "{\"text\": \"hi\"}").problem(404);
		api.post("/api/v1/incidents/" + secret + "/status", outsider.token(), "{\"status\": \"resolved\"}").problem(404);
		api.post("/api/v1/incidents/" + secret + "/severity", outsider.token(), """
				{"severity": "SEV4", "reason": "nothing to see"}""").problem(404);
		api.post("/api/v1/incidents/" + secret + "/mitigations", outsider.token(), """
				{"lever": "other", "description": "x"}""").problem(404);
		api.put("/api/v1/incidents/" + secret + "/roles/scribe", outsider.token(), """
				{"account_id": "%s"}""".formatted(outsider.id())).problem(404);
		api.delete("/api/v1/incidents/" + secret + "/roles/incident_commander", outsider.token()).problem(404);
		assertThat(api.get("/api/v1/incidents/" + secret, adminToken()).json()).isEqualTo(before);
		var listed = api.get("/api/v1/incidents?size=200&severity=SEV1", outsider.token()).json();
		assertThat(listed.get("items").values()).extracting(i -> i.get("id").asString()).doesNotContain(secret);

		api.get("/api/v1/incidents/" + secret, adminToken()).expectStatus(200);
		api.put("/api/v1/incidents/" + secret + "/roles/subject_matter_expert", responder.token(), """
				{"account_id": "%s"}""".formatted(expert.id())).expectStatus(200);
		api.get("/api/v1/incidents/" + secret, expert.token()).expectStatus(200);
	}

	@Test
	void viewersReadButDoNotAct() {
		var id = declare("Read only", "SEV3").get("id").asString();
		var viewer = person("viewer");
		api.get("/api/v1/incidents/" + id, viewer.token()).expectStatus(200);
		api.post("/api/v1/incidents", viewer.token(), "{\"title\": \"nope\"}").problem(403);
		api.post("/api/v1/incidents/" + id + "/status", viewer.token(), "{\"status\": \"resolved\"}").problem(403);
		assertThat(incident(id).get("status").asString()).isEqualTo("triage");
		api.get("/api/v1/incidents/" + id, null).problem(401);
	}

	@Test
	void everyChangeIsAudited() {
		var id = declare("Audited", "SEV3").get("id").asString();
		move(id, "investigating");
		var audit = api.get("/api/v1/audit?size=200", adminToken()).json().get("items");
		assertThat(audit.values()).filteredOn(e -> id.equals(e.get("target_id").asString()))
			.extracting(e -> e.get("action").asString())
			.contains("incident.declared", "incident.role_assigned", "incident.status_changed");
		assertThat(audit.values()).filteredOn(e -> id.equals(e.get("target_id").asString()))
			.allSatisfy(e -> {
				assertThat(e.get("actor").asString()).isEqualTo(responder.email());
				assertThat(e.get("address").asString()).isEqualTo("192.0.2.7");
			});
	}

	@Test
	void theSummaryTellsTheStoryInMarkdown() {
		var incident = declare("""
				{"title": "Checkout down", "severity": "SEV1", "summary": "A bad config push broke checkout.",
				 "customer_impact": "No orders for 42 minutes"}""");
		var id = incident.get("id").asString();
		clock.advance(Duration.ofMinutes(4));
		move(id, "investigating");
		clock.advance(Duration.ofMinutes(20));
		api.post("/api/v1/incidents/" + id + "/mitigations", responder.token(), """
				{"lever": "rollback", "description": "Reverted config push 7731", "mitigated": true}""").expectStatus(201);
		clock.advance(Duration.ofMinutes(18));
		api.put("/api/v1/incidents/" + id + "/roles/communications_lead", responder.token(),
				"{\"account_id\": \"" + responder.id() + "\"}").expectStatus(200);
		api.post("/api/v1/incidents/" + id + "/status-updates", responder.token(), """
				{"audience": "public", "phase": "resolved", "text": "Ordering works normally again since 10:24 UTC."}""").expectStatus(201);
		api.post("/api/v1/incidents/" + id + "/status-updates", responder.token(), """
				{"audience": "internal", "text": "Rolled back; checkout is healthy."}""").expectStatus(201);
		api.post("/api/v1/incidents/" + id + "/resolution", responder.token(), """
				{"mitigation_verified": true, "root_cause": "A config push without a canary", "systems_normal": true,
				 "customers_can_resume": true, "guardrails": "Config pushes frozen until the canary exists"}""")
			.expectStatus(200);

		var summary = api.get("/api/v1/incidents/" + id + "/summary.md", responder.token()).expectStatus(200);
		assertThat(summary.contentType()).startsWith("text/markdown");
		assertThat(summary.body())
			.startsWith("# " + id + ": Checkout down")
			.contains("| Severity | SEV1 |")
			.contains("| Duration | 42 min")
			.contains("No orders for 42 minutes")
			.contains("A bad config push broke checkout.")
			.contains("Rollback: Reverted config push 7731 (stopped user impact)")
			.contains("Acknowledged: ").contains("(4 min after detection)")
			.contains("Mitigated: ").contains("(24 min after detection)")
			.contains("## Timeline (UTC)")
			.contains("Status triage → investigating")
			.contains("## Action items\n\nNone recorded.")
			.contains("| Post-mortem | required (every SEV1 has one), owned by ")
			.contains("- Root cause: A config push without a canary")
			.contains("- Temporary guardrails: Config pushes frozen until the canary exists");
	}

	@Test
	void badInputGetsAClearErrorAndChangesNothing() {
		var count = countIncidents();
		var malformed = api.post("/api/v1/incidents", responder.token(), "{\"title\": \"x\",").problem(400);
		assertThat(malformed.get("detail").asString()).contains("not valid JSON");

		var unknown = api.post("/api/v1/incidents", responder.token(), """
				{"title": "x", "severty": "SEV1"}""").problem(400);
		assertThat(unknown.get("detail").asString()).contains("severty").contains("severity");
		assertThat(unknown.get("errors").get(0).get("pointer").asString()).isEqualTo("/severty");

		var wrongType = api.post("/api/v1/incidents", responder.token(), """
				{"title": "x", "customer_reported": "maybe"}""").problem(400);
		assertThat(wrongType.get("errors").get(0).get("pointer").asString()).isEqualTo("/customer_reported");

		var badSeverity = api.post("/api/v1/incidents", responder.token(), """
				{"title": "x", "severity": "SEV9"}""").problem(400);
		assertThat(badSeverity.get("detail").asString()).contains("SEV9").contains("SEV1");

		var tooLong = api.post("/api/v1/incidents", responder.token(), """
				{"title": "%s"}""".formatted("x".repeat(201))).problem(400);
		assertThat(tooLong.get("errors").get(0).get("pointer").asString()).isEqualTo("/title");

		api.post("/api/v1/incidents", responder.token(), "{\"title\": \"   \"}").problem(400);
		api.post("/api/v1/incidents", responder.token(), """
				{"title": "x", "detected_at": "%s"}""".formatted(clock.instant().plusSeconds(3600))).problem(400);
		api.post("/api/v1/incidents", responder.token(), """
				{"title": "x", "affected_service_ids": ["%s"]}""".formatted(UUID.randomUUID())).problem(400);

		assertThat(countIncidents()).isEqualTo(count);

		var id = declare("Target", "SEV3").get("id").asString();
		var before = incident(id);
		api.post("/api/v1/incidents/" + id + "/timeline", responder.token(), """
				{"text": "%s"}""".formatted("y".repeat(20_001))).problem(400);
		api.post("/api/v1/incidents/" + id + "/status", responder.token(), "{\"status\": 3}").problem(400);
		assertThat(incident(id)).isEqualTo(before);

		api.get("/api/v1/incidents/INC-999999", responder.token()).problem(404);
		api.get("/api/v1/incidents/banana", responder.token()).problem(404);
		api.post("/api/v1/incidents/INC-999999/status", responder.token(), "{\"status\": \"resolved\"}").problem(404);
	}

	private long countIncidents() {
		return jdbc.sql("select count(*) from incident").query(Long.class).single();
	}

	/** The last entry a request wrote; what the platform adds by the book on its own (a war room opened) is left out. */
	private JsonNode lastEntry(String id) {
		var timeline = api.get("/api/v1/incidents/" + id + "/timeline", responder.token()).json().values().stream()
			.filter(entry -> !List.of("policy", "checkpoint", "paging").contains(entry.get("kind").asString()))
			.toList();
		return timeline.get(timeline.size() - 1);
	}
}
