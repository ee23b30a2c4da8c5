package dev.firebreak.escalation;

import static dev.firebreak.escalation.PagingWorld.level;
import static dev.firebreak.escalation.PagingWorld.who;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.firebreak.ApiTest;
import dev.firebreak.FakeProviders;

/**
 * Acknowledging an alert that opened no incident from its page, as an incident is acknowledged
 * from its own: the signed one-click link in the e-mail, the reply code in the SMS, the key pressed
 * on the call. Each acknowledges the alert as the person paged and stops its escalation; a link
 * that was changed, or a reply from someone who was not paged about it, changes nothing.
 * Simulated clock, real database, real SMTP server, the fake Twilio.
 */
class AlertPageAcknowledgementScenarioTests extends ApiTest {

	private PagingWorld world;

	private AlertSteps alerts;

	@BeforeEach
	void aWorld() {
		world = new PagingWorld(api, adminToken());
		alerts = new AlertSteps(api, adminToken());
	}

	@Test
	void theOneClickLinkInTheAlertsMailAcknowledgesItAndLevelTwoIsNotPaged() throws Exception {
		var alice = world.reachable(person("responder"), "email", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));
		alerts.routeToNoIncident(checkout, "critical");
		world.trigger(world.eventsKey(checkout), "errors-" + UUID.randomUUID(), "critical");
		settle();
		var alert = alerts.onlyAlertOf(checkout);

		var mail = world.mailAbout(alice, "Alert:");
		assertThat(mail).contains("Severity: CRITICAL", "Service: checkout-", "Summary: Checkout error rate 12%",
				"Acknowledge with one click: http://localhost:8080/notifications/ack/",
				"http://localhost:8080/alerts/" + alert);
		assertThat(mail).containsPattern("Or reply A\\d+ to an SMS page to acknowledge");
		var link = world.acknowledgeLink(alice, "Alert:");
		var shown = mvc.perform(get(link)).andReturn().getResponse();
		assertThat(shown.getStatus()).isEqualTo(200);
		assertThat(shown.getContentAsString(UTF_8)).contains("Checkout error rate 12%", "Acknowledge</button>");
		assertThat(alerts.alert(alert).get("status").asString()).as("opening the link is not acknowledging").isEqualTo("triggered");

		var acknowledged = mvc.perform(post(link)).andReturn().getResponse();
		assertThat(acknowledged.getStatus()).isEqualTo(200);
		assertThat(acknowledged.getContentAsString(UTF_8)).contains("The alert is acknowledged");
		timePasses(ofMinutes(10));

		assertThat(alerts.alert(alert).get("status").asString()).isEqualTo("acknowledged");
		assertThat(alerts.pagesAbout(alert, bob)).isEmpty();
		assertThat(alerts.escalationOf(alert).get("status").asString()).isEqualTo("acknowledged");
		assertThat(alerts.audit(alert.toString())).extracting(entry -> entry.get("action").asString())
			.containsExactly("notification.acknowledged_by_link", "alert.acknowledged");
		assertThat(alerts.audit(alert.toString())).anySatisfy(entry -> assertThat(entry.get("detail").asString())
			.contains("acknowledged by", alice.email(), "via one-click link"));
		assertThat(mvc.perform(post(link)).andReturn().getResponse().getContentAsString(UTF_8))
			.contains("acknowledged already");
		assertThat(alerts.audit(alert.toString())).as("a second tap changes nothing").hasSize(2);
	}

	@Test
	void aTamperedAlertLinkChangesNothingAndLevelTwoIsPaged() throws Exception {
		var alice = world.reachable(person("responder"), "email", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));
		alerts.routeToNoIncident(checkout, "critical");
		world.trigger(world.eventsKey(checkout), "errors-" + UUID.randomUUID(), "critical");
		settle();
		var alert = alerts.onlyAlertOf(checkout);
		var link = world.acknowledgeLink(alice, "Alert:");
		var token = link.substring(link.lastIndexOf('/') + 1);
		var payload = token.substring(0, token.indexOf('.'));
		var mac = token.substring(token.indexOf('.') + 1);
		// the same alert, for bob and valid for longer, under alice's signature
		var said = new String(Base64.getUrlDecoder().decode(payload), UTF_8).split("\\.");
		var forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
				(said[0] + "." + bob.id() + "." + (Long.parseLong(said[2]) + 86_400)).getBytes(UTF_8)) + "." + mac;
		var changedMac = payload + "." + (mac.startsWith("A") ? "B" : "A") + mac.substring(1);

		for (var tampered : List.of(forged, changedMac, payload)) {
			var refused = mvc.perform(post("/notifications/ack/" + tampered)).andReturn().getResponse();
			assertThat(refused.getStatus()).as(tampered).isEqualTo(400);
			assertThat(refused.getContentAsString(UTF_8)).contains("This link is not valid");
		}
		timePasses(ofMinutes(5));

		assertThat(alerts.alert(alert).get("status").asString()).isEqualTo("triggered");
		assertThat(alerts.audit(alert.toString())).isEmpty();
		assertThat(alerts.pagesAbout(alert, bob)).as("nothing stopped the escalation").containsExactly("email");
	}

	@Test
	void anSmsReplyToAnAlertPageAcknowledgesItAndLevelTwoIsNotPaged() throws Exception {
		var alice = world.reachable(person("responder"), "sms", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));
		alerts.routeToNoIncident(checkout, "critical");
		world.trigger(world.eventsKey(checkout), "errors-" + UUID.randomUUID(), "critical");
		settle();
		var alert = alerts.onlyAlertOf(checkout);
		var sms = world.pagesBySms(alice).get(world.pagesBySms(alice).size() - 1);
		var code = world.replyCode(alice);
		assertThat(code).matches("A\\d+");
		assertThat(sms).startsWith("CRITICAL alert " + code + ": Checkout error rate 12%")
			.endsWith(" Reply " + code + " to ack. http://localhost:8080/alerts/" + alert);
		assertThat(sms).as("one GSM segment").hasSizeLessThanOrEqualTo(160).matches("[ -~]+");

		var answer = world.twilioSms(mvc, world.phone(alice), code.toLowerCase(java.util.Locale.ROOT));
		assertThat(answer).contains("<Response>", "Alert " + code + " acknowledged");
		timePasses(ofMinutes(10));

		assertThat(alerts.alert(alert).get("status").asString()).isEqualTo("acknowledged");
		assertThat(alerts.pagesAbout(alert, bob)).isEmpty();
		assertThat(alerts.escalationOf(alert).get("status").asString()).isEqualTo("acknowledged");
		assertThat(alerts.audit(alert.toString())).singleElement().satisfies(entry -> {
			assertThat(entry.get("action").asString()).isEqualTo("alert.acknowledged");
			assertThat(entry.get("detail").asString()).contains(alice.email(), "via SMS");
		});
		assertThat(world.twilioSms(mvc, world.phone(alice), "ack " + code)).contains("acknowledged already");
	}

	@Test
	void anSmsReplyNamingAnAlertThePersonWasNotPagedAboutChangesNothing() throws Exception {
		var alice = world.reachable(person("responder"), "sms", 0);
		var carol = world.reachable(person("responder"), "sms", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)));
		alerts.routeToNoIncident(checkout, "critical");
		world.trigger(world.eventsKey(checkout), "errors-" + UUID.randomUUID(), "critical");
		settle();
		var alert = alerts.onlyAlertOf(checkout);

		var answer = world.twilioSms(mvc, world.phone(carol), "ack " + world.replyCode(alice));
		settle();

		assertThat(answer).contains("No page to you");
		assertThat(alerts.alert(alert).get("status").asString()).isEqualTo("triggered");
	}

	@Test
	void pressingOneOnACallAboutAnAlertAcknowledgesIt() throws Exception {
		var alice = world.reachable(person("responder"), "voice", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));
		alerts.routeToNoIncident(checkout, "critical");
		world.trigger(world.eventsKey(checkout), "errors-" + UUID.randomUUID(), "critical");
		settle();
		var alert = alerts.onlyAlertOf(checkout);
		var calls = FakeProviders.callsTo(world.phone(alice));
		var twiml = calls.get(calls.size() - 1).form().get("Twiml");
		assertThat(twiml).contains("CRITICAL alert A");
		var action = Pattern.compile("action=\"http://localhost:8080(/notifications/twilio/voice/A\\d+)\"").matcher(twiml);
		assertThat(action.find()).as("the call asks for a key: %s", twiml).isTrue();

		world.twilioKeyPress(mvc, action.group(1), world.phone(alice), "1");
		timePasses(ofMinutes(10));

		assertThat(alerts.alert(alert).get("status").asString()).isEqualTo("acknowledged");
		assertThat(alerts.pagesAbout(alert, bob)).isEmpty();
	}
}
