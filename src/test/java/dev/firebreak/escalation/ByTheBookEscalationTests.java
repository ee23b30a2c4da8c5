package dev.firebreak.escalation;

import static dev.firebreak.escalation.PagingWorld.level;
import static dev.firebreak.escalation.PagingWorld.who;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.firebreak.ApiTest;

/** Escalations the book adds to the ack timeout (PRODUCT.md §1.3, §1.7): a role left unfilled, progress that stalls. */
class ByTheBookEscalationTests extends ApiTest {

	private PagingWorld world;

	@BeforeEach
	void aWorld() {
		world = new PagingWorld(api, adminToken());
	}

	@Test
	void anOperationsLeadStillMissingAfterFifteenMinutesPagesTheNextLevelAndTheCommander() {
		var alice = world.reachable(person("responder"), "email", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));

		var incident = world.declare("SEV2", checkout);
		timePasses(ofMinutes(2));
		world.acknowledge(incident, alice);
		timePasses(ofMinutes(12));
		assertThat(world.pagesTo(incident, bob)).as("acknowledged: the escalation waits").isEmpty();

		timePasses(ofMinutes(1));
		assertThat(world.pagesTo(incident, bob)).containsExactly("email");
		assertThat(world.pagesTo(incident, alice)).as("level 1 acknowledged already").containsExactly("email");
		assertThat(world.timeline(incident)).anyMatch(text -> text.startsWith(
				"Escalated (overdue: Fill the role of operations lead (SEV2)): paged ") && text.contains("level 2 of '")
				&& text.endsWith("the incident commander"));
		timePasses(ofMinutes(10));
		assertThat(world.pagesTo(incident, bob)).as("once per missed obligation").containsExactly("email");
	}

	@Test
	void anIncidentCustomersReportedStartsOneLevelUpAndSaysSo() {
		var alice = world.reachable(person("responder"), "email", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));

		var incident = world.declare("SEV2", "\"source\": \"customer_report\",", checkout);
		settle();
		assertThat(world.pagesTo(incident, bob)).containsExactly("email");
		assertThat(world.pagesTo(incident, alice)).isEmpty();
		assertThat(world.timeline(incident)).anyMatch(text -> text.startsWith("Detection gap: customers reported this"));
	}

	@Test
	void noMitigationProgressThirtyMinutesAfterTheAcknowledgementEscalatesOneLevel() {
		var alice = world.reachable(person("responder"), "email", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var carol = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)),
				level(ofMinutes(5), who(carol)));

		var incident = world.declare("SEV2", checkout);
		timePasses(ofMinutes(1));
		world.acknowledge(incident, alice);
		api.put("/api/v1/incidents/" + incident + "/roles/operations_lead", alice.token(),
				"{\"account_id\": \"" + alice.id() + "\"}").expectStatus(200);
		timePasses(ofMinutes(29));
		assertThat(world.pagesTo(incident, bob)).isEmpty();
		timePasses(ofMinutes(1));

		assertThat(world.pagesTo(incident, bob)).containsExactly("email");
		assertThat(world.pagesTo(incident, carol)).as("one level, not two").isEmpty();
		assertThat(world.timeline(incident)).anyMatch(text -> text.startsWith(
				"Escalated (no mitigation progress since the acknowledgement): paged "));
	}

	@Test
	void mitigationRecordedInTimeKeepsTheEscalationWhereItIs() {
		var alice = world.reachable(person("responder"), "email", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));

		var incident = world.declare("SEV2", checkout);
		timePasses(ofMinutes(1));
		world.acknowledge(incident, alice);
		api.put("/api/v1/incidents/" + incident + "/roles/operations_lead", alice.token(),
				"{\"account_id\": \"" + alice.id() + "\"}").expectStatus(200);
		timePasses(ofMinutes(20));
		api.post("/api/v1/incidents/" + incident + "/mitigations", alice.token(), """
				{"lever": "feature_flag_off", "description": "Turned off the new checkout flow", "mitigated": false}""")
			.expectStatus(201);
		timePasses(ofMinutes(40));

		assertThat(world.pagesTo(incident, bob)).isEmpty();
		assertThat(world.timeline(incident)).noneMatch(text -> text.startsWith("Escalated ("));
	}
}
