package dev.firebreak.incident;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.firebreak.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * The book, kept on a simulated clock: what an incident owes and when, and what happens when it is
 * missed. Timings are the defaults of {@code firebreak.policy} (PRODUCT.md §1.2–§1.9).
 */
class ByTheBookScenarioTests extends ApiTest {

	private Person commander;

	@BeforeEach
	void people() {
		commander = person("responder");
	}

	// ---- obligations and severity ----

	@Test
	void aSev1OwesItsRolesWithinFifteenMinutesAndTheCommanderIsMetAtOnce() {
		var id = declare(commander, "SEV1");
		settle();
		var declared = clock.instant();

		assertThat(obligation(id, "role:incident_commander").get("state").asString()).isEqualTo("met");
		for (var role : List.of("communications_lead", "operations_lead", "scribe")) {
			var owed = obligation(id, "role:" + role);
			assertThat(owed.get("state").asString()).isEqualTo("pending");
			assertThat(owed.get("kind").asString()).isEqualTo("role");
			assertThat(Instant.parse(owed.get("due_at").asString())).isEqualTo(declared.plus(ofMinutes(15)));
			assertThat(owed.get("owner_id").asString()).as("the commander fills roles").isEqualTo(commander.id().toString());
		}
	}

	@Test
	void anObligationIsPendingThenDueSoonThenOverdue() {
		var id = declare(commander, "SEV1");
		timePasses(ofMinutes(9));
		assertThat(obligation(id, "role:scribe").get("state").asString()).isEqualTo("pending");
		timePasses(ofMinutes(1));
		assertThat(obligation(id, "role:scribe").get("state").asString()).isEqualTo("due_soon");
		timePasses(ofMinutes(5));
		assertThat(obligation(id, "role:scribe").get("state").asString()).isEqualTo("overdue");
		var due = hhmm(Instant.parse(obligation(id, "role:scribe").get("due_at").asString()));
		assertThat(timeline(id)).contains("Overdue: Fill the role of scribe (SEV1) (due " + due + " UTC)");
	}

	@Test
	void theOwnerIsRemindedFiveMinutesBeforeAndToldWhenItIsMissed() {
		var id = declare(commander, "SEV2");
		timePasses(ofMinutes(9));
		assertThat(noticesTo(commander, id, "role:operations_lead")).isEmpty();
		timePasses(ofMinutes(1));
		assertThat(noticesTo(commander, id, "role:operations_lead")).singleElement().asString().endsWith(":due/" + commander.id());
		timePasses(ofMinutes(5));
		assertThat(pagesTo(commander, id)).as("a missed role pages the commander").singleElement().asString().contains(":missed:");
		assertThat(noticesTo(commander, id, "role:operations_lead")).as("the page says it; no notice besides").hasSize(1);

		timePasses(ofMinutes(10));
		assertThat(noticesTo(commander, id, "mitigate:war-room")).hasSize(1).last().asString().endsWith(":due/" + commander.id());
		timePasses(ofMinutes(5));
		assertThat(noticesTo(commander, id, "mitigate:war-room")).hasSize(2).last().asString().endsWith(":overdue/" + commander.id());
		timePasses(ofMinutes(30));
		assertThat(noticesTo(commander, id, "mitigate:war-room")).as("told once per obligation and due time").hasSize(2);
		assertThat(pagesTo(commander, id)).hasSize(1);
	}

	@Test
	void anUnclassifiedIncidentBecomesSev2AfterTenMinutesWithTheReasonOnItsTimeline() {
		var id = declare(commander, null);
		settle();
		assertThat(obligation(id, "classify").get("state").asString()).isEqualTo("pending");
		timePasses(ofMinutes(9).plusSeconds(59));
		assertThat(incident(id).get("severity").isNull()).isTrue();
		timePasses(ofMinutes(0).plusSeconds(1));

		assertThat(incident(id).get("severity").asString()).isEqualTo("SEV2");
		assertThat(timeline(id)).anyMatch(text -> text.startsWith("Severity unclassified → SEV2: no severity 10 min after declaration"));
		assertThat(obligation(id, "classify").get("state").asString()).isEqualTo("met");
		assertThat(obligation(id, "role:operations_lead").get("state").asString()).as("SEV2's roles now apply").isEqualTo("pending");
	}

	@Test
	void classifiedInTimeOrResolvedFirstItKeepsItsSeverity() {
		var classified = declare(commander, null);
		var over = declare(commander, null);
		timePasses(ofMinutes(4));
		api.post("/api/v1/incidents/" + classified + "/severity", commander.token(),
				"{\"severity\": \"SEV4\", \"reason\": \"one internal dashboard\"}").expectStatus(200);
		api.resolve(over, commander.token()).expectStatus(200);
		timePasses(ofMinutes(20));

		assertThat(incident(classified).get("severity").asString()).isEqualTo("SEV4");
		assertThat(obligation(classified, "classify").get("outcome").asString()).isEqualTo("classified as SEV4");
		assertThat(incident(over).get("severity").isNull()).isTrue();
		assertThat(obligations(over)).noneMatch(o -> o.get("key").asString().equals("classify"));
	}

	@Test
	void aSeverityChangeWithoutAReasonIsRefusedAndChangesNothing() {
		var id = declare(commander, "SEV3");
		api.post("/api/v1/incidents/" + id + "/severity", commander.token(), "{\"severity\": \"SEV1\"}").problem(400);
		settle();
		assertThat(incident(id).get("severity").asString()).isEqualTo("SEV3");
		assertThat(obligations(id)).noneMatch(o -> o.get("kind").asString().equals("role"));
	}

	// ---- roles ----

	@Test
	void aSev2NeedsOnlyACommanderAndAnOperationsLeadAndSev3NoneAtAll() {
		var sev2 = declare(commander, "SEV2");
		var sev3 = declare(commander, "SEV3");
		settle();
		assertThat(keys(sev2)).contains("role:incident_commander", "role:operations_lead")
			.doesNotContain("role:scribe", "role:communications_lead");
		assertThat(keys(sev3)).as("the on-call holds every role").noneMatch(key -> key.startsWith("role:"));
	}

	@Test
	void fillingARoleMeetsItAndSaysWho() {
		var id = declare(commander, "SEV2");
		var ops = person("responder");
		timePasses(ofMinutes(5));
		assign(id, "operations_lead", ops);
		settle();
		var met = obligation(id, "role:operations_lead");
		assertThat(met.get("state").asString()).isEqualTo("met");
		assertThat(met.get("outcome").asString()).startsWith("filled by responder");
		timePasses(ofMinutes(20));
		assertThat(noticesTo(commander, id, "role:operations_lead")).isEmpty();
	}

	@Test
	void rolesRequiredByARaisedSeverityAreDueFifteenMinutesAfterTheRaise() {
		var id = declare(commander, "SEV3");
		timePasses(ofMinutes(40));
		api.post("/api/v1/incidents/" + id + "/severity", commander.token(),
				"{\"severity\": \"SEV1\", \"reason\": \"every customer is logged out\"}").expectStatus(200);
		settle();
		var raised = clock.instant();
		assertThat(Instant.parse(obligation(id, "role:scribe").get("due_at").asString())).isEqualTo(raised.plus(ofMinutes(15)));
	}

	@Test
	void aRoleItsHolderLeavesIsOwedAgainFromThatMoment() {
		var id = declare(commander, "SEV2");
		var ops = person("responder");
		assign(id, "operations_lead", ops);
		timePasses(ofMinutes(20));
		api.delete("/api/v1/incidents/" + id + "/roles/operations_lead", commander.token()).expectStatus(200);
		settle();
		var left = clock.instant();
		assertThat(obligation(id, "role:operations_lead").get("state").asString()).isEqualTo("pending");
		assertThat(obligation(id, "role:operations_lead").get("due_at").asString()).isEqualTo(left.plus(ofMinutes(15)).toString());
	}

	@Test
	void loweringASev1ToSev2StartsTheSev2DeadlinesThenAndRaisingAgainEndsNothingEarly() {
		var id = declare(commander, "SEV1");
		timePasses(ofMinutes(70));
		api.post("/api/v1/incidents/" + id + "/severity", commander.token(),
				"{\"severity\": \"SEV2\", \"reason\": \"only EU customers now\"}").expectStatus(200);
		settle();
		var lowered = clock.instant();
		assertThat(obligation(id, "mitigate:sev1-procedures").get("due_at").asString())
			.isEqualTo(lowered.plus(ofMinutes(60)).toString());
		timePasses(ofMinutes(59));
		assertThat(incident(id).get("procedures").asString()).isEqualTo("SEV2");
		timePasses(ofMinutes(1));
		assertThat(incident(id).get("procedures").asString()).isEqualTo("SEV1");
		assertThat(timeline(id)).anyMatch(text -> text.startsWith("SEV1 procedures apply: SEV2 not mitigated 1 h after it became SEV2"));
		assertThat(obligation(id, "mitigate:sev1-procedures").get("state").asString()).as("its consequence happened").isEqualTo("met");

		api.post("/api/v1/incidents/" + id + "/severity", commander.token(),
				"{\"severity\": \"SEV3\", \"reason\": \"a workaround exists\"}").expectStatus(200);
		settle();
		assertThat(incident(id).get("procedures").asString()).as("a person's severity ends SEV1 procedures").isEqualTo("SEV3");
		assertThat(keys(id)).noneMatch(key -> key.startsWith("role:") && !key.equals("role:incident_commander")
				&& List.of("pending", "due_soon", "overdue").contains(obligation(id, key).get("state").asString()));
	}

	// ---- war room ----

	@Test
	void aSev1OpensAWarRoomAtOnceWithItsReason() {
		var id = declare(commander, "SEV1");
		settle();
		var room = api.get("/api/v1/incidents/" + id + "/war-room", commander.token()).expectStatus(200).json();
		assertThat(room.get("active").asBoolean()).isTrue();
		assertThat(room.get("reason").asString()).isEqualTo("SEV1 requires a war room");
		assertThat(timeline(id)).anyMatch(text -> text.startsWith("War room opened: SEV1 requires a war room"));
		assertThat(obligation(id, "checkpoint").get("due_at").asString())
			.isEqualTo(Instant.parse(room.get("opened_at").asString()).plus(ofMinutes(15)).toString());
	}

	@Test
	void anIncidentOnSeveralServicesOpensAWarRoomWhateverItsSeverity() {
		var admin = adminToken();
		var one = service(admin);
		var two = service(admin);
		var id = api.post("/api/v1/incidents", commander.token(), """
				{"title": "Two services", "severity": "SEV3", "affected_service_ids": ["%s", "%s"]}""".formatted(one, two))
			.expectStatus(201).json().get("id").asString();
		var unclassified = api.post("/api/v1/incidents", commander.token(), """
				{"title": "Two services, no severity yet", "affected_service_ids": ["%s", "%s"]}""".formatted(one, two))
			.expectStatus(201).json().get("id").asString();
		settle();
		assertThat(warRoom(id).get("reason").asString()).isEqualTo("it affects 2 services");
		assertThat(warRoom(unclassified).get("reason").asString()).isEqualTo("it affects 2 services");
	}

	@Test
	void aSev2NotMitigatedWithinThirtyMinutesOpensAWarRoom() {
		var id = declare(commander, "SEV2");
		timePasses(ofMinutes(29));
		assertThat(warRoom(id).get("active").asBoolean()).isFalse();
		timePasses(ofMinutes(1));
		assertThat(warRoom(id).get("active").asBoolean()).isTrue();
		assertThat(warRoom(id).get("reason").asString()).isEqualTo("SEV2 not mitigated 30 min after declaration");
		assertThat(obligation(id, "mitigate:war-room").get("state").asString()).as("its consequence happened").isEqualTo("met");
		assertThat(obligation(id, "mitigate:war-room").get("outcome").asString()).startsWith("a war room opened at ");
		assertThat(keys(id)).contains("checkpoint");
	}

	@Test
	void aSev2MitigatedInTimeNeverGetsAWarRoomNorSev1Procedures() {
		var id = declare(commander, "SEV2");
		timePasses(ofMinutes(20));
		mitigate(id, true);
		timePasses(ofMinutes(60));
		assertThat(warRoom(id).get("active").asBoolean()).isFalse();
		assertThat(incident(id).get("procedures").asString()).isEqualTo("SEV2");
		assertThat(obligation(id, "mitigate:sev1-procedures").get("state").asString()).isEqualTo("met");
	}

	@Test
	void aSev2NotMitigatedWithinSixtyMinutesRunsWithSev1ProceduresAndTheCommanderIsTold() {
		var id = declare(commander, "SEV2");
		timePasses(ofMinutes(59));
		assertThat(incident(id).get("procedures").asString()).isEqualTo("SEV2");
		timePasses(ofMinutes(1));

		var incident = incident(id);
		assertThat(incident.get("severity").asString()).as("severity follows user impact, not the clock").isEqualTo("SEV2");
		assertThat(incident.get("procedures").asString()).isEqualTo("SEV1");
		assertThat(timeline(id)).anyMatch(text -> text.startsWith("SEV1 procedures apply: SEV2 not mitigated 1 h after declaration"));
		assertThat(keys(id)).as("SEV1's roles").contains("role:scribe", "role:communications_lead");
		assertThat(Instant.parse(obligation(id, "role:scribe").get("due_at").asString())).isEqualTo(clock.instant().plus(ofMinutes(15)));
		assertThat(noticesTo(commander, id)).anyMatch(key -> key.contains(":mitigate:sev1-procedures:") && key.contains(":overdue"));
	}

	@Test
	void theCheckpointPromptsTheCommanderAndAnAnswerSetsTheNextOne() {
		var id = declare(commander, "SEV1");
		timePasses(ofMinutes(10));
		assertThat(timeline(id)).anyMatch(text -> text.startsWith("Checkpoint due at ") && text.contains("What do we know now?")
				&& text.contains("Is the status page current?"));
		assertThat(noticesTo(commander, id)).anyMatch(key -> key.contains(":checkpoint:") && key.endsWith(":due/" + commander.id()));

		timePasses(ofMinutes(2));
		answerCheckpoint(id, commander).expectStatus(200);
		settle();
		var answered = clock.instant();
		assertThat(timeline(id)).anyMatch(text -> text.startsWith("Checkpoint answered by ")
				&& text.contains("What we know: Logins fail in EU") && text.contains("Status page: current, next update 10:45 UTC"));
		assertThat(obligation(id, "checkpoint").get("state").asString()).isEqualTo("pending");
		assertThat(obligation(id, "checkpoint").get("due_at").asString()).isEqualTo(answered.plus(ofMinutes(15)).toString());
	}

	@Test
	void anUnansweredCheckpointIsOverdueAndOnlyTheCommanderOrScribeAnswers() {
		var id = declare(commander, "SEV1");
		var bystander = person("responder");
		timePasses(ofMinutes(16));
		assertThat(obligation(id, "checkpoint").get("state").asString()).isEqualTo("overdue");
		var entries = timeline(id).size();
		answerCheckpoint(id, bystander).problem(403);
		api.post("/api/v1/incidents/" + id + "/checkpoints", commander.token(), "{\"known\": \"x\"}").problem(400);
		assertThat(timeline(id)).hasSize(entries);
		assertThat(obligation(id, "checkpoint").get("state").asString()).isEqualTo("overdue");
	}

	@Test
	void afterTwoHoursAFreshCommanderIsProposedAndAHandOverRestartsTheCount() {
		var id = declare(commander, "SEV1");
		var relief = person("responder");
		timePasses(ofMinutes(119));
		assertThat(timeline(id)).noneMatch(text -> text.startsWith("Proposal: rotate the incident commander"));
		timePasses(ofMinutes(1));
		assertThat(timeline(id)).anyMatch(text -> text.startsWith("Proposal: rotate the incident commander. ")
				&& text.contains("has led for 2 h"));

		assign(id, "incident_commander", relief);
		settle();
		assertThat(timeline(id)).anyMatch(text -> text.startsWith("Incident commander handed over from"));
		assertThat(obligation(id, "ic-rotation").get("state").asString()).isEqualTo("pending");
		assertThat(obligation(id, "ic-rotation").get("due_at").asString()).isEqualTo(clock.instant().plus(ofHours(2)).toString());
	}

	@Test
	void decisionsAreRecordedWithWhoDecidedAndViewersDoNotDecide() {
		var id = declare(commander, "SEV1");
		api.post("/api/v1/incidents/" + id + "/decisions", commander.token(), """
				{"decision": "Fail over to eu-west", "rationale": "eu-central cannot take writes"}""").expectStatus(200);
		var viewer = person("viewer");
		api.post("/api/v1/incidents/" + id + "/decisions", viewer.token(), "{\"decision\": \"Reboot everything\"}").problem(403);
		var bystander = person("responder");
		api.post("/api/v1/incidents/" + id + "/decisions", bystander.token(), "{\"decision\": \"Reboot everything\"}").problem(403);
		api.post("/api/v1/incidents/" + id + "/decisions", commander.token(), "{\"rationale\": \"no decision\"}").problem(400);

		var decisions = api.get("/api/v1/incidents/" + id + "/decisions", commander.token()).expectStatus(200).json().get("items");
		assertThat(decisions.values()).singleElement().satisfies(d -> {
			assertThat(d.get("decision").asString()).isEqualTo("Fail over to eu-west");
			assertThat(d.get("decided_by").asString()).isEqualTo(commander.id().toString());
		});
		assertThat(timeline(id)).anyMatch(text -> text.startsWith("Decided by ") && text.endsWith(
				": Fail over to eu-west. Why: eu-central cannot take writes"));

		var scribe = person("responder");
		assign(id, "scribe", scribe);
		api.post("/api/v1/incidents/" + id + "/decisions", scribe.token(), "{\"decision\": \"Freeze deploys\"}").expectStatus(200);
		var recorded = api.get("/api/v1/incidents/" + id + "/decisions", commander.token()).json().get("items").get(1);
		assertThat(recorded.get("decided_by").asString()).as("the scribe writes the commander's decision").isEqualTo(commander.id().toString());
		assertThat(timeline(id)).anyMatch(text -> text.contains("(recorded by ") && text.endsWith(": Freeze deploys"));
	}

	@Test
	void theCommanderSetsAnObligationAsideWithAReasonAndNobodyElseMay() {
		var id = declare(commander, "SEV1");
		settle();
		var other = person("responder");
		api.post("/api/v1/incidents/" + id + "/obligations/role:scribe/waive", other.token(), "{\"reason\": \"x\"}").problem(403);
		api.post("/api/v1/incidents/" + id + "/obligations/role:scribe/waive", commander.token(), "{}").problem(400);
		var waived = api.post("/api/v1/incidents/" + id + "/obligations/role:scribe/waive", commander.token(),
				"{\"reason\": \"two responders only tonight; the commander keeps the timeline\"}").expectStatus(200).json();
		assertThat(waived.get("state").asString()).isEqualTo("waived");
		assertThat(timeline(id)).anyMatch(text -> text.equals("Set aside: Fill the role of scribe (SEV1). Why: two "
				+ "responders only tonight; the commander keeps the timeline"));
		timePasses(ofMinutes(20));
		assertThat(noticesTo(commander, id)).noneMatch(key -> key.contains(":role:scribe:") && key.contains(":overdue"));
	}

	// ---- progress and detection ----

	@Test
	void afterTheAcknowledgementMitigationProgressIsOwedWithinThirtyMinutes() {
		var id = declare(commander, "SEV3");
		timePasses(ofMinutes(2));
		api.post("/api/v1/incidents/" + id + "/acknowledge", commander.token(), "").expectStatus(200);
		settle();
		var acknowledged = clock.instant();
		assertThat(obligation(id, "progress").get("due_at").asString()).isEqualTo(acknowledged.plus(ofMinutes(30)).toString());
		timePasses(ofMinutes(10));
		mitigate(id, false);
		settle();
		assertThat(obligation(id, "progress").get("state").asString()).isEqualTo("met");
		assertThat(obligation(id, "progress").get("outcome").asString()).startsWith("mitigation recorded: ");
	}

	@Test
	void aCustomerReportedIncidentRecordsADetectionGap() {
		var id = api.post("/api/v1/incidents", commander.token(), """
				{"title": "Customers cannot pay", "severity": "SEV2", "source": "customer_report"}""").expectStatus(201)
			.json().get("id").asString();
		assertThat(timeline(id)).anyMatch(text -> text.startsWith("Detection gap: customers reported this before any alert did"));
		var alerted = declare(commander, "SEV2");
		assertThat(timeline(alerted)).noneMatch(text -> text.startsWith("Detection gap"));
	}

	// ---- resolution ----

	@Test
	void resolvingWithUnmetCriteriaAnswers409WithTheListAndChangesNothing() {
		var id = declare(commander, "SEV3");
		var entries = timeline(id).size();
		var refused = api.post("/api/v1/incidents/" + id + "/resolution", commander.token(), "{}").problem(409);
		assertThat(refused.get("unmet").values()).extracting(item -> item.get("key").asString())
			.contains("mitigation_verified", "root_cause", "systems_normal", "customers_can_resume", "containment",
					"timeline", "follow_up", "guardrails");
		assertThat(refused.get("unmet").get(0).get("detail").asString()).isNotBlank();
		api.post("/api/v1/incidents/" + id + "/status", commander.token(), "{\"status\": \"resolved\"}").problem(409);
		assertThat(incident(id).get("status").asString()).isEqualTo("triage");
		assertThat(timeline(id)).hasSize(entries);
	}

	@Test
	void resolvingWithEveryCriterionMetRecordsTheResolutionAndWithdrawsWhatIsOpen() {
		var id = declare(commander, "SEV3");
		timePasses(ofMinutes(5));
		mitigate(id, true);
		api.post("/api/v1/incidents/" + id + "/status-updates", commander.token(), """
				{"audience": "internal", "text": "Index rebuild stopped; search latency is back to normal."}""").expectStatus(201);
		var resolved = api.post("/api/v1/incidents/" + id + "/resolution", commander.token(), """
				{"customer_impact": "Search was slow for some customers", "mitigation_verified": true,
				 "root_cause": "An index rebuild during business hours", "systems_normal": true, "customers_can_resume": true,
				 "guardrails": "Index rebuilds only at night", "follow_ups": "Schedule rebuilds (owner: search team)"}""")
			.expectStatus(200).json();
		assertThat(resolved.get("status").asString()).isEqualTo("resolved");
		assertThat(resolved.get("postmortem").values()).isEmpty();
		settle();
		assertThat(timeline(id)).anyMatch(text -> text.startsWith("Resolution: root cause An index rebuild during business hours."
				+ " Temporary guardrails: Index rebuilds only at night. No post-mortem required"));
		assertThat(obligations(id)).noneMatch(o -> List.of("pending", "due_soon", "overdue").contains(o.get("state").asString()));
		assertThat(api.get("/api/v1/incidents/" + id + "/summary.md", commander.token()).body())
			.contains("- Root cause: An index rebuild during business hours").contains("| Post-mortem | not required |");
	}

	@Test
	void theCommanderMayResolveOverTheGateWithAReasonOthersMayNot() {
		var id = declare(commander, "SEV3");
		var other = person("responder");
		api.post("/api/v1/incidents/" + id + "/resolution", other.token(), "{\"override_reason\": \"done\"}").problem(403);
		assertThat(incident(id).get("status").asString()).isEqualTo("triage");
		api.post("/api/v1/incidents/" + id + "/resolution", commander.token(),
				"{\"override_reason\": \"false alarm: a test alert\"}").expectStatus(200);
		assertThat(timeline(id)).anyMatch(text -> text.startsWith("Resolved over the gate by ")
				&& text.contains("Why: false alarm: a test alert. Unmet: "));
		assertThat(api.get("/api/v1/incidents/" + id + "/summary.md", commander.token()).body())
			.contains("- Resolved over the quality gate: false alarm: a test alert");
	}

	@Test
	void aReopenedIncidentIsResolvedAgainThroughTheGateAndKeepsTheLastWord() {
		var id = declare(commander, "SEV3");
		api.resolve(id, commander.token()).expectStatus(200);
		api.post("/api/v1/incidents/" + id + "/status", commander.token(), "{\"status\": \"investigating\"}").expectStatus(200);
		settle();
		api.post("/api/v1/incidents/" + id + "/resolution", commander.token(), "{}").problem(409);
		api.post("/api/v1/incidents/" + id + "/resolution", commander.token(), """
				{"override_reason": "the second look found nothing new", "root_cause": "A full disk on the order store"}""")
			.expectStatus(200);
		assertThat(api.get("/api/v1/incidents/" + id + "/summary.md", commander.token()).body())
			.contains("- Root cause: A full disk on the order store")
			.contains("- Resolved over the quality gate: the second look found nothing new");
	}

	@Test
	void aSev1RequiresAPostMortemWithItsDueDates() {
		var id = declare(commander, "SEV1");
		settle();
		var at = clock.instant();
		var resolved = api.resolve(id, commander.token()).expectStatus(200).json();
		assertThat(resolved.get("postmortem").values()).extracting(o -> o.get("key").asString() + "@" + o.get("due_at").asString())
			.containsExactlyInAnyOrder("postmortem:draft@" + at.plus(ofHours(48)), "postmortem:review@" + at.plus(ofHours(72)),
					"postmortem:review-deadline@" + at.plus(ofDays(14)), "postmortem:publish@" + at.plus(ofHours(120)),
					"postmortem:action-review@" + at.plus(ofHours(24 * 30)));
		assertThat(resolved.get("postmortem").get(0).get("owner_id").asString()).isEqualTo(commander.id().toString());
		assertThat(timeline(id)).anyMatch(text -> text.contains("Post-mortem required (every SEV1 has one)"));
	}

	@Test
	void aSev2WithCustomerImpactOrAnIncidentOpenOverFourHoursRequiresOne() {
		var withImpact = api.post("/api/v1/incidents", commander.token(), """
				{"title": "Slow checkout", "severity": "SEV2", "customer_impact": "Checkout took 20 s for EU customers"}""")
			.expectStatus(201).json().get("id").asString();
		var quiet = declare(commander, "SEV3");
		var slow = declare(commander, "SEV4");
		assertThat(gate(withImpact).get("postmortem").get("reason").asString()).isEqualTo("a SEV2 with customer impact");
		assertThat(gate(quiet).get("postmortem").get("required").asBoolean()).isFalse();
		timePasses(ofHours(4).plusMinutes(1));
		assertThat(gate(slow).get("postmortem").get("reason").asString()).startsWith("it was open 4 h 1 min");
	}

	@Test
	void aSev3WhoseAlertAnIncidentResolvedWithinThirtyDaysAlsoHadRequiresAPostMortem() {
		var admin = adminToken();
		var service = service(admin);
		var key = api.post("/api/v1/services/" + service + "/integrations", admin, "{\"type\": \"events_v2\"}")
			.expectStatus(201).json().get("routing_key").asString();
		var disk = "disk-full-" + UUID.randomUUID();
		alert(key, disk, "trigger");
		var first = incidentsOf(service).get(0);
		assertThat(incident(first).get("severity").asString()).isEqualTo("SEV3");
		assertThat(gate(first).get("postmortem").get("required").asBoolean()).isFalse();
		alert(key, disk, "resolve");
		api.resolve(first, admin).expectStatus(200);

		timePasses(java.time.Duration.ofDays(3));
		alert(key, disk, "trigger");
		var again = incidentsOf(service).get(0);
		assertThat(again).isNotEqualTo(first);
		assertThat(gate(again).get("postmortem").get("reason").asString())
			.isEqualTo("a SEV3 recurring from the same cause as " + first);

		timePasses(ofMinutes(10));
		alert(key, "cpu-" + UUID.randomUUID(), "trigger");
		var other = incidentsOf(service).get(0);
		assertThat(other).isNotIn(first, again);
		assertThat(gate(other).get("postmortem").get("required").asBoolean()).as("another alert, another cause").isFalse();
	}

	// ---- helpers ----

	private void alert(String routingKey, String dedupKey, String action) {
		api.post("/v2/enqueue", null, """
				{"routing_key": "%s", "event_action": "%s", "dedup_key": "%s",
				 "payload": {"summary": "Disk almost full on the order store", "source": "prometheus", "severity": "error"}}"""
			.formatted(routingKey, action, dedupKey)).expectStatus(202);
		settle();
	}

	/** The incidents of a service, newest first. */
	private List<String> incidentsOf(String service) {
		return api.get("/api/v1/incidents?service=" + service, commander.token()).expectStatus(200).json().get("items")
			.values().stream().map(i -> i.get("id").asString()).toList();
	}

	private String declare(Person by, String severity) {
		return api.post("/api/v1/incidents", by.token(), """
				{"title": "By the book %s", "severity": %s}""".formatted(UUID.randomUUID(),
				severity == null ? "null" : "\"" + severity + "\""))
			.expectStatus(201).json().get("id").asString();
	}

	private String service(String admin) {
		return api.post("/api/v1/services", admin, "{\"name\": \"svc-" + UUID.randomUUID() + "\"}").expectStatus(201)
			.json().get("id").asString();
	}

	private JsonNode incident(String id) {
		return api.get("/api/v1/incidents/" + id, commander.token()).expectStatus(200).json();
	}

	private List<JsonNode> obligations(String id) {
		return api.get("/api/v1/incidents/" + id + "/obligations", commander.token()).expectStatus(200).json().get("items")
			.values().stream().toList();
	}

	private List<String> keys(String id) {
		return obligations(id).stream().map(o -> o.get("key").asString()).toList();
	}

	private JsonNode obligation(String id, String key) {
		return obligations(id).stream().filter(o -> o.get("key").asString().equals(key)).findFirst()
			.orElseThrow(() -> new AssertionError(id + " owes no " + key + "; it owes " + keys(id)));
	}

	private JsonNode warRoom(String id) {
		return api.get("/api/v1/incidents/" + id + "/war-room", commander.token()).expectStatus(200).json();
	}

	private JsonNode gate(String id) {
		return api.get("/api/v1/incidents/" + id + "/resolution", commander.token()).expectStatus(200).json();
	}

	private List<String> timeline(String id) {
		return api.get("/api/v1/incidents/" + id + "/timeline", commander.token()).expectStatus(200).json().values().stream()
			.map(entry -> entry.get("text").asString()).toList();
	}

	/** The keys of the notices (not pages) this person was sent about this incident's obligations, oldest first. */
	private List<String> noticesTo(Person person, String id, String obligation) {
		return noticesTo(person, id).stream().filter(key -> key.startsWith("notice:" + id + ":obligation:" + obligation + ":"))
			.toList();
	}

	private List<String> noticesTo(Person person, String id) {
		return api.get("/api/v1/accounts/" + person.id() + "/notifications", adminToken()).expectStatus(200).json()
			.get("items").values().stream().map(d -> d.get("key").asString())
			.filter(key -> key.startsWith("notice:" + id + ":obligation:")).sorted().toList();
	}

	/** The keys of the pages sent to this person about this incident (each contact method's message). */
	private List<String> pagesTo(Person person, String id) {
		return api.get("/api/v1/incidents/" + id + "/notifications", adminToken()).expectStatus(200).json().get("items")
			.values().stream().filter(d -> d.get("account_id").asString().equals(person.id().toString()))
			.map(d -> d.get("key").asString()).toList();
	}

	private void assign(String id, String role, Person person) {
		api.put("/api/v1/incidents/" + id + "/roles/" + role, commander.token(),
				"{\"account_id\": \"" + person.id() + "\"}").expectStatus(200);
	}

	private void mitigate(String id, boolean stopped) {
		api.post("/api/v1/incidents/" + id + "/mitigations", commander.token(), """
				{"lever": "rollback", "description": "Rolled back to v41", "mitigated": %s}""".formatted(stopped))
			.expectStatus(201);
	}

	private dev.firebreak.Api.Response answerCheckpoint(String id, Person by) {
		return api.post("/api/v1/incidents/" + id + "/checkpoints", by.token(), """
				{"known": "Logins fail in EU", "next": "Fail over to eu-west", "escalate": "No",
				 "status_page": "current, next update 10:45 UTC"}""");
	}

	private static String hhmm(Instant instant) {
		return instant.toString().substring(11, 16);
	}
}
