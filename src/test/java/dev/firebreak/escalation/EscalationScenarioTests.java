package dev.firebreak.escalation;

import static dev.firebreak.escalation.PagingWorld.level;
import static dev.firebreak.escalation.PagingWorld.who;
import static dev.firebreak.escalation.PagingWorld.schedule;
import static dev.firebreak.escalation.PagingWorld.team;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.firebreak.ApiTest;
import dev.firebreak.FakeProviders;
import dev.firebreak.notification.TestMail;

/**
 * The paging contract, scenario by scenario, in the way GoAlert's behaviour suite states it: given
 * people, schedules and a policy; when an incident opens and minutes pass on the simulated clock;
 * then exactly these people were paged, by exactly these means, and nobody else. Real database,
 * real SMTP server (GreenMail), the fake Twilio and Slack of {@link FakeProviders}.
 */
class EscalationScenarioTests extends ApiTest {

	private PagingWorld world;

	@org.springframework.beans.factory.annotation.Autowired
	private io.micrometer.core.instrument.MeterRegistry meters;

	@BeforeEach
	void aWorld() {
		world = new PagingWorld(api, adminToken());
	}

	@Test
	void aSingleLevelAcknowledgedInTimeIsPagedOnceAndNothingMore() {
		var alice = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)));

		var incident = world.declare("SEV2", checkout);
		settle();
		assertThat(world.pagesTo(incident, alice)).containsExactly("email");

		timePasses(ofMinutes(3));
		world.acknowledge(incident, alice);
		// past the level's delay, and short of the book's deadlines (roles at 15 min, progress 30 min after the ack)
		timePasses(ofMinutes(10));

		assertThat(world.pagesTo(incident, alice)).containsExactly("email");
		assertThat(world.escalations(incident).get(0).get("status").asString()).isEqualTo("acknowledged");
	}

	@Test
	void withoutAnAcknowledgementLevelTwoIsPagedAfterTheDelayAndLevelOneIsNotPagedAgain() {
		var alice = world.reachable(person("responder"), "email", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));

		var incident = world.declare("SEV2", checkout);
		timePasses(ofMinutes(4));
		assertThat(world.pagesTo(incident, bob)).isEmpty();

		timePasses(ofMinutes(1));
		assertThat(world.pagesTo(incident, bob)).containsExactly("email");
		assertThat(world.pagesTo(incident, alice)).containsExactly("email");
	}

	@Test
	void aPolicyRepeatedTwiceRunsThreeTimesThenStopsAndTheIncidentIsFlagged() {
		var alice = world.reachable(person("responder"), "email", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(List.of(checkout), 2, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));

		var declaredAt = clock.instant();
		var incident = world.declare("SEV1", checkout);
		for (int minute = 0; minute < 25; minute += 5) {
			timePasses(ofMinutes(5));
		}
		assertThat(world.incident(incident).get("unacknowledged_after_escalation_at").isNull())
			.as("the last level of the last repeat still has its minutes").isTrue();
		for (int minute = 25; minute < 60; minute += 5) {
			timePasses(ofMinutes(5));
		}

		assertThat(world.pagesTo(incident, alice)).hasSize(3);
		assertThat(world.pagesTo(incident, bob)).hasSize(3);
		assertThat(world.escalations(incident).get(0).get("status").asString()).isEqualTo("exhausted");
		assertThat(world.timeline(incident)).anyMatch(text -> text.startsWith("Unacknowledged after escalation"));
		assertThat(java.time.Instant.parse(world.incident(incident).get("unacknowledged_after_escalation_at").asString()))
			.as("flagged when bob's last level ran out, 6 levels of 5 minutes after the start")
			.isEqualTo(declaredAt.plus(ofMinutes(30)));

		world.acknowledge(incident, alice);
		settle();
		assertThat(world.incident(incident).get("unacknowledged_after_escalation_at").isNull())
			.as("someone answered after all").isTrue();
	}

	@Test
	void resolvingMidEscalationStopsEveryPendingPage() {
		var alice = world.reachable(person("responder"), "email", 0, "sms", 2);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));

		var incident = world.declare("SEV2", checkout);
		timePasses(ofMinutes(1));
		world.resolve(incident);
		timePasses(ofMinutes(30));

		assertThat(world.pagesTo(incident, alice)).containsExactly("email");
		assertThat(world.pagesTo(incident, bob)).isEmpty();
		assertThat(world.escalations(incident).get(0).get("status").asString()).isEqualTo("resolved");
	}

	@Test
	void aPersonWithEmailThenSmsRulesGetsBothAtTheRightMinutes() {
		var alice = world.reachable(person("responder"), "email", 0, "sms", 2);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(15), who(alice)));

		var incident = world.declare("SEV2", checkout);
		settle();
		assertThat(world.pagesTo(incident, alice)).containsExactly("email");
		timePasses(ofMinutes(1));
		assertThat(world.pagesTo(incident, alice)).containsExactly("email");
		timePasses(ofMinutes(1));
		assertThat(world.pagesTo(incident, alice)).containsExactly("email", "sms");
		assertThat(world.pagesBySms(alice)).singleElement().satisfies(body -> assertThat(body).contains(incident));
	}

	@Test
	void anIncidentOnTwoServicesPagesTheFirstLevelOfEachServicesPolicy() {
		var alice = world.reachable(person("responder"), "email", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		var payments = world.service("payments");
		world.policy(checkout, level(ofMinutes(5), who(alice)));
		world.policy(payments, level(ofMinutes(5), who(bob)));

		var incident = world.declare("SEV2", checkout, payments);
		settle();

		assertThat(world.pagesTo(incident, alice)).containsExactly("email");
		assertThat(world.pagesTo(incident, bob)).containsExactly("email");
		assertThat(world.escalations(incident)).hasSize(2);
	}

	@Test
	void aCustomerReportedIncidentStartsOneLevelUp() {
		var alice = world.reachable(person("responder"), "email", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));

		var incident = world.declare("SEV2", "\"customer_reported\": true, \"source\": \"customer_report\",", checkout);
		settle();

		assertThat(world.pagesTo(incident, alice)).isEmpty();
		assertThat(world.pagesTo(incident, bob)).containsExactly("email");
	}

	@Test
	void suspectedDataLossIsSev1AndPagesTheTopLevelAtOnce() {
		var alice = world.reachable(person("responder"), "email", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var carol = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)),
				level(ofMinutes(5), who(carol)));

		var incident = world.declare("SEV3", "\"data_loss_suspected\": true,", checkout);
		settle();

		assertThat(world.incident(incident).get("severity").asString()).isEqualTo("SEV1");
		assertThat(world.pagesTo(incident, carol)).containsExactly("email");
		assertThat(world.pagesTo(incident, alice)).isEmpty();
		assertThat(world.pagesTo(incident, bob)).isEmpty();
	}

	@Test
	void aLevelWithoutItsOwnDelayWaitsTheSeveritysAckTarget() {
		var alice = world.reachable(person("responder"), "email", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(null, who(alice)), level(null, who(bob)));

		var sev1 = world.declare("SEV1", checkout);
		var sev2 = world.declare("SEV2", checkout);
		timePasses(ofMinutes(4));
		assertThat(world.pagesTo(sev1, bob)).as("%s", world.timeline(sev1)).isEmpty();
		timePasses(ofMinutes(1));
		assertThat(world.pagesTo(sev1, bob)).as("%s", world.deliveries(sev1)).containsExactly("email");
		assertThat(world.pagesTo(sev2, bob)).isEmpty();
		timePasses(ofMinutes(10));
		assertThat(world.pagesTo(sev2, bob)).containsExactly("email");
	}

	@Test
	void lowUrgencyNotifiesOnceByEmailAndDoesNotEscalate() {
		var alice = world.reachable(person("responder"), "email", 0, "sms", 2);
		world.lowUrgency(alice, "email", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));

		var incident = world.declare("SEV4", checkout);
		timePasses(ofMinutes(60));

		assertThat(world.pagesTo(incident, alice)).containsExactly("email");
		assertThat(world.pagesTo(incident, bob)).isEmpty();
		assertThat(world.escalations(incident).get(0).get("urgency").asString()).isEqualTo("low");
	}

	@Test
	void raisingALowUrgencyIncidentToSev1StartsPagingAndEscalating() {
		var alice = world.reachable(person("responder"), "email", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));

		var incident = world.declare("SEV4", checkout);
		timePasses(ofMinutes(10));
		assertThat(world.pagesTo(incident, bob)).isEmpty();

		world.raise(incident, "SEV1");
		settle();
		assertThat(world.pagesTo(incident, alice)).hasSize(2);
		timePasses(ofMinutes(5));
		assertThat(world.pagesTo(incident, bob)).containsExactly("email");
	}

	@Test
	void alertsDuringAMaintenanceWindowPageNobody() {
		var alice = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)));
		world.maintenance(checkout, clock.instant().minus(ofMinutes(1)), clock.instant().plus(Duration.ofHours(1)));
		var key = world.eventsKey(checkout);

		var dedupKey = "disk-" + UUID.randomUUID();
		world.trigger(key, dedupKey, "critical");
		timePasses(ofMinutes(30));

		assertThat(world.alertsOf(checkout)).singleElement().satisfies(alert -> {
			assertThat(alert.get("dedup_key").asString()).isEqualTo(dedupKey);
			assertThat(alert.get("during_maintenance").asBoolean()).isTrue();
		});
		assertThat(world.incidentsOf(checkout)).isEmpty();
		assertThat(world.deliveriesTo(alice)).isEmpty();
	}

	@Test
	void aCriticalAlertOpensAnIncidentThatPagesTheOnCallAndTheTimeFromEventToPageIsMeasured() {
		var alice = world.reachable(person("responder"), "email", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));
		var key = world.eventsKey(checkout);

		var before = pagingLatency().count();
		var totalBefore = pagingLatency().totalTime(java.util.concurrent.TimeUnit.MILLISECONDS);

		world.trigger(key, "errors-" + UUID.randomUUID(), "critical");
		eventsBetweenModulesAreHandled();
		clock.advance(Duration.ofSeconds(2));
		settle();

		var incident = world.openIncidentOf(checkout);
		assertThat(world.pagesTo(incident, alice)).containsExactly("email");
		assertThat(pagingLatency().count()).as("one first page of an incident an alert opened").isEqualTo(before + 1);
		assertThat(pagingLatency().totalTime(java.util.concurrent.TimeUnit.MILLISECONDS) - totalBefore)
			.as("from the event accepted to the e-mail handed over").isEqualTo(2000.0);
		timePasses(ofMinutes(10));
		assertThat(world.pagesTo(incident, bob)).containsExactly("email");
		assertThat(pagingLatency().count()).as("later pages of the same incident are not its first").isEqualTo(before + 1);
		assertThat(api.get("/actuator/prometheus", adminToken()).body()).contains("firebreak_paging_latency_seconds_bucket");
	}

	/** The event-to-page timer; before any page it is an empty stand-in, so that the test does not register it. */
	private io.micrometer.core.instrument.Timer pagingLatency() {
		var found = meters.find("firebreak.paging.latency").timer();
		return found != null ? found : io.micrometer.core.instrument.Timer.builder("none").register(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
	}

	@Test
	void aWarningThatOpensNoIncidentNotifiesTheFirstLevelOnceWithoutEscalating() {
		var alice = world.reachable(person("responder"), "email", 0, "sms", 2);
		world.lowUrgency(alice, "email", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));
		var key = world.eventsKey(checkout);

		world.trigger(key, "disk-" + UUID.randomUUID(), "warning");
		timePasses(ofMinutes(30));

		assertThat(world.deliveriesTo(alice)).containsExactly("email");
		assertThat(world.deliveriesTo(bob)).isEmpty();
	}

	@Test
	void aServiceWithoutPolicyPagesNobodyAndTheTimelineSaysSo() {
		var checkout = world.service("checkout");

		var incident = world.declare("SEV1", checkout);
		settle();

		assertThat(world.timeline(incident)).anyMatch(text -> text.startsWith("Nobody was paged"));
		assertThat(world.escalations(incident)).isEmpty();
	}

	@Test
	void aTeamTargetWithoutSchedulesPagesEveryMember() {
		var alice = world.reachable(person("responder"), "email", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var payments = world.team("payments", "Europe/Berlin", alice, bob);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), team(payments)));

		var incident = world.declare("SEV2", checkout);
		settle();

		assertThat(world.pagesTo(incident, alice)).containsExactly("email");
		assertThat(world.pagesTo(incident, bob)).containsExactly("email");
	}

	@Test
	void acknowledgingTwiceChangesNothing() {
		var alice = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)));
		var incident = world.declare("SEV2", checkout);
		settle();

		world.acknowledge(incident, alice);
		var acknowledgedAt = world.incident(incident).get("acknowledged_at").asString();
		timePasses(ofMinutes(1));
		world.acknowledge(incident, alice);
		settle();

		assertThat(world.incident(incident).get("acknowledged_at").asString()).isEqualTo(acknowledgedAt);
		assertThat(world.timeline(incident)).filteredOn(text -> text.contains("acknowledged by")).hasSize(1);
	}

	@Test
	void theScheduleDecidesWhoIsPagedAndAnOverrideInForceWins() {
		var dave = world.reachable(person("responder"), "email", 0);
		var carol = world.reachable(person("responder"), "email", 0);
		var rotation = world.weeklySchedule("UTC", dave);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), schedule(rotation)));
		world.override(rotation, carol, dave, clock.instant().minus(ofMinutes(10)), clock.instant().plus(Duration.ofHours(2)));

		var incident = world.declare("SEV2", checkout);
		settle();

		assertThat(world.pagesTo(incident, carol)).containsExactly("email");
		assertThat(world.pagesTo(incident, dave)).isEmpty();
	}

	@Test
	void aScheduleWithNobodyOnCallIsSkippedAtOnceAndTheTimelineSaysWhy() {
		var bob = world.reachable(person("responder"), "email", 0);
		var empty = world.emptySchedule("UTC");
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), schedule(empty)), level(ofMinutes(5), who(bob)));

		var incident = world.declare("SEV2", checkout);
		settle();

		assertThat(world.pagesTo(incident, bob)).containsExactly("email");
		assertThat(world.timeline(incident)).anyMatch(text -> text.startsWith("Nobody to page on level 1"));
	}

	@Test
	void followTheSunHandsOverDuringAnOpenEscalation() {
		var europe = world.reachable(person("responder"), "email", 0);
		var america = world.reachable(person("responder"), "email", 0);
		var manager = world.reachable(person("responder"), "email", 0);
		// Europe 08:00-16:00 UTC, America 16:00-24:00 UTC, every day
		var sun = world.followTheSun(europe, "08:00", "16:00", america, "16:00", "23:59");
		var checkout = world.service("checkout");
		world.policy(List.of(checkout), 1, level(ofMinutes(5), schedule(sun)), level(ofMinutes(5), who(manager)));
		var now = clock.instant().atZone(java.time.ZoneOffset.UTC);
		var beforeHandOff = now.withHour(15).withMinute(52).withSecond(0).withNano(0);
		clock.set((beforeHandOff.isAfter(now) ? beforeHandOff : beforeHandOff.plusDays(1)).toInstant());

		var incident = world.declare("SEV1", checkout);
		settle();
		assertThat(world.pagesTo(incident, europe)).containsExactly("email");
		timePasses(ofMinutes(5));
		assertThat(world.pagesTo(incident, manager)).containsExactly("email");
		timePasses(ofMinutes(5));

		assertThat(world.pagesTo(incident, america)).containsExactly("email");
		assertThat(world.pagesTo(incident, europe)).containsExactly("email");
	}

	@Test
	void anSmsReplyAcknowledgesAndTheNextLevelIsNotPaged() throws Exception {
		var alice = world.reachable(person("responder"), "sms", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));
		var incident = world.declare("SEV1", checkout);
		settle();
		var number = incident.substring("INC-".length());
		assertThat(FakeProviders.smsTo(world.phone(alice))).last().satisfies(sms ->
				assertThat(sms.form().get("Body")).contains("Reply " + number));

		var answer = world.twilioSms(mvc, world.phone(alice), "ack " + number);
		assertThat(answer).contains("<Response>").contains(incident);
		timePasses(ofMinutes(10));

		assertThat(world.incident(incident).get("acknowledged_at").isNull()).isFalse();
		assertThat(world.pagesTo(incident, bob)).isEmpty();
		assertThat(world.timeline(incident)).anyMatch(text -> text.contains("via SMS"));
	}

	@Test
	void pressingOneOnTheCallAcknowledges() throws Exception {
		var alice = world.reachable(person("responder"), "voice", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));
		var incident = world.declare("SEV1", checkout);
		settle();
		var twiml = FakeProviders.callsTo(world.phone(alice)).get(FakeProviders.callsTo(world.phone(alice)).size() - 1)
			.form().get("Twiml");
		var action = java.util.regex.Pattern.compile("action=\"http://localhost:8080(/notifications/twilio/voice/[^\"]+)\"")
			.matcher(twiml);
		assertThat(action.find()).as("the call asks for a key: %s", twiml).isTrue();

		world.twilioKeyPress(mvc, action.group(1), world.phone(alice), "1");
		timePasses(ofMinutes(10));

		assertThat(world.incident(incident).get("acknowledged_at").isNull()).isFalse();
		assertThat(world.pagesTo(incident, bob)).isEmpty();
	}

	@Test
	void anSmsReplyWithoutTwiliosSignatureIsRefusedAndChangesNothing() throws Exception {
		var alice = world.reachable(person("responder"), "sms", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)));
		var incident = world.declare("SEV1", checkout);
		settle();

		var refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/notifications/twilio/sms")
			.contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
			.param("From", world.phone(alice)).param("Body", "ack " + incident.substring(4))
			.header("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl")).andReturn().getResponse();
		settle();

		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(world.incident(incident).get("acknowledged_at").isNull()).isTrue();
	}

	@Test
	void theOneClickLinkInTheEmailAcknowledgesAndStopsTheEscalation() throws Exception {
		var alice = world.reachable(person("responder"), "email", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));
		var incident = world.declare("SEV2", checkout);
		settle();

		var link = world.acknowledgeLink(alice, incident);
		var page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(link)).andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(world.incident(incident).get("acknowledged_at").isNull()).as("opening the link is not acknowledging").isTrue();
		var acknowledged = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(link))
			.andReturn().getResponse();
		assertThat(acknowledged.getStatus()).isEqualTo(200);
		timePasses(ofMinutes(10));

		assertThat(world.pagesTo(incident, bob)).isEmpty();
		assertThat(world.escalations(incident).get(0).get("status").asString()).isEqualTo("acknowledged");
	}

	@Test
	void whenTheMailServerIsDownTheEmailIsRetriedThenTheSmsRuleGoesAtOnce() {
		var alice = world.reachable(person("responder"), "email", 0, "sms", 10);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(15), who(alice)));
		TestMail.stop();
		try {
			var incident = world.declare("SEV1", checkout);
			settle();
			for (int i = 0; i < 6 && world.pagesTo(incident, alice).isEmpty(); i++) {
				timePasses(Duration.ofSeconds(30));
			}

			assertThat(world.pagesTo(incident, alice)).containsExactly("sms");
			assertThat(world.deliveries(incident)).filteredOn(d -> d.get("contact_type").asString().equals("email"))
				.singleElement().satisfies(email -> {
					assertThat(email.get("status").asString()).isEqualTo("failed");
					assertThat(email.get("attempts").asInt()).isGreaterThan(1);
				});
			assertThat(FakeProviders.smsTo(world.phone(alice))).hasSize(1 + 1); // the verification code, then the page
		}
		finally {
			TestMail.start();
		}
	}

	@Test
	void incidentsForOnePersonInAStormAreBundledAndThrottled() {
		var alice = world.reachable(person("responder"), "sms", 0);
		var checkout = world.service("checkout");
		var payments = world.service("payments");
		var search = world.service("search");
		world.policy(List.of(checkout, payments, search), 0, level(ofMinutes(15), who(alice)));

		var first = world.declare("SEV1", checkout);
		var second = world.declare("SEV1", payments);
		settle();
		assertThat(world.pagesBySms(alice)).singleElement()
			.satisfies(sms -> assertThat(sms).startsWith("2 pages").contains(first, second));

		timePasses(Duration.ofSeconds(10));
		var third = world.declare("SEV1", search);
		var fourth = world.declare("SEV2", checkout);
		settle();
		assertThat(world.pagesBySms(alice)).as("one SMS a minute").hasSize(1);

		timePasses(Duration.ofSeconds(50));
		assertThat(world.pagesBySms(alice)).hasSize(2).last()
			.satisfies(sms -> assertThat(sms).startsWith("2 pages").contains(third, fourth));
	}

	@Test
	void aLevelCanPostToAChatChannel() {
		var alice = world.reachable(person("responder"), "email", 0);
		var hook = "oncall-" + UUID.randomUUID();
		var channel = world.slackChannel(hook);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice), PagingWorld.channel(channel)));

		var incident = world.declare("SEV1", checkout);
		settle();

		assertThat(FakeProviders.postsTo(hook)).singleElement().satisfies(post -> assertThat(post.body()).contains(incident));
		assertThat(world.pagesTo(incident, alice)).containsExactly("email");
	}
}
