package dev.firebreak;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.json.JsonMapper;

/**
 * Paging across a cluster: two instances of Firebreak on one PostgreSQL, sharing one simulated
 * clock and nothing else, each polling the durable timers as in production. A page is sent once
 * however many instances could send it, and the next level of an escalation is paged once, by
 * the instance still alive, when the instance that set its timer is gone. Runs in the PostgreSQL
 * execution only (tag {@code cluster}).
 */
@Tag("cluster")
class PagingClusterTests {

	private static final String ADMIN = "paging-cluster-admin@firebreak.test";

	private static final String PASSWORD = "paging cluster admin password";

	private static final Pattern CODE = Pattern.compile("verification code is (\\d{6})");

	private static final MovingClock clock = new MovingClock();

	private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	@BeforeAll
	static void twoInstancesOnOneDatabase() throws Exception {
		var properties = TestDatabase.clusterInstance("paging", ADMIN, PASSWORD);
		properties.put("firebreak.timers.poll-every", "PT0.2S");
		var arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
		// one after the other: the first creates the schema, so the second does not race it here
		for (var i = 0; i < 2; i++) {
			instances.add(new SpringApplicationBuilder(Firebreak.class)
				.initializers(context -> context.getBeanFactory().registerSingleton("sharedTestClock", clock))
				.run(arguments));
		}
	}

	@AfterAll
	static void stop() {
		instances.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void eachPageIsSentOnceAndTheNextLevelIsPagedOnceAfterTheInstanceThatSetItsTimerIsGone() throws Exception {
		var first = instances.get(0);
		var second = instances.get(1);
		var admin = token(first, ADMIN, PASSWORD);
		var alice = reachableByWebhook(first, admin, "alice");
		var bob = reachableByWebhook(second, admin, "bob");
		var service = id(post(first, "/api/v1/services", admin, "{\"name\": \"cluster-checkout-%s\"}".formatted(UUID.randomUUID())));
		post(second, "/api/v1/escalation-policies", admin, """
				{"name": "cluster-policy-%s", "levels": [
				  {"delay": "PT1M", "targets": [{"type": "person", "id": "%s"}]},
				  {"delay": "PT1M", "targets": [{"type": "person", "id": "%s"}]}],
				 "service_ids": ["%s"]}""".formatted(UUID.randomUUID(), alice.id(), bob.id(), service));

		// six incidents declared at once, half on each instance: alice hears of each exactly once
		var declared = new ArrayList<String>();
		var pool = Executors.newFixedThreadPool(6);
		try {
			var futures = new ArrayList<java.util.concurrent.Future<String>>();
			for (var i = 0; i < 6; i++) {
				var instance = instances.get(i % 2);
				futures.add(pool.submit(() -> json.readTree(post(instance, "/api/v1/incidents", admin, """
						{"title": "Cluster outage", "severity": "SEV1", "affected_service_ids": ["%s"]}""".formatted(service)))
					.get("id").asString()));
			}
			for (var future : futures) {
				declared.add(future.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		Awaitility.await("alice paged about every incident").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
			.until(() -> declared.stream().allMatch(id -> mentions(pages(alice), id) >= 1));
		settleFor(Duration.ofSeconds(2));
		for (var id : declared) {
			assertThat(mentions(pages(alice), id)).as("pages to alice about %s", id).isEqualTo(1);
		}
		assertThat(pages(bob)).isEmpty();

		// the first instance set level 2's timers (or the second did: both took part); close the first
		first.close();
		clock.advance(Duration.ofMinutes(1));

		Awaitility.await("bob paged about every incident by the instance still running").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> declared.stream().allMatch(id -> mentions(pages(bob), id) >= 1));
		settleFor(Duration.ofSeconds(2));
		for (var id : declared) {
			assertThat(mentions(pages(bob), id)).as("pages to bob about %s", id).isEqualTo(1);
			assertThat(mentions(pages(alice), id)).as("alice is not paged again about %s", id).isEqualTo(1);
		}
		var escalations = json.readTree(get(second, "/api/v1/incidents/" + declared.get(0) + "/escalations", admin))
			.get("items").get(0);
		assertThat(escalations.get("level").asInt()).isEqualTo(1);
	}

	/** A person whose one contact method is a push webhook on the fake providers, verified, paged at once. */
	private static Reachable reachableByWebhook(ConfigurableApplicationContext instance, String admin, String name) throws Exception {
		var email = name + "-" + UUID.randomUUID() + "@firebreak.test";
		var password = "password-" + UUID.randomUUID();
		var account = id(post(instance, "/api/v1/accounts", admin, """
				{"email": "%s", "display_name": "%s", "role": "responder", "password": "%s"}""".formatted(email, name, password)));
		var token = token(instance, email, password);
		var hook = name + "-" + UUID.randomUUID();
		var method = id(post(instance, "/api/v1/accounts/me/contact-methods", token,
				"{\"type\": \"webhook\", \"address\": \"%s\"}".formatted(FakeProviders.webhookUrl(hook))));
		var code = FakeProviders.postsTo(hook).stream().map(r -> CODE.matcher(r.body())).filter(m -> m.find())
			.map(m -> m.group(1)).findFirst().orElseThrow();
		post(instance, "/api/v1/accounts/me/contact-methods/" + method + "/verify", token, "{\"code\": \"%s\"}".formatted(code));
		post(instance, "/api/v1/accounts/me/notification-rules", token,
				"{\"urgency\": \"high\", \"contact_method_id\": \"%s\", \"delay_minutes\": 0}".formatted(method));
		return new Reachable(UUID.fromString(account), hook);
	}

	/** The pages (not the verification code) posted to the person's webhook. */
	private static List<String> pages(Reachable person) {
		return FakeProviders.postsTo(person.hook()).stream().map(FakeProviders.Request::body)
			.filter(body -> !CODE.matcher(body).find()).toList();
	}

	private static long mentions(List<String> pages, String incident) {
		var exactly = Pattern.compile(Pattern.quote(incident) + "(?!\\d)");
		return pages.stream().filter(page -> exactly.matcher(page).find()).count();
	}

	/** Lets the instances go on for a while, so that a duplicate would have time to arrive. */
	private static void settleFor(Duration duration) throws InterruptedException {
		Thread.sleep(duration.toMillis());
	}

	private record Reachable(UUID id, String hook) {
	}

	/**
	 * Real time, which a test may move ahead: the timers' pollers wait by their clock, so a clock
	 * that stood still would never let them poll again, while "a minute passes" must not take a minute.
	 */
	static final class MovingClock extends java.time.Clock {

		private volatile Duration ahead = Duration.ZERO;

		void advance(Duration duration) {
			ahead = ahead.plus(duration);
		}

		@Override
		public java.time.Instant instant() {
			return java.time.Clock.systemUTC().instant().plus(ahead).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		}

		@Override
		public java.time.ZoneId getZone() {
			return java.time.ZoneOffset.UTC;
		}

		@Override
		public java.time.Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	}

	private static String token(ConfigurableApplicationContext instance, String email, String password) throws Exception {
		return json.readTree(post(instance, "/api/v1/auth/token", null,
				"{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}")).get("token").asString();
	}

	private static String id(String body) {
		return json.readTree(body).get("id").asString();
	}

	private static String get(ConfigurableApplicationContext instance, String path, String token) throws Exception {
		var response = http.send(HttpRequest.newBuilder(uri(instance, path)).header("Authorization", "Bearer " + token).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
		return response.body();
	}

	private static String post(ConfigurableApplicationContext instance, String path, String token, String body) throws Exception {
		var request = HttpRequest.newBuilder(uri(instance, path)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isBetween(200, 201);
		return response.body();
	}

	private static URI uri(ConfigurableApplicationContext instance, String path) {
		var port = ((WebServerApplicationContext) instance).getWebServer().getPort();
		return URI.create("http://localhost:" + port + path);
	}
}
