package dev.firebreak;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.github.kagkarlsson.scheduler.Scheduler;

import tools.jackson.databind.json.JsonMapper;

/**
 * Paging survives the instance doing it being killed: instance A runs as a process of its own and
 * instance B beside it on one PostgreSQL; A is killed (SIGKILL) while it holds the durable timers
 * of a page being sent (its receiver does not answer) and of an escalation's next level being paged
 * (the test holds that escalation's row lock), and while it has set, and nobody has picked up,
 * another escalation's next level. B takes over A's timers once A's heartbeats stop, and every
 * person is paged exactly once about every incident: each next level once, by B, and the page A
 * was sending not again. Levels wait at least a minute, so the test makes a level's timer due by
 * moving its time in db-scheduler's table ("five minutes pass") rather than waiting. Runs in the
 * PostgreSQL execution only (tag {@code cluster}).
 */
@Tag("cluster")
class PagingCrashTests {

	private static final String ADMIN = "paging-crash-admin@firebreak.test";

	private static final String PASSWORD = "paging crash admin password";

	private static final Pattern CODE = Pattern.compile("verification code is (\\d{6})");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private FirebreakProcess a;

	private CompletableFuture<ConfigurableApplicationContext> startingB;

	private PushWebhooks receiver;

	private Connection holder;

	@AfterEach
	void stop() throws Exception {
		if (a != null) {
			a.close();
		}
		if (holder != null) {
			holder.close();
		}
		if (startingB != null) {
			try {
				startingB.get(2, TimeUnit.MINUTES).close();
			}
			catch (ExecutionException failedToStart) {
				// nothing to stop; the test has failed on it already
			}
		}
		if (receiver != null) {
			receiver.close();
		}
	}

	@Test
	void theNextLevelIsPagedOnceAndNoPageTwiceWhenTheInstanceHoldingTheTimersIsKilled() throws Exception {
		receiver = new PushWebhooks();
		var settings = TestDatabase.clusterInstance("paging_crash", ADMIN, PASSWORD);
		settings.put("firebreak.timers.poll-every", "PT0.2S");
		// dead after six missed beats: 3 s, not half a minute
		settings.put("firebreak.timers.heartbeat", "PT0.5S");
		// the page held at the receiver must still be in flight when A dies, not a timed-out attempt sent again
		settings.put("firebreak.notification.webhook.read-timeout", "PT2M");
		// A lives for seconds: a quick start (no optimising compiler, one GC thread) matters more than its peak speed
		a = FirebreakProcess.start(settings, Path.of("target", "paging-crash-a.log"), "-XX:TieredStopAtLevel=1",
				"-XX:+UseSerialGC");
		// both start at once, as a cluster's instances may; B's timers wait (paused) until A is gone, so that
		// what A is to hold when it dies is certainly A's
		var arguments = settings.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
		startingB = CompletableFuture.supplyAsync(() -> new SpringApplicationBuilder(Firebreak.class).run(arguments));
		a.awaitHealthy(Duration.ofSeconds(120));
		var b = startingB.get(2, TimeUnit.MINUTES);
		var timersOfB = b.getBean(Scheduler.class);
		timersOfB.pause();
		var onA = a.base();
		var onB = "http://127.0.0.1:" + ((WebServerApplicationContext) b).getWebServer().getPort();

		var admin = token(onA, ADMIN, PASSWORD);
		var alice = reachableByWebhook(onA, admin, "alice");
		var bob = reachableByWebhook(onA, admin, "bob");
		var held = service(onA, admin, "crash-held");
		var waiting = service(onA, admin, "crash-waiting");
		// the shortest level delay a policy takes is a minute; the test brings the timers forward instead of waiting
		post(onA, "/api/v1/escalation-policies", admin, """
				{"name": "crash-policy-%s", "levels": [
				  {"delay": "PT5M", "targets": [{"type": "person", "id": "%s"}]},
				  {"delay": "PT5M", "targets": [{"type": "person", "id": "%s"}]}],
				 "service_ids": ["%s", "%s"]}""".formatted(UUID.randomUUID(), alice.id(), bob.id(), held.id(), waiting.id()));

		try (var db = connect(settings)) {
			// (a) an incident whose next level A scheduled and nobody has picked up when A dies
			var waitingIncident = alertOpensIncident(onA, admin, waiting);
			await("alice paged about " + waitingIncident).until(() -> receiver.pagesTo(alice.hook(), waitingIncident).size() == 1);
			var waitingLevel = levelTimer(onA, admin, waitingIncident);

			// (b) an incident whose page A is sending (the receiver does not answer) ...
			receiver.holdNextPageTo(alice.hook());
			var heldIncident = alertOpensIncident(onA, admin, held);
			await("A sending alice's page about " + heldIncident).until(() -> receiver.holding() != null);
			var sendingTimers = new ArrayList<String>();
			try (var sending = db.createStatement().executeQuery(
					"select task_instance from scheduled_tasks where task_name = 'notification-send' and picked")) {
				while (sending.next()) {
					sendingTimers.add(sending.getString(1));
				}
			}
			assertThat(sendingTimers).as("A's timer of the page it is sending").hasSize(1);
			// ... and whose next level A has picked up and is paging (held on the escalation's row lock)
			var heldLevel = levelTimer(onA, admin, heldIncident);
			holder = connect(settings);
			holder.setAutoCommit(false);
			try (var lock = holder.prepareStatement("select id from escalation where id = ? for update")) {
				lock.setObject(1, UUID.fromString(heldLevel.substring(0, heldLevel.indexOf(':'))));
				assertThat(lock.executeQuery().next()).isTrue();
			}
			bringForward(db, heldLevel);
			await("A running the level timer of " + heldIncident).until(() -> picked(db, heldLevel) && waitingOnALock(db) > 0);

			// A dies without warning while it holds both, and only then is the escalation free again
			assertThat(picked(db, waitingLevel)).as("the level timer of %s picked up", waitingIncident).isFalse();
			assertThat(a.isAlive()).as("A still running when killed; see %s", a.log()).isTrue();
			a.kill();
			timersOfB.resume();
			holder.rollback();
			receiver.release();
			bringForward(db, waitingLevel);

			await("B took over A's timers and paged bob about both incidents").until(() -> !exists(db, heldLevel)
					&& !exists(db, waitingLevel) && !exists(db, sendingTimers.get(0))
					&& receiver.pagesTo(bob.hook(), heldIncident).size() >= 1 && receiver.pagesTo(bob.hook(), waitingIncident).size() >= 1);
			// the escalations moved once each: to level 2 (index 1), where a new timer waits for it
			for (var incident : List.of(heldIncident, waitingIncident)) {
				await(incident + " at level 2").until(() -> escalation(onB, admin, incident).get("level").asInt() == 1);
			}

			for (var incident : List.of(heldIncident, waitingIncident)) {
				assertThat(receiver.pagesTo(alice.hook(), incident)).as("pages to alice about %s", incident).hasSize(1);
				assertThat(receiver.pagesTo(bob.hook(), incident)).as("pages to bob about %s", incident).hasSize(1);
				var escalation = escalation(onB, admin, incident);
				assertThat(escalation.get("cycle").asInt()).isZero();
				assertThat(escalation.get("status").asString()).isEqualTo("active");
			}
			var ids = receiver.all().stream().map(PushWebhooks.Received::webhookId).toList();
			assertThat(ids).as("webhook-ids of everything received").doesNotContainNull().doesNotHaveDuplicates();
		}
	}

	/** Triggers a critical alert on the service's integration (on instance A) and waits for the incident it opens. */
	private static String alertOpensIncident(String base, String admin, Service service) throws Exception {
		var response = http.send(HttpRequest.newBuilder(URI.create(base + "/v2/enqueue"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"routing_key": "%s", "event_action": "trigger", "dedup_key": "crash-%s",
					 "payload": {"summary": "Checkout down", "source": "crash-test", "severity": "critical"}}"""
				.formatted(service.routingKey(), UUID.randomUUID())))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("trigger: %s", response.body()).isEqualTo(202);
		var incident = new AtomicReference<String>();
		await("an incident on " + service.id()).until(() -> {
			var items = json.readTree(get(base, "/api/v1/incidents?service=" + service.id(), admin)).get("items");
			if (items.isEmpty()) {
				return false;
			}
			incident.set(items.get(0).get("id").asString());
			return true;
		});
		return incident.get();
	}

	/** The id of the durable timer of the incident's escalation's first level, once it is set. */
	private static String levelTimer(String base, String admin, String incident) throws Exception {
		await("the escalation of " + incident).until(() -> {
			var items = json.readTree(get(base, "/api/v1/incidents/" + incident + "/escalations", admin)).get("items");
			return items.size() == 1 && !items.get(0).get("next_at").isNull();
		});
		return escalation(base, admin, incident).get("id").asString() + ":c0:l0";
	}

	private static tools.jackson.databind.JsonNode escalation(String base, String admin, String incident) throws Exception {
		var items = json.readTree(get(base, "/api/v1/incidents/" + incident + "/escalations", admin)).get("items");
		assertThat(items.size()).as("escalations of %s", incident).isEqualTo(1);
		return items.get(0);
	}

	/** "Five minutes pass" for one timer: it is due now. */
	private static void bringForward(Connection db, String levelTimer) throws SQLException {
		try (var update = db.prepareStatement(
				"update scheduled_tasks set execution_time = ? where task_name = 'escalation-level-due' and task_instance = ?")) {
			update.setTimestamp(1, Timestamp.from(Instant.now()));
			update.setString(2, levelTimer);
			assertThat(update.executeUpdate()).as("the timer %s", levelTimer).isEqualTo(1);
		}
	}

	private static boolean picked(Connection db, String instance) throws SQLException {
		try (var query = db.prepareStatement("select picked from scheduled_tasks where task_instance = ?")) {
			query.setString(1, instance);
			var rows = query.executeQuery();
			return rows.next() && rows.getBoolean(1);
		}
	}

	private static boolean exists(Connection db, String instance) throws SQLException {
		try (var query = db.prepareStatement("select 1 from scheduled_tasks where task_instance = ?")) {
			query.setString(1, instance);
			return query.executeQuery().next();
		}
	}

	private static int waitingOnALock(Connection db) throws SQLException {
		try (var rows = db.createStatement().executeQuery("select count(*) from pg_stat_activity"
				+ " where datname = current_database() and wait_event_type = 'Lock'")) {
			rows.next();
			return rows.getInt(1);
		}
	}

	private static Connection connect(Map<String, Object> settings) throws SQLException {
		return DriverManager.getConnection(settings.get("spring.datasource.url").toString(),
				settings.get("spring.datasource.username").toString(), settings.get("spring.datasource.password").toString());
	}

	private static ConditionFactory await(String what) {
		return Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100));
	}

	/** A person whose one contact method is a push webhook on the receiver, verified, paged at once. */
	private Person reachableByWebhook(String base, String admin, String name) throws Exception {
		var email = name + "-" + UUID.randomUUID() + "@firebreak.test";
		var password = "password-" + UUID.randomUUID();
		var account = id(post(base, "/api/v1/accounts", admin, """
				{"email": "%s", "display_name": "%s", "role": "responder", "password": "%s"}""".formatted(email, name, password)));
		var token = token(base, email, password);
		var person = new Person(UUID.fromString(account), name + "-" + UUID.randomUUID());
		var method = id(post(base, "/api/v1/accounts/me/contact-methods", token,
				"{\"type\": \"webhook\", \"address\": \"%s\"}".formatted(receiver.url(person.hook()))));
		var code = await("the verification code to " + name).until(() -> receiver.to(person.hook()).stream()
			.map(r -> CODE.matcher(r.body())).filter(m -> m.find()).map(m -> m.group(1)).findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
		post(base, "/api/v1/accounts/me/contact-methods/" + method + "/verify", token, "{\"code\": \"%s\"}".formatted(code));
		post(base, "/api/v1/accounts/me/notification-rules", token,
				"{\"urgency\": \"high\", \"contact_method_id\": \"%s\", \"delay_minutes\": 0}".formatted(method));
		return person;
	}

	private static Service service(String base, String admin, String name) throws Exception {
		var service = id(post(base, "/api/v1/services", admin, "{\"name\": \"%s-%s\"}".formatted(name, UUID.randomUUID())));
		var routingKey = json.readTree(post(base, "/api/v1/services/" + service + "/integrations", admin,
				"{\"type\": \"events_v2\", \"name\": \"monitoring\"}")).get("routing_key").asString();
		return new Service(service, routingKey);
	}

	private static String token(String base, String email, String password) throws Exception {
		return json.readTree(post(base, "/api/v1/auth/token", null,
				"{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}")).get("token").asString();
	}

	private static String id(String body) {
		return json.readTree(body).get("id").asString();
	}

	private static String get(String base, String path, String token) throws Exception {
		var response = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
		return response.body();
	}

	private static String post(String base, String path, String token, String body) throws Exception {
		var request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isBetween(200, 201);
		return response.body();
	}

	private record Person(UUID id, String hook) {
	}

	private record Service(String id, String routingKey) {
	}

	private record Received(String hook, String webhookId, String body) {
	}
}
