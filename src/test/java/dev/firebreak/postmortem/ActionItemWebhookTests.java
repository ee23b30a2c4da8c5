package dev.firebreak.postmortem;

import static dev.firebreak.postmortem.ActionItemApiTests.GOOD_DONE;
import static dev.firebreak.postmortem.ActionItemApiTests.pointers;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.firebreak.ApiTest;
import dev.firebreak.platform.StandardWebhooks;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A tracker mirrors action items: an administrator registers its endpoint and is shown the secret
 * once; each item created, edited, completed or reopened (of a public incident) is posted signed per Standard Webhooks, tried again after a
 * 5xx with the same {@code webhook-id}, and an event delivered twice between modules posts once.
 */
class ActionItemWebhookTests extends ApiTest {

	private final MockWebServer tracker = new MockWebServer();

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	private String endpoint;

	@BeforeEach
	void start() throws Exception {
		tracker.start();
	}

	@AfterEach
	void stop() {
		if (endpoint != null) {
			// later tests' items must not be posted to a receiver that is gone
			api.delete("/api/v1/action-items/webhooks/" + endpoint, adminToken());
		}
		tracker.close();
	}

	@Test
	void createdAndCompletedItemsArePostedSignedRetriedAfterA500AndNeverTwice() throws Exception {
		var admin = adminToken();
		var owner = person("responder");
		var url = tracker.url("/hooks/linear").toString();

		api.post("/api/v1/action-items/webhooks", owner.token(), "{\"url\": \"" + url + "\"}").expectStatus(403);
		assertThat(pointers(api.post("/api/v1/action-items/webhooks", admin, "{\"url\": \"ftp://tracker\"}").problem(400)))
			.containsExactly("/url");
		assertThat(pointers(api.post("/api/v1/action-items/webhooks", admin, "{}").problem(400))).containsExactly("/url");
		var registered = api.post("/api/v1/action-items/webhooks", admin, "{\"url\": \"" + url + "\"}").expectStatus(201)
			.json();
		endpoint = registered.get("id").asString();
		var secret = registered.get("signing_secret").asString();
		assertThat(secret).startsWith("whsec_");
		var listed = api.get("/api/v1/action-items/webhooks", admin).expectStatus(200).json().get("items").values().stream()
			.filter(e -> e.get("id").asString().equals(endpoint)).findFirst().orElseThrow();
		assertThat(listed.get("url").asString()).isEqualTo(url);
		assertThat(listed.has("signing_secret")).isFalse();
		assertThat(jdbc.sql("select signing_secret from postmortem_action_item_webhook where id = :id")
			.param("id", UUID.fromString(endpoint)).query(String.class).single()).doesNotContain(secret.substring(6));

		tracker.enqueue(new MockResponse.Builder().code(500).body("tracker down").build());
		tracker.enqueue(new MockResponse.Builder().code(200).build());
		tracker.enqueue(new MockResponse.Builder().code(204).build());
		var incident = api.post("/api/v1/incidents", owner.token(), """
				{"title": "Mirrored %s", "severity": "SEV3"}""".formatted(UUID.randomUUID())).expectStatus(201).json()
			.get("id").asString();
		var due = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(20);
		var item = api.post("/api/v1/incidents/" + incident + "/action-items", owner.token(), """
				{"title": "Page payments on checkout errors", "owner_id": "%s", "due_on": "%s", "priority": "P0",
				 "definition_of_done": "%s"}""".formatted(owner.id(), due, GOOD_DONE)).expectStatus(201).json();
		var id = item.get("id").asString();
		settle();

		var refused = take();
		assertSigned(refused, secret);
		timePasses(Duration.ofSeconds(59));
		assertThat(tracker.getRequestCount()).isEqualTo(1);
		timePasses(Duration.ofSeconds(1));
		var created = take();
		assertSigned(created, secret);
		assertThat(created.getHeaders().get("webhook-id")).isEqualTo(refused.getHeaders().get("webhook-id"))
			.matches("msg_[0-9a-f]{32}");
		var body = json.readTree(created.getBody().utf8());
		assertThat(body.get("type").asString()).isEqualTo("action_item.created");
		assertThat(body.get("timestamp").asString()).isEqualTo(item.get("created_at").asString());
		var data = body.get("data");
		assertThat(data.get("id").asString()).isEqualTo(id);
		assertThat(data.get("incident").asString()).isEqualTo(incident);
		assertThat(data.get("title").asString()).isEqualTo("Page payments on checkout errors");
		assertThat(data.get("owner").get("id").asString()).isEqualTo(owner.id().toString());
		assertThat(data.get("owner").get("email").asString()).isEqualTo(owner.email());
		assertThat(data.get("owner").get("name").asString()).startsWith("responder ");
		assertThat(data.get("due_on").asString()).isEqualTo(due.toString());
		assertThat(data.get("priority").asString()).isEqualTo("P0");
		assertThat(data.get("definition_of_done").asString()).isEqualTo(GOOD_DONE);
		assertThat(data.get("status").asString()).isEqualTo("open");
		assertThat(data.get("url").asString()).endsWith("/incidents/" + incident + "/action-items#item-" + id);

		// the same event delivered again between modules (as after a crash) is not posted again
		new TransactionTemplate(transactions).executeWithoutResult(tx -> events.publishEvent(new ActionItemCreated(
				UUID.fromString(id), Long.parseLong(incident.substring(4)), owner.id(), due, ActionItemPriority.P0,
				java.time.Instant.parse(item.get("created_at").asString()))));
		timePasses(Duration.ofMinutes(10));
		assertThat(tracker.getRequestCount()).isEqualTo(2);

		api.post("/api/v1/action-items/" + id + "/complete", owner.token(), "{\"evidence\": \"Drill paged in 3 min\"}")
			.expectStatus(200);
		settle();
		var completed = take();
		assertSigned(completed, secret);
		assertThat(completed.getHeaders().get("webhook-id")).isNotEqualTo(created.getHeaders().get("webhook-id"));
		var done = json.readTree(completed.getBody().utf8());
		assertThat(done.get("type").asString()).isEqualTo("action_item.completed");
		assertThat(done.get("data").get("status").asString()).isEqualTo("done");
		assertThat(tracker.getRequestCount()).isEqualTo(3);

		api.delete("/api/v1/action-items/webhooks/" + endpoint, owner.token()).expectStatus(403);
		api.delete("/api/v1/action-items/webhooks/" + endpoint, admin).expectStatus(204);
		assertThat(api.get("/api/v1/action-items/webhooks", admin).json().get("items").values())
			.noneMatch(e -> e.get("id").asString().equals(endpoint));
		api.delete("/api/v1/action-items/webhooks/" + endpoint, admin).problem(404);
		endpoint = null;
		assertThat(jdbc.sql("select count(*) from identity_audit where target_id = :id and action like 'action_item.webhook_%'")
			.param("id", registered.get("id").asString()).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void itemsOfPrivateIncidentsAreNotPosted() throws Exception {
		var owner = person("responder");
		register();
		tracker.enqueue(new MockResponse.Builder().code(204).build());
		tracker.enqueue(new MockResponse.Builder().code(204).build());
		var secretTitle = "Secret item " + UUID.randomUUID();
		addItem(owner, true, secretTitle);
		var open = addItem(owner, false, "Public item " + UUID.randomUUID());
		settle();
		timePasses(Duration.ofMinutes(10));

		var body = take().getBody().utf8();
		assertThat(body).doesNotContain(secretTitle);
		assertThat(json.readTree(body).get("data").get("id").asString()).isEqualTo(open);
		assertThat(tracker.getRequestCount()).as("only the public incident's item is posted").isEqualTo(1);
	}

	@Test
	void editsAndReopeningsArePostedSoTrackersMirrorThem() throws Exception {
		var owner = person("responder");
		register();
		for (var i = 0; i < 5; i++) {
			tracker.enqueue(new MockResponse.Builder().code(204).build());
		}
		var id = addItem(owner, false, "Mirror edits " + UUID.randomUUID());
		settle();
		assertThat(type(take())).isEqualTo("action_item.created");

		var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		var edit = """
				{"title": "Mirror edits", "owner_id": "%s", "due_on": "%s", "priority": "P1", "definition_of_done": "%s"}""";
		api.put("/api/v1/action-items/" + id, owner.token(), edit.formatted(owner.id(), today.plusDays(9), GOOD_DONE))
			.expectStatus(200);
		settle();
		var first = take();
		var updated = json.readTree(first.getBody().utf8());
		assertThat(updated.get("type").asString()).isEqualTo("action_item.updated");
		assertThat(updated.get("data").get("id").asString()).isEqualTo(id);
		assertThat(updated.get("data").get("due_on").asString()).isEqualTo(today.plusDays(9).toString());
		assertThat(updated.get("data").get("priority").asString()).isEqualTo("P1");
		assertThat(updated.get("data").get("status").asString()).isEqualTo("open");

		// a second edit in the same instant is another event, posted under its own webhook-id
		api.put("/api/v1/action-items/" + id, owner.token(), edit.formatted(owner.id(), today.plusDays(3), GOOD_DONE))
			.expectStatus(200);
		settle();
		var second = take();
		assertThat(second.getHeaders().get("webhook-id")).isNotEqualTo(first.getHeaders().get("webhook-id"));
		assertThat(json.readTree(second.getBody().utf8()).get("data").get("due_on").asString())
			.isEqualTo(today.plusDays(3).toString());

		api.post("/api/v1/action-items/" + id + "/complete", owner.token(), "{\"evidence\": \"Drill paged in 3 min\"}")
			.expectStatus(200);
		settle();
		assertThat(type(take())).isEqualTo("action_item.completed");
		api.post("/api/v1/action-items/" + id + "/reopen", owner.token(), "{\"reason\": \"paged the wrong rotation\"}")
			.expectStatus(200);
		settle();
		var reopened = json.readTree(take().getBody().utf8());
		assertThat(reopened.get("type").asString()).isEqualTo("action_item.reopened");
		assertThat(reopened.get("data").get("id").asString()).isEqualTo(id);
		assertThat(reopened.get("data").get("status").asString()).isEqualTo("open");
		timePasses(Duration.ofMinutes(10));
		assertThat(tracker.getRequestCount()).isEqualTo(5);
	}

	private String type(RecordedRequest request) {
		return json.readTree(request.getBody().utf8()).get("type").asString();
	}

	private String register() {
		var url = tracker.url("/hooks/tracker").toString();
		endpoint = api.post("/api/v1/action-items/webhooks", adminToken(), "{\"url\": \"" + url + "\"}").expectStatus(201)
			.json().get("id").asString();
		return endpoint;
	}

	/** An item on a new incident, public or private; its id. */
	private String addItem(Person owner, boolean isPrivate, String title) {
		var incident = api.post("/api/v1/incidents", owner.token(), """
				{"title": "Mirrored %s", "severity": "SEV3", "private": %s}""".formatted(UUID.randomUUID(), isPrivate))
			.expectStatus(201).json().get("id").asString();
		var due = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(20);
		return api.post("/api/v1/incidents/" + incident + "/action-items", owner.token(), """
				{"title": "%s", "owner_id": "%s", "due_on": "%s", "priority": "P2",
				 "definition_of_done": "%s"}""".formatted(title, owner.id(), due, GOOD_DONE)).expectStatus(201).json()
			.get("id").asString();
	}

	private RecordedRequest take() throws InterruptedException {
		var request = tracker.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request).as("a request to the tracker").isNotNull();
		return request;
	}

	/** Checks the signature as a receiver would, with the secret it was shown, independently of our signer. */
	private void assertSigned(RecordedRequest request, String secret) throws Exception {
		var id = request.getHeaders().get("webhook-id");
		var timestamp = request.getHeaders().get("webhook-timestamp");
		var body = request.getBody().toByteArray();
		assertThat(timestamp).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
		var mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		var expected = "v1," + Base64.getEncoder().encodeToString(
				mac.doFinal((id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
		assertThat(request.getHeaders().get("webhook-signature")).isEqualTo(expected);
		assertThat(StandardWebhooks.verify(secret, id, timestamp, body, request.getHeaders().get("webhook-signature"),
				clock.instant(), Duration.ofMinutes(5))).isTrue();
	}

}
