package dev.firebreak.escalation;

import static dev.firebreak.escalation.PagingWorld.level;
import static dev.firebreak.escalation.PagingWorld.who;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.firebreak.ApiTest;

/**
 * The paging contract for alerts that open no incident, scenario by scenario: a service may route
 * its critical or error alerts to no incident, and such an alert is still high urgency — it pages
 * level 1 of the service's policy and escalates level by level until someone acknowledges the
 * alert or it is resolved. Warnings notify by the low-urgency rules and never escalate; info
 * alerts notify nobody. Simulated clock, real database, real SMTP server.
 */
class AlertEscalationScenarioTests extends ApiTest {

	private PagingWorld world;

	private AlertSteps alerts;

	@BeforeEach
	void aWorld() {
		world = new PagingWorld(api, adminToken());
		alerts = new AlertSteps(api, adminToken());
	}

	@Test
	void aCriticalAlertThatOpensNoIncidentPagesLevelOneThenLevelTwoAfterTheDelay() {
		var alice = world.reachable(person("responder"), "email", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));
		alerts.routeToNoIncident(checkout, "critical");
		var key = world.eventsKey(checkout);

		world.trigger(key, "errors-" + UUID.randomUUID(), "critical");
		settle();
		var alert = alerts.onlyAlertOf(checkout);
		assertThat(alerts.pagesAbout(alert, alice)).containsExactly("email");
		assertThat(alerts.pagesAbout(alert, bob)).isEmpty();
		assertThat(alerts.escalationOf(alert).get("urgency").asString()).isEqualTo("high");
		assertThat(alerts.escalationOf(alert).get("next_at").isNull()).as("a timer runs for level 2").isFalse();

		timePasses(ofMinutes(4));
		assertThat(alerts.pagesAbout(alert, bob)).isEmpty();
		timePasses(ofMinutes(1));

		assertThat(alerts.pagesAbout(alert, bob)).containsExactly("email");
		assertThat(alerts.pagesAbout(alert, alice)).as("level 1 is not paged again").containsExactly("email");
		assertThat(alerts.escalationOf(alert).get("level").asInt()).isEqualTo(1);
		assertThat(api.get("/api/v1/incidents?service=" + checkout, adminToken()).expectStatus(200).json().get("total")
			.asLong()).as("the alert opened no incident").isZero();
	}

	@Test
	void anErrorAlertThatOpensNoIncidentIsHighUrgencyToo() {
		var alice = world.reachable(person("responder"), "email", 0);
		world.lowUrgency(alice, "sms", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)));
		alerts.routeToNoIncident(checkout, "error");

		world.trigger(world.eventsKey(checkout), "errors-" + UUID.randomUUID(), "error");
		settle();

		assertThat(alerts.pagesAbout(alerts.onlyAlertOf(checkout), alice)).as("by the high-urgency rules").containsExactly("email");
	}

	@Test
	void acknowledgingTheAlertStopsItsEscalation() {
		var alice = world.reachable(person("responder"), "email", 0, "sms", 2);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));
		alerts.routeToNoIncident(checkout, "critical");
		world.trigger(world.eventsKey(checkout), "errors-" + UUID.randomUUID(), "critical");
		settle();
		var alert = alerts.onlyAlertOf(checkout);

		timePasses(ofMinutes(1));
		api.post("/api/v1/alerts/" + alert + "/acknowledge", alice.token(), null).expectStatus(200);
		timePasses(ofMinutes(30));

		assertThat(alerts.pagesAbout(alert, alice)).as("the SMS due at minute 2 was not sent").containsExactly("email");
		assertThat(alerts.pagesAbout(alert, bob)).isEmpty();
		assertThat(alerts.escalationOf(alert).get("status").asString()).isEqualTo("acknowledged");
	}

	@Test
	void theMonitoringToolsAcknowledgeStopsTheEscalationToo() {
		var alice = world.reachable(person("responder"), "email", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));
		alerts.routeToNoIncident(checkout, "critical");
		var key = world.eventsKey(checkout);
		var dedup = "errors-" + UUID.randomUUID();
		world.trigger(key, dedup, "critical");
		settle();

		alerts.event(key, dedup, "acknowledge");
		timePasses(ofMinutes(30));

		var alert = alerts.onlyAlertOf(checkout);
		assertThat(alerts.pagesAbout(alert, bob)).isEmpty();
		assertThat(alerts.escalationOf(alert).get("status").asString()).isEqualTo("acknowledged");
	}

	@Test
	void resolvingTheAlertStopsEveryPendingPage() {
		var alice = world.reachable(person("responder"), "email", 0, "sms", 2);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));
		alerts.routeToNoIncident(checkout, "critical");
		world.trigger(world.eventsKey(checkout), "errors-" + UUID.randomUUID(), "critical");
		settle();
		var alert = alerts.onlyAlertOf(checkout);

		timePasses(ofMinutes(1));
		api.post("/api/v1/alerts/" + alert + "/resolve", alice.token(), null).expectStatus(200);
		timePasses(ofMinutes(30));

		assertThat(alerts.pagesAbout(alert, alice)).containsExactly("email");
		assertThat(alerts.statusesAbout(alert, alice)).as("the SMS step was cancelled").contains("cancelled");
		assertThat(alerts.pagesAbout(alert, bob)).isEmpty();
		assertThat(alerts.escalationOf(alert).get("status").asString()).isEqualTo("resolved");
	}

	@Test
	void anAlertNobodyAcknowledgesRunsThePolicyAndItsRepeatsThenStops() {
		var alice = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(List.of(checkout), 1, level(ofMinutes(5), who(alice)));
		alerts.routeToNoIncident(checkout, "critical");
		world.trigger(world.eventsKey(checkout), "errors-" + UUID.randomUUID(), "critical");
		settle();
		var alert = alerts.onlyAlertOf(checkout);

		for (int minute = 0; minute < 30; minute += 5) {
			timePasses(ofMinutes(5));
		}

		assertThat(alerts.pagesAbout(alert, alice)).as("once, then once more for the repeat").hasSize(2);
		assertThat(alerts.escalationOf(alert).get("status").asString()).isEqualTo("exhausted");
		assertThat(alerts.escalationOf(alert).get("next_at").isNull()).isTrue();
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
		var alert = alerts.onlyAlertOf(checkout);
		assertThat(alerts.statusesAbout(alert, alice)).as("the notice waits for its minute").containsExactly("queued");

		timePasses(ofMinutes(2));
		alerts.event(key, dedup, "resolve");
		timePasses(ofMinutes(30));

		assertThat(alerts.statusesAbout(alert, alice)).containsExactly("cancelled");
		assertThat(alerts.escalationOf(alert).get("urgency").asString()).isEqualTo("low");
		assertThat(alerts.escalationOf(alert).get("status").asString()).isEqualTo("resolved");
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

		var alert = alerts.onlyAlertOf(checkout);
		assertThat(alerts.pagesAbout(alert, alice)).as("the low-urgency rule only").containsExactly("email");
		assertThat(alerts.pagesAbout(alert, bob)).isEmpty();
		assertThat(alerts.escalationOf(alert).get("next_at").isNull()).isTrue();
	}

	@Test
	void aWarningThatTurnsCriticalPagesAndEscalates() {
		var alice = world.reachable(person("responder"), "sms", 0);
		world.lowUrgency(alice, "email", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));
		alerts.routeToNoIncident(checkout, "critical");
		var key = world.eventsKey(checkout);
		var dedup = "disk-" + UUID.randomUUID();
		world.trigger(key, dedup, "warning");
		timePasses(ofMinutes(10));
		var alert = alerts.onlyAlertOf(checkout);
		assertThat(alerts.pagesAbout(alert, alice)).containsExactly("email");
		assertThat(alerts.pagesAbout(alert, bob)).isEmpty();

		world.trigger(key, dedup, "critical");
		settle();
		assertThat(alerts.pagesAbout(alert, alice)).containsExactlyInAnyOrder("email", "sms");
		timePasses(ofMinutes(5));

		assertThat(alerts.pagesAbout(alert, bob)).containsExactly("email");
		assertThat(alerts.escalationOf(alert).get("urgency").asString()).isEqualTo("high");
	}

	@Test
	void anInfoAlertNotifiesNobody() {
		var alice = world.reachable(person("responder"), "email", 0);
		world.lowUrgency(alice, "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)));

		world.trigger(world.eventsKey(checkout), "note-" + UUID.randomUUID(), "info");
		timePasses(ofMinutes(30));

		var alert = alerts.onlyAlertOf(checkout);
		assertThat(alerts.statusesAbout(alert, alice)).isEmpty();
		assertThat(alerts.escalations(alert)).isEmpty();
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
		assertThat(alerts.escalations(alerts.onlyAlertOf(checkout))).isEmpty();
		assertThat(alerts.statusesAbout(alerts.onlyAlertOf(checkout), alice)).isEmpty();
	}

	@Test
	void theEscalationsOfAnAlertThatIsNotThereAreNotFound() {
		api.get("/api/v1/alerts/" + UUID.randomUUID() + "/escalations", adminToken()).expectStatus(404);
	}
}
