package dev.firebreak.drill;

import static dev.firebreak.drill.DrillWorld.channel;
import static dev.firebreak.drill.DrillWorld.who;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.firebreak.ApiTest;
import dev.firebreak.FakeProviders;
import dev.firebreak.statuspage.StatusPageWorld;

/**
 * Fire drills, scenario by scenario: a drill runs the real path (a real alert, the service's real
 * escalation policy, real messages marked DRILL) without reaching the status page, and its report
 * measures the response against the targets of its severity.
 */
class DrillScenarioTests extends ApiTest {

	private DrillWorld world;

	private String admin;

	@BeforeEach
	void aWorld() {
		admin = adminToken();
		world = new DrillWorld(api, admin);
	}

	@Test
	void aDrillPagesTheOnCallMarkedDrillRecordsItsTimesAndEndsWithoutPostmortemOrStatusPage() {
		var alice = world.reachable(person("responder"));
		var starter = person("responder");
		var checkout = world.service("checkout");
		var hook = "drill-" + UUID.randomUUID();
		var webhook = "drill-signed-" + UUID.randomUUID();
		world.policy(checkout, who(alice), channel(world.chatChannel("slack_webhook", hook)),
				channel(world.chatChannel("webhook", webhook)));
		var pageName = StatusPageWorld.unique("Checkout");
		new StatusPageWorld(api, admin).component(pageName, null, checkout.toString());
		settle();
		var statusBefore = api.get("/status", null).expectStatus(200).body();
		var summaryBefore = api.get("/status/api/v2/summary.json", null).expectStatus(200).body();

		var started = world.startDrill(starter, checkout, null);
		settle();

		var drill = started.get("drill");
		var id = drill.get("id").asString();
		var incident = drill.get("incident_id").asString();
		assertThat(drill.get("severity").asString()).as("the default severity").isEqualTo("SEV2");
		assertThat(drill.get("ack_target").asString()).isEqualTo("PT15M");
		assertThat(drill.get("started_by").asString()).isEqualTo(starter.id().toString());
		assertThat(drill.get("runbook_id").isNull()).isTrue();
		var opened = world.incident(incident);
		assertThat(opened.get("drill").asBoolean()).isTrue();
		assertThat(opened.get("severity").asString()).isEqualTo("SEV2");
		assertThat(world.mailSubjects(alice)).singleElement().satisfies(subject -> assertThat(subject).startsWith("DRILL ").contains(incident));
		assertThat(world.sms(alice)).singleElement().satisfies(sms -> assertThat(sms).startsWith("DRILL ").contains(incident));
		assertThat(world.calls(alice)).singleElement().satisfies(twiml -> assertThat(twiml).contains("<Say>DRILL SEV2 " + incident));
		assertThat(FakeProviders.postsTo(hook)).singleElement().satisfies(post -> assertThat(post.body()).contains("DRILL [SEV2] " + incident));
		assertThat(FakeProviders.postsTo(webhook)).singleElement()
			.satisfies(post -> assertThat(json.readTree(post.body()).get("drill").asBoolean()).isTrue());
		var report = world.report(id);
		assertThat(report.get("pages").values()).extracting(p -> p.get("contact_type").asString())
			.contains("email", "sms");
		assertThat(report.get("drill").get("first_page_at").asString()).isEqualTo(drill.get("started_at").asString());

		// the status page never hears of a drill: a public update is refused, and the page is unchanged
		var refused = api.post("/api/v1/incidents/" + incident + "/status-updates", alice.token(), """
				{"audience": "public", "phase": "investigating", "components": ["%s"],
				 "text": "Some card payments fail. We are investigating. Next update within 30 minutes (14:00 UTC)."}"""
			.formatted(pageName)).problem(409);
		assertThat(refused.get("detail").asString()).contains("fire drill", "status page");
		api.post("/api/v1/incidents/" + incident + "/status-updates", alice.token(), """
				{"audience": "internal", "text": "Practising: checking the checkout dashboards."}""").expectStatus(201);
		settle();
		assertThat(api.get("/status", null).expectStatus(200).body()).isEqualTo(statusBefore);
		assertThat(api.get("/status/api/v2/summary.json", null).expectStatus(200).body()).isEqualTo(summaryBefore);

		timePasses(ofMinutes(3));
		api.post("/api/v1/incidents/" + incident + "/acknowledge", alice.token(), null).expectStatus(200);
		settle();
		var acknowledged = world.report(id).get("drill");
		assertThat(acknowledged.get("time_to_ack").asString()).isEqualTo("PT3M");
		assertThat(acknowledged.get("ack_target_met").asBoolean()).isTrue();
		assertThat(acknowledged.get("acknowledged_by").asString()).isEqualTo(alice.id().toString());
		assertThat(acknowledged.get("mitigate_target_met").isNull()).as("still to mitigate").isTrue();

		timePasses(ofMinutes(7));
		api.post("/api/v1/incidents/" + incident + "/mitigations", alice.token(), """
				{"lever": "rollback", "description": "rolled back checkout to v41", "mitigated": true}""").expectStatus(201);
		settle();
		var mitigated = world.report(id);
		assertThat(mitigated.get("drill").get("time_to_mitigate").asString()).isEqualTo("PT10M");
		assertThat(mitigated.get("drill").get("mitigate_target").asString())
			.as("the SEV2 ack target, then the book's 30 minutes of mitigation progress").isEqualTo("PT45M");
		assertThat(mitigated.get("drill").get("mitigate_target_met").asBoolean()).isTrue();
		assertThat(mitigated.get("obligations").values()).anySatisfy(o -> {
			assertThat(o.get("kind").asString()).isEqualTo("role");
			assertThat(o.get("war_room").asBoolean()).isTrue();
		});
		assertThat(world.incident(incident).get("status").asString())
			.as("its alert cleared with the mitigation, as a real one would").isEqualTo("monitoring");

		var statusBeforeEnd = api.get("/status", null).expectStatus(200).body();
		var ended = api.post("/api/v1/drills/" + id + "/end", starter.token(), null).expectStatus(200).json();
		settle();
		assertThat(ended.get("drill").get("running").asBoolean()).isFalse();
		assertThat(ended.get("drill").get("ended_by").asString()).isEqualTo(starter.id().toString());
		var resolved = world.incident(incident);
		assertThat(resolved.get("status").asString()).isEqualTo("resolved");
		assertThat(world.timeline(incident)).anyMatch(text -> text.contains("Why: drill ended"))
			.anyMatch(text -> text.contains("No post-mortem required"));
		assertThat(api.get("/api/v1/incidents/" + incident + "/obligations", admin).expectStatus(200).body())
			.doesNotContain("postmortem");
		assertThat(api.get("/status", null).expectStatus(200).body()).isEqualTo(statusBeforeEnd);
		assertThat(api.post("/api/v1/drills/" + id + "/end", starter.token(), null).expectStatus(200).json()
			.get("drill").get("ended_at").asString()).as("ending it again changes nothing")
			.isEqualTo(ended.get("drill").get("ended_at").asString());
		assertThat(jdbc.sql("select action from identity_audit where target_id = :id order by seq").param("id", id)
			.query(String.class).list()).containsExactly("drill.started", "drill.ended");
	}

	@Test
	void drillAndRealAlertsNeverShareAnIncidentAndASecondDrillIsComparedWithTheFirst() {
		var bob = world.reachable(person("responder"));
		var payments = world.service("payments");
		world.policy(payments, who(bob));
		var key = world.eventsKey(payments);

		world.trigger(key, "real-1");
		settle();
		var real = world.incidentsOf(payments);
		assertThat(real).hasSize(1);

		var first = world.startDrill(bob, payments, "SEV1").get("drill");
		settle();
		var drillIncident = first.get("incident_id").asString();
		assertThat(drillIncident).as("the drill opens its own incident beside the real one").isNotEqualTo(real.get(0));
		assertThat(world.incident(drillIncident).get("severity").asString()).isEqualTo("SEV1");
		assertThat(world.incident(drillIncident).get("drill").asBoolean()).isTrue();

		world.trigger(key, "real-2");
		settle();
		assertThat(world.incidentsOf(payments)).as("a real alert during the drill joins the real incident")
			.containsExactlyInAnyOrder(real.get(0), drillIncident);
		assertThat(api.get("/api/v1/incidents/" + drillIncident + "/alerts", admin).expectStatus(200).body())
			.doesNotContain("real-1", "real-2");
		assertThat(world.incident(real.get(0)).get("drill").asBoolean()).isFalse();
		assertThat(api.post("/api/v1/drills", bob.token(), "{\"service_id\": \"%s\"}".formatted(payments)).problem(409)
			.get("detail").asString()).contains("running a drill already");

		timePasses(ofMinutes(20));
		api.post("/api/v1/drills/" + first.get("id").asString() + "/end", bob.token(), null).expectStatus(200);
		world.trigger(key, "real-3");
		settle();
		var after = world.incidentsOf(payments).stream().filter(i -> !i.equals(drillIncident)).toList();
		assertThat(after).as("past the grouping window a real alert opens a new real incident").hasSize(2)
			.allSatisfy(i -> assertThat(world.incident(i).get("drill").asBoolean()).isFalse());
		assertThat(api.get("/api/v1/incidents/" + drillIncident + "/alerts", admin).expectStatus(200).json().values())
			.singleElement().satisfies(alert -> assertThat(alert.get("drill").asBoolean()).isTrue());

		var runbook = api.post("/api/v1/runbooks", bob.token(), """
				{"title": "Payments down", "service_ids": ["%s"], "markdown": "## Symptom\\nPayments fail.\\n## Impact\\nNo sales.\\n## Investigation\\n1. Dashboard. Normal: <1%% errors. Abnormal: more.\\n## Mitigation\\nRoll back.\\n## Escalation\\nPayments lead.\\n## Context\\nPSP docs."}""".formatted(payments))
			.expectStatus(201).json().get("id").asString();
		var second = world.startDrill(bob, payments, "SEV2").get("drill");
		settle();
		assertThat(second.get("runbook_id").asString()).as("recorded against the service's runbook").isEqualTo(runbook);
		var report = world.report(second.get("id").asString());
		assertThat(report.get("drill").get("runbook_title").asString()).isEqualTo("Payments down");
		assertThat(report.get("earlier_drills").values()).singleElement().satisfies(earlier -> {
			assertThat(earlier.get("id").asString()).isEqualTo(first.get("id").asString());
			assertThat(earlier.get("ack_target_met").asBoolean()).as("never acknowledged").isFalse();
			assertThat(earlier.get("ack_target").asString()).isEqualTo("PT5M");
		});
		assertThat(api.get("/api/v1/drills?service_id=" + payments, admin).expectStatus(200).json().get("total").asLong())
			.isEqualTo(2);
		assertThat(api.get("/api/v1/incidents", admin).expectStatus(200).body()).contains("\"drill\":true");
	}

	@Test
	void badStartsChangeNothingAndSayWhy() {
		var carol = person("responder");
		var viewer = person("viewer");
		var lonely = world.service("lonely");
		var drills = jdbc.sql("select count(*) from drill_drill").query(Long.class).single();
		var alerts = jdbc.sql("select count(*) from alert").query(Long.class).single();

		assertThat(api.post("/api/v1/drills", carol.token(), "{\"service_id\": \"%s\"}".formatted(UUID.randomUUID()))
			.problem(400).toString()).contains("/service_id", "No service");
		assertThat(api.post("/api/v1/drills", carol.token(), "{\"service_id\": \"%s\"}".formatted(lonely))
			.problem(400).toString()).contains("/service_id", "no escalation policy");
		assertThat(api.post("/api/v1/drills", carol.token(), "{}").problem(400).toString()).contains("/service_id");
		api.post("/api/v1/drills", carol.token(), "{\"service_id\": \"%s\", \"severity\": \"SEV9\"}".formatted(lonely))
			.expectStatus(400);
		api.post("/api/v1/drills", carol.token(), "{\"service_id\": \"%s\", \"sevrity\": \"SEV1\"}".formatted(lonely))
			.expectStatus(400);
		api.post("/api/v1/drills", viewer.token(), "{\"service_id\": \"%s\"}".formatted(lonely)).expectStatus(403);
		api.get("/api/v1/drills/" + UUID.randomUUID(), viewer.token()).expectStatus(404);
		api.post("/api/v1/drills/" + UUID.randomUUID() + "/end", carol.token(), null).expectStatus(404);

		assertThat(jdbc.sql("select count(*) from drill_drill").query(Long.class).single()).isEqualTo(drills);
		assertThat(jdbc.sql("select count(*) from alert").query(Long.class).single()).isEqualTo(alerts);
	}
}
