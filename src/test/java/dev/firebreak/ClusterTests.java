package dev.firebreak;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of Firebreak against one new PostgreSQL database, started at the same moment, as
 * a cluster behind a load balancer would be: they share everything through the database and
 * nothing else. Runs in the PostgreSQL execution only (tag {@code cluster}).
 */
@Tag("cluster")
class ClusterTests {

	private static final String ADMIN = "cluster-admin@firebreak.test";

	private static final String PASSWORD = "cluster admin password";

	private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	@BeforeAll
	static void startTwoInstancesAtOnce() throws Exception {
		var properties = TestDatabase.clusterInstance("cluster", ADMIN, PASSWORD);
		var start = new CountDownLatch(1);
		var executor = Executors.newFixedThreadPool(2);
		try {
			var starts = new ArrayList<Callable<ConfigurableApplicationContext>>();
			for (var i = 0; i < 2; i++) {
				starts.add(() -> {
					start.await();
					// as arguments, which outrank application.yml (builder properties are only defaults)
					return new SpringApplicationBuilder(Firebreak.class).run(properties.entrySet().stream()
						.map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
				});
			}
			var futures = starts.stream().map(executor::submit).toList();
			start.countDown();
			for (var future : futures) {
				instances.add(future.get());
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	@AfterAll
	static void stop() {
		instances.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void bothStartedOnOneSchemaWithOneFirstAdministrator() {
		var database = instances.get(0).getBean(JdbcClient.class);
		assertThat(database.sql("select count(*) from identity_account").query(Long.class).single()).isEqualTo(1);
		assertThat(database.sql("select count(*) from flyway_schema_history where success = false").query(Long.class)
			.single()).isZero();
		for (var instance : instances) {
			assertThat(get(instance, "/actuator/health", null).body()).contains("\"UP\"");
		}
	}

	@Test
	void aTokenFromOneInstanceWorksOnTheOtherAndTheSameMoveWinsOnce() throws Exception {
		var token = token(instances.get(0));
		var declared = post(instances.get(1), "/api/v1/incidents", token, "{\"title\": \"Seen by both\", \"severity\": \"SEV2\"}");
		assertThat(declared.statusCode()).isEqualTo(201);
		var id = json.readTree(declared.body()).get("id").asString();

		var start = new CountDownLatch(1);
		var executor = Executors.newFixedThreadPool(2);
		try {
			var moves = instances.stream().map(instance -> executor.submit(() -> {
				start.await();
				return post(instance, "/api/v1/incidents/" + id + "/resolution", token, Api.RESOLVED_OVER_THE_GATE).statusCode();
			})).toList();
			start.countDown();
			for (var move : moves) {
				assertThat(move.get()).isEqualTo(200);
			}
		}
		finally {
			executor.shutdownNow();
		}
		var timeline = json.readTree(get(instances.get(0), "/api/v1/incidents/" + id + "/timeline", token).body());
		assertThat(timeline.values()).filteredOn(entry -> entry.get("kind").asString().equals("status_changed")).hasSize(1);
	}

	@Test
	void aBrowserSignedInOnOneInstanceIsSignedInOnTheOther() throws Exception {
		var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		var loginPage = browser.send(HttpRequest.newBuilder(uri(instances.get(0), "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.body());
		assertThat(csrf.find()).isTrue();
		var form = "username=" + encode(ADMIN) + "&password=" + encode(PASSWORD) + "&_csrf=" + encode(csrf.group(1));
		var signedIn = browser.send(HttpRequest.newBuilder(uri(instances.get(0), "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

		var onTheOther = browser.send(HttpRequest.newBuilder(uri(instances.get(1), "/")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(onTheOther.statusCode()).isEqualTo(200);
		assertThat(onTheOther.body().toLowerCase(Locale.ROOT)).contains("sign out").doesNotContain("name=\"password\"");
	}

	private static String token(ConfigurableApplicationContext instance) throws Exception {
		var response = post(instance, "/api/v1/auth/token", null,
				"{\"email\": \"" + ADMIN + "\", \"password\": \"" + PASSWORD + "\"}");
		assertThat(response.statusCode()).isEqualTo(201);
		return json.readTree(response.body()).get("token").asString();
	}

	private static HttpResponse<String> get(ConfigurableApplicationContext instance, String path, String token) {
		var request = HttpRequest.newBuilder(uri(instance, path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build());
	}

	private static HttpResponse<String> post(ConfigurableApplicationContext instance, String path, String token,
			String body) {
		var request = HttpRequest.newBuilder(uri(instance, path)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build());
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception e) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
		}
	}

	private static URI uri(ConfigurableApplicationContext instance, String path) {
		var port = ((WebServerApplicationContext) instance).getWebServer().getPort();
		return URI.create("http://localhost:" + port + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
