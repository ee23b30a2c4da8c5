package dev.firebreak.statuspage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import tools.jackson.databind.JsonNode;

import dev.firebreak.ApiTest;
import dev.firebreak.statuspage.StatusPageWorld;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Webhook subscribers, added by administrators: the payload field by field, signed, retried; the admin API and page. */
class WebhookSubscriberTests extends ApiTest {

	private static final String NEXT = " Next update within 30 minutes.";

	@Autowired
	UserDetailsService users;

	private final MockWebServer receiver = new MockWebServer();

	private StatusPageWorld world;

	private String admin;

	@BeforeEach
	void world() throws Exception {
		receiver.start();
		admin = adminToken();
		world = new StatusPageWorld(api, admin);
	}

	@AfterEach
	void stop() {
		receiver.close();
	}

	@Test
	void aPublicUpdateIsPostedSignedWithTheStandardPayloadAndTriedAgainAfterA500() throws Exception {
		var name = StatusPageWorld.unique("Checkout");
		var component = world.component(name, null, world.service("checkout")).get("id").asString();
		var added = api.post("/api/v1/status-page/subscribers", admin, """
				{"endpoint_url": "%s", "component_ids": ["%s"], "description": "support bot"}"""
			.formatted(receiver.url("/hooks/status"), component)).expectStatus(201).json();
		var secret = added.get("signing_secret").asString();
		assertThat(secret).startsWith("whsec_");
		assertThat(added.get("type").asString()).isEqualTo("webhook");
		assertThat(added.get("status").asString()).isEqualTo("confirmed");
		var id = added.get("id").asString();

		receiver.enqueue(new MockResponse.Builder().code(500).body("busy").build());
		receiver.enqueue(new MockResponse.Builder().code(204).build());
		var incident = world.declare(admin, "checkout errors", "SEV2", false);
		world.publicUpdate(incident, admin, "investigating", "Some orders fail." + NEXT, name);
		settle();

		assertThat(receiver.getRequestCount()).isEqualTo(1);
		var first = receiver.takeRequest(1, TimeUnit.SECONDS);
		var delivery = deliveries(id).get(0);
		assertThat(delivery.get("status").asString()).isEqualTo("pending");
		assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
		assertThat(delivery.get("last_error").asString()).contains("HTTP 500");

		timePasses(Duration.ofMinutes(1));
		assertThat(receiver.getRequestCount()).isEqualTo(2);
		var second = receiver.takeRequest(1, TimeUnit.SECONDS);
		assertThat(second.getHeaders().get("webhook-id")).isEqualTo(first.getHeaders().get("webhook-id"));
		assertThat(second.getHeaders().get("Content-Type")).startsWith("application/json");
		assertThat(second.getHeaders().get("webhook-signature")).isEqualTo(
				"v1," + hmac(secret, second.getHeaders().get("webhook-id"), second.getHeaders().get("webhook-timestamp"),
						second.getBody().toByteArray()));
		assertThat(Long.parseLong(second.getHeaders().get("webhook-timestamp"))).isEqualTo(clock.instant().getEpochSecond());
		delivery = deliveries(id).get(0);
		assertThat(delivery.get("status").asString()).isEqualTo("sent");
		assertThat(delivery.get("attempts").asInt()).isEqualTo(2);

		var payload = json.readTree(second.getBody().utf8());
		var meta = payload.get("meta");
		assertThat(meta.get("unsubscribe").asString()).contains("/status/unsubscribe/" + id + ".");
		assertThat(meta.get("documentation").asString()).endsWith("/status/subscribe#webhooks");
		assertThat(meta.get("generated_at").asString()).endsWith("Z");
		var page = payload.get("page");
		assertThat(page.has("id")).isTrue();
		assertThat(page.get("status_indicator").asString()).isIn("major", "critical");
		assertThat(page.get("status_description").asString()).isIn("Partial System Outage", "Major Service Outage");
		var sent = payload.get("incident");
		var listed = StatusPageWorld.byId(world.json("incidents.json").get("incidents"), sent.get("id").asString());
		assertThat(sent.get("name").asString()).isEqualTo("Partial outage of " + name).isEqualTo(listed.get("name").asString());
		assertThat(sent.get("status").asString()).isEqualTo("investigating");
		assertThat(sent.get("impact").asString()).isEqualTo("major");
		assertThat(sent.get("shortlink").asString()).endsWith("/status/incidents/" + sent.get("id").asString());
		assertThat(sent.get("created_at").asString()).isEqualTo(listed.get("created_at").asString());
		assertThat(sent.get("resolved_at").isNull()).isTrue();
		assertThat(sent.get("page_id")).isEqualTo(listed.get("page_id"));
		var update = sent.get("incident_updates").get(0);
		assertThat(update.get("body").asString()).isEqualTo("Some orders fail." + NEXT);
		assertThat(update.get("status").asString()).isEqualTo("investigating");
		assertThat(update.get("incident_id").asString()).isEqualTo(sent.get("id").asString());
		assertThat(update.get("affected_components").get(0).get("code").asString()).isEqualTo(component);
		assertThat(update.get("affected_components").get(0).get("new_status").asString()).isEqualTo("partial_outage");
		assertThat(sent.get("components").get(0).get("id").asString()).isEqualTo(component);
		assertThat(sent.get("components").get(0).get("status").asString()).isEqualTo("partial_outage");
		assertThat(payload.has("component")).as("an incident, not a component update").isFalse();
		assertThat(receiver.getRequestCount()).as("the update's own status change sends no component webhook").isEqualTo(2);
	}

	@Test
	void aPersonsWordOnAComponentIsPostedAsAComponentUpdateAndTheUnsubscribeLinkEndsIt() throws Exception {
		var name = StatusPageWorld.unique("Search");
		var component = world.component(name, null).get("id").asString();
		var other = world.component(StatusPageWorld.unique("Mail"), null).get("id").asString();
		var id = api.post("/api/v1/status-page/subscribers", admin, """
				{"endpoint_url": "%s", "component_ids": ["%s"]}""".formatted(receiver.url("/hook"), component))
			.expectStatus(201).json().get("id").asString();
		receiver.enqueue(new MockResponse.Builder().code(200).build());

		api.put("/api/v1/status-page/components/" + other + "/status", admin, """
				{"status": "major_outage", "reason": "not this subscriber's"}""").expectStatus(200);
		api.put("/api/v1/status-page/components/" + component + "/status", admin, """
				{"status": "degraded_performance", "reason": "slow queries, seen by support"}""").expectStatus(200);
		settle();

		assertThat(receiver.getRequestCount()).isEqualTo(1);
		RecordedRequest request = receiver.takeRequest(1, TimeUnit.SECONDS);
		var payload = json.readTree(request.getBody().utf8());
		assertThat(payload.has("incident")).isFalse();
		assertThat(payload.get("component").get("id").asString()).isEqualTo(component);
		assertThat(payload.get("component").get("name").asString()).isEqualTo(name);
		assertThat(payload.get("component").get("status").asString()).isEqualTo("degraded_performance");
		var change = payload.get("component_update");
		assertThat(change.get("old_status").asString()).isEqualTo("operational");
		assertThat(change.get("new_status").asString()).isEqualTo("degraded_performance");
		assertThat(change.get("component_id").asString()).isEqualTo(component);
		assertThat(change.get("id").asString()).isNotBlank();
		assertThat(change.get("created_at").asString()).isEqualTo(clock.instant().toString());
		assertThat(payload.get("page").get("status_indicator").asString()).isEqualTo("critical");

		var unsubscribe = java.net.URI.create(payload.get("meta").get("unsubscribe").asString()).getPath();
		assertThat(mvc.perform(post(unsubscribe)).andReturn().getResponse().getStatus()).isEqualTo(200);
		api.get("/api/v1/status-page/subscribers/" + id, admin).expectStatus(404);
		api.put("/api/v1/status-page/components/" + component + "/status", admin, """
				{"status": null, "reason": "fixed"}""").expectStatus(200);
		api.put("/api/v1/status-page/components/" + other + "/status", admin, """
				{"status": null, "reason": "the test is over"}""").expectStatus(200);
		settle();
		assertThat(receiver.getRequestCount()).isEqualTo(1);
	}

	@Test
	void onlyAdministratorsListAddAndRemoveSubscribersTheSecretIsShownOnceAndBadInputIsRefused() throws Exception {
		var responder = person("responder");
		var url = receiver.url("/hooks/admin").toString();
		api.get("/api/v1/status-page/subscribers", responder.token()).expectStatus(403);
		api.post("/api/v1/status-page/subscribers", responder.token(), """
				{"endpoint_url": "%s"}""".formatted(url)).expectStatus(403);
		assertThat(api.post("/api/v1/status-page/subscribers", admin, """
				{"endpoint_url": "ftp://example.com/x"}""").problem(400).get("errors").get(0).get("pointer").asString())
			.isEqualTo("/endpoint_url");
		api.post("/api/v1/status-page/subscribers", admin, """
				{"endpoint_url": "https://user:pw@example.com/x"}""").problem(400);
		api.post("/api/v1/status-page/subscribers", admin, "{}").problem(400);
		api.post("/api/v1/status-page/subscribers", admin, """
				{"endpoint_url": "%s", "component_ids": ["%s"]}""".formatted(url, java.util.UUID.randomUUID())).problem(400);
		api.post("/api/v1/status-page/subscribers", admin, """
				{"endpoint_url": "%s", "email": "a@example.com"}""".formatted(url)).problem(400);
		assertThat(listed(url)).isEmpty();

		var added = api.post("/api/v1/status-page/subscribers", admin, """
				{"endpoint_url": "%s"}""".formatted(url)).expectStatus(201).json();
		var id = added.get("id").asString();
		var secret = added.get("signing_secret").asString();
		assertThat(added.get("all_components").asBoolean()).isTrue();
		assertThat(listed(url)).hasSize(1);
		assertThat(listed(url).get(0).has("signing_secret")).isFalse();
		assertThat(api.get("/api/v1/status-page/subscribers?size=200", admin).body()).doesNotContain(secret);
		assertThat(api.get("/api/v1/status-page/subscribers/" + id, admin).body()).doesNotContain(secret);

		var me = users.loadUserByUsername(ADMIN_EMAIL);
		var pageHtml = mvc.perform(get("/status-page/subscribers").with(user(me))).andReturn().getResponse();
		pageHtml.setCharacterEncoding("UTF-8");
		assertThat(pageHtml.getStatus()).isEqualTo(200);
		assertThat(pageHtml.getContentAsString()).contains(url).contains("/status-page/subscribers/" + id + "/remove")
			.doesNotContain(secret);
		var responderUser = users.loadUserByUsername(responder.email());
		assertThat(mvc.perform(get("/status-page/subscribers").with(user(responderUser))).andReturn().getResponse()
			.getStatus()).isEqualTo(403);

		var viaPage = mvc.perform(post("/status-page/subscribers").with(user(me)).with(csrf())
			.param("endpoint_url", url + "/page").param("description", "added on the page")).andReturn().getResponse();
		viaPage.setCharacterEncoding("UTF-8");
		assertThat(viaPage.getStatus()).isEqualTo(201);
		assertThat(viaPage.getContentAsString()).contains("whsec_").contains(url + "/page");
		var refused = mvc.perform(post("/status-page/subscribers").with(user(me)).with(csrf())
			.param("endpoint_url", "not a url")).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(422);

		var removed = mvc.perform(post("/status-page/subscribers/" + id + "/remove").with(user(me)).with(csrf()))
			.andReturn().getResponse();
		assertThat(removed.getStatus()).isEqualTo(302);
		assertThat(listed(url)).isEmpty();
		var pageOne = listed(url + "/page").get(0).get("id").asString();
		api.delete("/api/v1/status-page/subscribers/" + pageOne, responder.token()).expectStatus(403);
		api.delete("/api/v1/status-page/subscribers/" + pageOne, admin).expectStatus(204);
		api.delete("/api/v1/status-page/subscribers/" + pageOne, admin).problem(404);
		var actions = api.get("/api/v1/audit?size=100", admin).json().get("items").values().stream()
			.filter(e -> e.get("target_id").asString().equals(id) || e.get("target_id").asString().equals(pageOne))
			.map(e -> e.get("action").asString()).toList();
		assertThat(actions).contains("statuspage.webhook_subscriber_added", "statuspage.subscriber_removed");
	}

	private java.util.List<JsonNode> listed(String url) {
		return api.get("/api/v1/status-page/subscribers?size=200", admin).expectStatus(200).json().get("items").values()
			.stream().filter(s -> url.equals(s.get("endpoint_url").asString(""))).toList();
	}

	private java.util.List<JsonNode> deliveries(String subscriber) {
		return api.get("/api/v1/status-page/subscribers/" + subscriber + "/deliveries", admin).expectStatus(200).json()
			.get("items").values().stream().toList();
	}

	/** The Standard Webhooks signature, computed here without Firebreak's code. */
	private static String hmac(String secret, String id, String timestamp, byte[] body) throws Exception {
		var mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
		return Base64.getEncoder().encodeToString(mac.doFinal(body));
	}
}
