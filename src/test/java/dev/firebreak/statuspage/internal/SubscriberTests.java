package dev.firebreak.statuspage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.firebreak.ApiTest;
import dev.firebreak.comms.Audience;
import dev.firebreak.comms.Phase;
import dev.firebreak.comms.StatusUpdatePosted;
import dev.firebreak.notification.TestMail;
import dev.firebreak.statuspage.StatusPageWorld;

/** E-mail subscribers: double opt-in, one-click unsubscribe, their choice of components, once per public update. */
class SubscriberTests extends ApiTest {

	private static final String NEXT = " Next update within 30 minutes.";

	@Autowired
	SubscriberNotices notices;

	@Autowired
	PublicIncidents publicIncidents;

	private StatusPageWorld world;

	private SubscriberWorld reader;

	private String admin;

	@BeforeEach
	void world() {
		admin = adminToken();
		world = new StatusPageWorld(api, admin);
		reader = new SubscriberWorld(mvc);
	}

	@Test
	void nothingIsMailedBeforeConfirmingTheConfirmedHearOfTheNextUpdateAndOneClickUnsubscribes() throws Exception {
		var name = StatusPageWorld.unique("Card payments");
		var component = world.component(name, null, world.service("payments")).get("id").asString();
		var email = SubscriberWorld.address("reader");

		var asked = reader.subscribe(email);
		assertThat(asked.getStatus()).isEqualTo(200);
		assertThat(asked.getContentAsString()).contains("Check your inbox");
		settle();
		assertThat(TestMail.to(email)).hasSize(1);
		var confirmation = TestMail.to(email).get(0);
		assertThat(SubscriberWorld.header(confirmation, "List-Unsubscribe")).isNull();

		var incident = world.declare(admin, "payments-db down", "SEV2", false);
		world.publicUpdate(incident, admin, "investigating", "Some card payments fail." + NEXT, name);
		settle();
		assertThat(TestMail.to(email)).as("nothing but the confirmation before confirming").hasSize(1);

		var link = SubscriberWorld.confirmLink(email);
		var page = reader.open(link);
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("Confirm subscription").contains("method=\"post\"");
		assertThat(subscriber(email).get("status").asString()).as("opening the link confirms nothing").isEqualTo("pending");
		var confirmed = reader.press(link);
		assertThat(confirmed.getStatus()).isEqualTo(200);
		assertThat(confirmed.getContentAsString()).contains("You are subscribed");
		assertThat(subscriber(email).get("status").asString()).isEqualTo("confirmed");
		assertThat(reader.press(link).getStatus()).as("a used link works no more").isEqualTo(404);

		world.publicUpdate(incident, admin, "identified", "We switched to backup systems; payments are being retried." + NEXT, name);
		settle();

		var updates = SubscriberWorld.updatesTo(email);
		assertThat(updates).hasSize(1);
		var mail = updates.get(0);
		assertThat(TestMail.subject(mail)).contains("Partial outage of " + name).contains("Identified");
		var text = TestMail.text(mail);
		assertThat(text).contains("We switched to backup systems; payments are being retried.").contains("Affected: " + name)
			.contains("/status/incidents/");
		var unsubscribe = SubscriberWorld.header(mail, "List-Unsubscribe");
		assertThat(unsubscribe).startsWith("<").endsWith(">").contains("/status/unsubscribe/");
		assertThat(SubscriberWorld.header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
		var url = unsubscribe.substring(1, unsubscribe.length() - 1);
		assertThat(text).contains(url);
		assertThat(TestMail.html(mail)).contains("Unsubscribe");
		assertThat(component).isNotBlank();

		var path = java.net.URI.create(url).getPath();
		assertThat(reader.open(path).getContentAsString()).contains("Unsubscribe");
		var gone = reader.press(path);
		assertThat(gone.getStatus()).isEqualTo(200);
		assertThat(gone.getContentAsString()).contains("You are unsubscribed");
		assertThat(reader.press(path).getStatus()).as("pressing again changes nothing and says so kindly").isEqualTo(200);
		assertThat(reader.press(path.substring(0, path.length() - 2) + "xx").getStatus()).isEqualTo(404);

		world.publicUpdate(incident, admin, "monitoring", "Payments work again; we are watching." + NEXT, name);
		settle();
		assertThat(SubscriberWorld.updatesTo(email)).as("nothing after unsubscribing").hasSize(1);
		assertThat(auditActions()).contains("statuspage.subscription_requested", "statuspage.subscription_confirmed",
				"statuspage.unsubscribed");
	}

	@Test
	void askingAgainAnswersTheSameWhetherTheAddressIsKnownAndMakesNoSecondSubscriber() throws Exception {
		var known = SubscriberWorld.address("known");
		subscribeAndConfirm(known);
		var before = TestMail.to(known).size();

		var again = reader.subscribe(known).getContentAsString().replace(known, "ADDRESS");
		var stranger = SubscriberWorld.address("stranger");
		var first = reader.subscribe(stranger).getContentAsString().replace(stranger, "ADDRESS");
		assertThat(again).isEqualTo(first);
		var secondTime = reader.subscribe(stranger);
		assertThat(secondTime.getStatus()).isEqualTo(200);
		assertThat(secondTime.getContentAsString().replace(stranger, "ADDRESS")).isEqualTo(first);
		settle();

		assertThat(subscribers(known)).isEqualTo(1);
		assertThat(subscribers(stranger)).isEqualTo(1);
		assertThat(subscriber(known).get("status").asString()).as("asking again does not unsubscribe").isEqualTo("confirmed");
		assertThat(TestMail.to(stranger)).as("one confirmation mail within the resend time").hasSize(1);
		assertThat(TestMail.to(known)).hasSize(before + 1);
		var oldLink = SubscriberWorld.confirmLink(stranger);

		timePasses(Duration.ofMinutes(11));
		reader.subscribe(stranger.toUpperCase());
		settle();
		assertThat(TestMail.to(stranger)).hasSize(2);
		assertThat(subscribers(stranger)).isEqualTo(1);
		assertThat(reader.open(oldLink).getStatus()).as("a newer link replaces the older").isEqualTo(404);
		assertThat(reader.press(SubscriberWorld.confirmLink(stranger)).getStatus()).isEqualTo(200);
		assertThat(subscriber(stranger).get("status").asString()).isEqualTo("confirmed");
	}

	@Test
	void badInputIsRefusedOnTheFormAndChangesNothingAndOneAddressCannotAskWithoutEnd() throws Exception {
		var component = world.component(StatusPageWorld.unique("Search"), null).get("id").asString();
		var noAddress = reader.subscribe("not an address");
		assertThat(noAddress.getStatus()).isEqualTo(422);
		assertThat(noAddress.getContentAsString()).contains("is not an e-mail address").contains("role=\"alert\"");
		assertThat(reader.subscribe("Boss <boss@example.com>").getStatus()).isEqualTo(422);
		assertThat(reader.subscribe("").getStatus()).isEqualTo(422);
		var long_ = "a".repeat(250) + "@example.com";
		assertThat(reader.subscribe(long_).getContentAsString()).contains("the limit is 254");
		var good = SubscriberWorld.address("good");
		assertThat(reader.subscribe(good, "not-a-uuid").getStatus()).isEqualTo(422);
		assertThat(reader.subscribe(good, UUID.randomUUID().toString()).getContentAsString())
			.contains("no component");
		settle();
		assertThat(subscribers(good)).isZero();
		assertThat(TestMail.to(good)).isEmpty();
		assertThat(reader.subscribe(good, component).getStatus()).isEqualTo(200);

		var form = reader.open("/status/subscribe");
		assertThat(form.getStatus()).isEqualTo(200);
		assertThat(form.getContentAsString()).contains("name=\"_csrf\"").contains(component).contains("id=\"webhooks\"");
		var withoutToken = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/status/subscribe").param("email", SubscriberWorld.address("forged"))).andReturn().getResponse();
		assertThat(withoutToken.getStatus()).as("the form keeps its CSRF token").isEqualTo(403);

		var flooder = new SubscriberWorld(mvc);
		for (var i = 0; i < 10; i++) {
			assertThat(flooder.subscribe(SubscriberWorld.address("flood")).getStatus()).isEqualTo(200);
		}
		var refused = flooder.subscribe(SubscriberWorld.address("flood"));
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getContentAsString()).contains("Too many requests");
		timePasses(Duration.ofMinutes(61));
		assertThat(flooder.subscribe(SubscriberWorld.address("flood")).getStatus()).as("the window moves on")
			.isEqualTo(200);
		settle();
	}

	@Test
	void aSubscriberWhoChoseComponentsHearsOnlyOfIncidentsTouchingThem() throws Exception {
		var checkoutName = StatusPageWorld.unique("Checkout");
		var searchName = StatusPageWorld.unique("Search");
		var checkout = world.component(checkoutName, null).get("id").asString();
		world.component(searchName, null);
		var picky = SubscriberWorld.address("picky");
		var all = SubscriberWorld.address("all");
		subscribeAndConfirm(picky, checkout);
		subscribeAndConfirm(all);
		assertThat(subscriber(picky).get("component_ids").get(0).asString()).isEqualTo(checkout);

		var searchIncident = world.declare(admin, "search index stale", "SEV3", false);
		world.publicUpdate(searchIncident, admin, "investigating", "Search results are out of date." + NEXT, searchName);
		settle();
		assertThat(SubscriberWorld.updatesTo(all)).hasSize(1);
		assertThat(SubscriberWorld.updatesTo(picky)).isEmpty();

		var checkoutIncident = world.declare(admin, "checkout errors", "SEV2", false);
		world.publicUpdate(checkoutIncident, admin, "investigating", "Some orders fail." + NEXT, checkoutName);
		settle();
		assertThat(SubscriberWorld.updatesTo(all)).hasSize(2);
		assertThat(SubscriberWorld.updatesTo(picky)).hasSize(1);
		assertThat(TestMail.text(SubscriberWorld.updatesTo(picky).get(0))).contains("Some orders fail.")
			.contains("about " + checkoutName);
	}

	@Test
	void eachPublicUpdateIsMailedOnceEvenWhenItsEventIsDeliveredAgain() throws Exception {
		var name = StatusPageWorld.unique("API");
		world.component(name, null);
		var email = SubscriberWorld.address("once");
		subscribeAndConfirm(email);
		var incident = world.declare(admin, "api latency", "SEV3", false);
		world.publicUpdate(incident, admin, "investigating", "The API is slow." + NEXT, name);
		settle();
		assertThat(SubscriberWorld.updatesTo(email)).hasSize(1);

		var published = world.json("incidents/unresolved.json").get("incidents").values().stream()
			.filter(i -> i.get("name").asString().endsWith(name)).findFirst().orElseThrow();
		var again = new PublicUpdatePublished(UUID.fromString(published.get("id").asString()),
				UUID.fromString(published.get("incident_updates").get(0).get("id").asString()), false);
		notices.on(again);
		notices.on(again);
		settle();
		assertThat(SubscriberWorld.updatesTo(email)).hasSize(1);
	}

	@Test
	void aMaintenanceIsAnnouncedAndItsReminderMailedOnceBeforeItStarts() throws Exception {
		var name = StatusPageWorld.unique("Database");
		var component = world.component(name, null).get("id").asString();
		var email = SubscriberWorld.address("maint");
		subscribeAndConfirm(email, component);
		var from = clock.instant().plus(Duration.ofDays(2));
		var maintenance = api.post("/api/v1/status-page/maintenances", admin, """
				{"name": "Database upgrade %s", "scheduled_for": "%s", "scheduled_until": "%s", "component_ids": ["%s"]}"""
			.formatted(name, from, from.plus(Duration.ofHours(1)), component)).expectStatus(201).json().get("id").asString();
		settle();
		assertThat(SubscriberWorld.updatesTo(email)).hasSize(1);
		assertThat(TestMail.subject(SubscriberWorld.updatesTo(email).get(0)))
			.contains("Scheduled maintenance: Database upgrade " + name).contains("Scheduled");

		timePasses(Duration.ofHours(25));
		var reminders = SubscriberWorld.updatesTo(email).stream()
			.filter(m -> TestMail.subject(m).contains("Reminder: scheduled maintenance Database upgrade " + name)).toList();
		assertThat(reminders).hasSize(1);
		assertThat(TestMail.text(reminders.get(0))).contains("Affects: " + name);
		assertThat(SubscriberWorld.header(reminders.get(0), "List-Unsubscribe")).contains("/status/unsubscribe/");

		notices.on(new MaintenanceReminderDue(UUID.fromString(maintenance)));
		settle();
		assertThat(SubscriberWorld.updatesTo(email)).hasSize(2);
	}

	@Test
	void aPrivateIncidentSendsNothingEvenWhenItsUpdateReachesTheStatusPage() throws Exception {
		var name = StatusPageWorld.unique("Login");
		world.component(name, null);
		var email = SubscriberWorld.address("private");
		subscribeAndConfirm(email);
		var incident = world.declare(admin, "secret breach", "SEV1", true);
		api.post("/api/v1/incidents/" + incident + "/status-updates", admin, """
				{"audience": "public", "phase": "investigating", "components": ["%s"], "text": "Logins fail.%s"}"""
			.formatted(name, NEXT)).expectStatus(409);
		var internal = api.post("/api/v1/incidents/" + incident + "/status-updates", admin, """
				{"audience": "internal", "text": "Attacker in the login service."}""").expectStatus(201).json()
			.get("id").asString();
		var number = Long.parseLong(incident.substring("INC-".length()));

		publicIncidents.on(new StatusUpdatePosted(number, UUID.fromString(internal), Audience.PUBLIC, Phase.INVESTIGATING,
				true, clock.instant()));
		publicIncidents.on(new StatusUpdatePosted(number, UUID.fromString(internal), Audience.PUBLIC, Phase.INVESTIGATING,
				false, clock.instant()));
		settle();

		assertThat(SubscriberWorld.updatesTo(email)).isEmpty();
		assertThat(api.get("/status/api/v2/incidents.json", null).body()).doesNotContain("Attacker");
	}

	private void subscribeAndConfirm(String email, String... components) throws Exception {
		assertThat(reader.subscribe(email, components).getStatus()).isEqualTo(200);
		settle();
		assertThat(reader.press(SubscriberWorld.confirmLink(email)).getStatus()).isEqualTo(200);
	}

	private tools.jackson.databind.JsonNode subscriber(String email) {
		return api.get("/api/v1/status-page/subscribers?size=200", admin).expectStatus(200).json().get("items").values()
			.stream().filter(s -> email.equalsIgnoreCase(s.get("email").asString(""))).findFirst().orElseThrow();
	}

	private long subscribers(String email) {
		return api.get("/api/v1/status-page/subscribers?size=200", admin).expectStatus(200).json().get("items").values()
			.stream().filter(s -> email.equalsIgnoreCase(s.get("email").asString(""))).count();
	}

	private java.util.List<String> auditActions() {
		return api.get("/api/v1/audit?size=100", admin).json().get("items").values().stream()
			.map(e -> e.get("action").asString()).toList();
	}
}
