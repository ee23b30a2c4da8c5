package dev.firebreak.escalation;

import static dev.firebreak.escalation.PagingWorld.level;
import static dev.firebreak.escalation.PagingWorld.who;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.firebreak.ApiTest;

import tools.jackson.databind.JsonNode;

/**
 * The paging contract for alerts that open no incident, scenario by scenario: a service may route
 * its critical or error alerts to no incident, and such an alert is still high urgency — it pages
 * level 1 of the service's policy and escalates level by level until someone acknowledges the
 * alert or it is resolved. Warnings notify by the low-urgency rules and never escalate; info
 * alerts notify nobody. Simulated clock, real database, real SMTP server.
 */
class AlertEscalationScenarioTests extends ApiTest {

	private PagingWorld world;

	@BeforeEach
	void aWorld() {
		world = new PagingWorld(api, adminToken());
	}

	@Test
	void aCriticalAlertThatOpensNoIncidentPagesLevelOneThenLevelTwoAfterTheDelay() {
		var alice = world.reachable(person("responder"), "email", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));
		routeToNoIncident(checkout, "critical");
		var key = world.eventsKey(checkout);

		world.trigger(key, "errors-" + UUID.randomUUID(), "critical");
		settle();
		var alert = onlyAlertOf(checkout);
		assertThat(pagesAbout(alert, alice)).containsExactly("email");
		assertThat(pagesAbout(alert, bob)).isEmpty();
		assertThat(escalationOf(alert).get("urgency").asString()).isEqualTo("high");
		assertThat(escalationOf(alert).get("next_at").isNull()).as("a timer runs for level 2").isFalse();

		timePasses(ofMinutes(4));
		assertThat(pagesAbout(alert, bob)).isEmpty();
		timePasses(ofMinutes(1));

		assertThat(pagesAbout(alert, bob)).containsExactly("email");
		assertThat(pagesAbout(alert, alice)).as("level 1 is not paged again").containsExactly("email");
		assertThat(escalationOf(alert).get("level").asInt()).isEqualTo(1);
		assertThat(api.get("/api/v1/incidents?service=" + checkout, adminToken()).expectStatus(200).json().get("total")
			.asLong()).as("the alert opened no incident").isZero();
	}

	@Test
	void anErrorAlertThatOpensNoIncidentIsHighUrgencyToo() {
		var alice = world.reachable(person("responder"), "email", 0);
		world.lowUrgency(alice, "sms", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)));
		routeToNoIncident(checkout, "error");

		world.trigger(world.eventsKey(checkout), "errors-" + UUID.randomUUID(), "error");
		settle();

		assertThat(pagesAbout(onlyAlertOf(checkout), alice)).as("by the high-urgency rules").containsExactly("email");
	}

	@Test
	void acknowledgingTheAlertStopsItsEscalation() {
		var alice = world.reachable(person("responder"), "email", 0, "sms", 2);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));
		routeToNoIncident(checkout, "critical");
		world.trigger(world.eventsKey(checkout), "errors-" + UUID.randomUUID(), "critical");
		settle();
		var alert = onlyAlertOf(checkout);

		timePasses(ofMinutes(1));
		api.post("/api/v1/alerts/" + alert + "/acknowledge", alice.token(), null).expectStatus(200);
		timePasses(ofMinutes(30));

		assertThat(pagesAbout(alert, alice)).as("the SMS due at minute 2 was not sent").containsExactly("email");
		assertThat(pagesAbout(alert, bob)).isEmpty();
		assertThat(escalationOf(alert).get("status").asString()).isEqualTo("acknowledged");
	}

	@Test
	void theMonitoringToolsAcknowledgeStopsTheEscalationToo() {
		var alice = world.reachable(person("responder"), "email", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));
		routeToNoIncident(checkout, "critical");
		var key = world.eventsKey(checkout);
		var dedup = "errors-" + UUID.randomUUID();
		world.trigger(key, dedup, "critical");
		settle();

		event(key, dedup, "acknowledge");
		timePasses(ofMinutes(30));

		var alert = onlyAlertOf(checkout);
		assertThat(pagesAbout(alert, bob)).isEmpty();
		assertThat(escalationOf(alert).get("status").asString()).isEqualTo("acknowledged");
	}

	@Test
	void resolvingTheAlertStopsEveryPendingPage() {
		var alice = world.reachable(person("responder"), "email", 0, "sms", 2);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));
		routeToNoIncident(checkout, "critical");
		world.trigger(world.eventsKey(checkout), "errors-" + UUID.randomUUID(), "critical");
		settle();
		var alert = onlyAlertOf(checkout);

		timePasses(ofMinutes(1));
		api.post("/api/v1/alerts/" + alert + "/resolve", alice.token(), null).expectStatus(200);
		timePasses(ofMinutes(30));

		assertThat(pagesAbout(alert, alice)).containsExactly("email");
		assertThat(statusesAbout(alert, alice)).as("the SMS step was cancelled").contains("cancelled");
		assertThat(pagesAbout(alert, bob)).isEmpty();
		assertThat(escalationOf(alert).get("status").asString()).isEqualTo("resolved");
	}

	@Test
	void anAlertNobodyAcknowledgesRunsThePolicyAndItsRepeatsThenStops() {
		var alice = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(List.of(checkout), 1, level(ofMinutes(5), who(alice)));
		routeToNoIncident(checkout, "critical");
		world.trigger(world.eventsKey(checkout), "errors-" + UUID.randomUUID(), "critical");
		settle();
		var alert = onlyAlertOf(checkout);

		for (int minute = 0; minute < 30; minute += 5) {
			timePasses(ofMinutes(5));
		}

		assertThat(pagesAbout(alert, alice)).as("once, then once more for the repeat").hasSize(2);
		assertThat(escalationOf(alert).get("status").asString()).isEqualTo("exhausted");
		assertThat(escalationOf(alert).get("next_at").isNull()).isTrue();
	}

	@Test
	void aWarningsPendingLowUrgencyNoticeIsCancelledByItsResolve() {
		var alice = world.reachable(person("responder"), "email", 0);
		world.lowUrgency(alice, "email", 5);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)));
		var key = world.eventsKey(checkout);
		var dedup = "disk-" + UUID.randomUUID();
		world.trigger(key, dedup, "warning");
		settle();
		var alert = onlyAlertOf(checkout);
		assertThat(statusesAbout(alert, alice)).as("the notice waits for its minute").containsExactly("queued");

		timePasses(ofMinutes(2));
		event(key, dedup, "resolve");
		timePasses(ofMinutes(30));

		assertThat(statusesAbout(alert, alice)).containsExactly("cancelled");
		assertThat(escalationOf(alert).get("urgency").asString()).isEqualTo("low");
		assertThat(escalationOf(alert).get("status").asString()).isEqualTo("resolved");
	}

	@Test
	void aWarningNotifiesOnceAndNeverEscalates() {
		var alice = world.reachable(person("responder"), "email", 0, "sms", 2);
		world.lowUrgency(alice, "email", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));

		world.trigger(world.eventsKey(checkout), "disk-" + UUID.randomUUID(), "warning");
		timePasses(ofMinutes(30));

		var alert = onlyAlertOf(checkout);
		assertThat(pagesAbout(alert, alice)).as("the low-urgency rule only").containsExactly("email");
		assertThat(pagesAbout(alert, bob)).isEmpty();
		assertThat(escalationOf(alert).get("next_at").isNull()).isTrue();
	}

	@Test
	void aWarningThatTurnsCriticalPagesAndEscalates() {
		var alice = world.reachable(person("responder"), "sms", 0);
		world.lowUrgency(alice, "email", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));
		routeToNoIncident(checkout, "critical");
		var key = world.eventsKey(checkout);
		var dedup = "disk-" + UUID.randomUUID();
		world.trigger(key, dedup, "warning");
		timePasses(ofMinutes(10));
		var alert = onlyAlertOf(checkout);
		assertThat(pagesAbout(alert, alice)).containsExactly("email");
		assertThat(pagesAbout(alert, bob)).isEmpty();

		world.trigger(key, dedup, "critical");
		settle();
		assertThat(pagesAbout(alert, alice)).containsExactlyInAnyOrder("email", "sms");
		timePasses(ofMinutes(5));

		assertThat(pagesAbout(alert, bob)).containsExactly("email");
		assertThat(escalationOf(alert).get("urgency").asString()).isEqualTo("high");
	}

	@Test
	void anInfoAlertNotifiesNobody() {
		var alice = world.reachable(person("responder"), "email", 0);
		world.lowUrgency(alice, "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)));

		world.trigger(world.eventsKey(checkout), "note-" + UUID.randomUUID(), "info");
		timePasses(ofMinutes(30));

		var alert = onlyAlertOf(checkout);
		assertThat(statusesAbout(alert, alice)).isEmpty();
		assertThat(escalations(alert)).isEmpty();
	}

	@Test
	void aCriticalAlertThatOpensAnIncidentEscalatesThroughTheIncidentOnly() {
		var alice = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)));

		world.trigger(world.eventsKey(checkout), "errors-" + UUID.randomUUID(), "critical");
		settle();

		var incident = world.openIncidentOf(checkout);
		assertThat(world.pagesTo(incident, alice)).containsExactly("email");
		assertThat(escalations(onlyAlertOf(checkout))).isEmpty();
		assertThat(statusesAbout(onlyAlertOf(checkout), alice)).isEmpty();
	}

	@Test
	void theEscalationsOfAnAlertThatIsNotThereAreNotFound() {
		api.get("/api/v1/alerts/" + UUID.randomUUID() + "/escalations", adminToken()).expectStatus(404);
	}

	// --- steps -----------------------------------------------------------------------------

	private void routeToNoIncident(UUID service, String... severities) {
		var fields = new ArrayList<String>();
		for (var severity : severities) {
			fields.add("\"%s\": \"none\"".formatted(severity));
		}
		api.put("/api/v1/services/" + service + "/alert-routing", adminToken(), "{" + String.join(", ", fields) + "}")
			.expectStatus(200);
	}

	/** An Events API v2 acknowledge or resolve, as the monitoring tool sends it. */
	private void event(String routingKey, String dedupKey, String action) {
		api.post("/v2/enqueue", null, """
				{"routing_key": "%s", "event_action": "%s", "dedup_key": "%s"}""".formatted(routingKey, action, dedupKey))
			.expectStatus(202);
	}

	private UUID onlyAlertOf(UUID service) {
		var items = api.get("/api/v1/alerts?service=" + service, adminToken()).expectStatus(200).json().get("items");
		assertThat(items.size()).as("alerts of service %s", service).isEqualTo(1);
		return UUID.fromString(items.get(0).get("id").asString());
	}

	private List<JsonNode> escalations(UUID alert) {
		var found = new ArrayList<JsonNode>();
		api.get("/api/v1/alerts/" + alert + "/escalations", adminToken()).expectStatus(200).json().get("items").values()
			.forEach(found::add);
		return found;
	}

	private JsonNode escalationOf(UUID alert) {
		var found = escalations(alert);
		assertThat(found).as("escalations of alert %s", alert).hasSize(1);
		assertThat(found.get(0).get("alert_id").asString()).isEqualTo(alert.toString());
		assertThat(found.get(0).get("incident_number").isNull()).as("about the alert, not an incident").isTrue();
		return found.get(0);
	}

	/** The messages about the alert this person's delivery log holds, by status. */
	private List<String> statusesAbout(UUID alert, ApiTest.Person person) {
		return about(alert, person).stream().map(row -> row.get("status").asString()).toList();
	}

	/** The messages about the alert sent (handed to a channel) to this person, by contact type. */
	private List<String> pagesAbout(UUID alert, ApiTest.Person person) {
		return about(alert, person).stream()
			.filter(row -> List.of("sent", "delivered").contains(row.get("status").asString()))
			.map(row -> row.get("contact_type").asString())
			.toList();
	}

	private List<JsonNode> about(UUID alert, ApiTest.Person person) {
		var rows = new ArrayList<JsonNode>();
		api.get("/api/v1/accounts/" + person.id() + "/notifications", adminToken()).expectStatus(200).json().get("items")
			.values().forEach(row -> {
				if (row.get("key").asString().startsWith("alert:" + alert + ":")) {
					rows.add(row);
				}
			});
		return rows;
	}
}
