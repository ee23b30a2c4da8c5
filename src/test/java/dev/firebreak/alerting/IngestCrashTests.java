package dev.firebreak.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.json.JsonMapper;

import dev.firebreak.FirebreakProcess;
import dev.firebreak.TestDatabase;

/**
 * A 2xx means stored: Firebreak runs as a process of its own under a storm of Events v2 triggers
 * from 16 clients, is killed without warning (SIGKILL) in the middle of it, and every event it
 * answered 202 must be in the database it left behind — on H2's file and, in the PostgreSQL
 * execution, on PostgreSQL.
 */
@Tag("db")
class IngestCrashTests {

	private static final String ADMIN = "crash-admin@firebreak.test";

	private static final String PASSWORD = "crash admin password";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private FirebreakProcess firebreak;

	@TempDir
	Path dataDir;

	@AfterEach
	void stop() {
		if (firebreak != null) {
			firebreak.close();
		}
	}

	@Test
	void everyEventAnswered202SurvivesAKillMidStorm() throws Exception {
		var database = database();
		var log = Path.of("target", "crash-test-" + (TestDatabase.isPostgres() ? "postgres" : "h2") + ".log");
		var settings = new HashMap<String, String>(database);
		settings.put("firebreak.data-dir", dataDir.toString());
		settings.put("firebreak.admin.email", ADMIN);
		settings.put("firebreak.admin.password", PASSWORD);
		settings.put("firebreak.ingest.default-rate-per-second", "1000000");
		firebreak = FirebreakProcess.start(settings, log);
		var base = firebreak.base();
		firebreak.awaitHealthy(Duration.ofSeconds(120));

		var token = json.readTree(post(base + "/api/v1/auth/token", null,
				"{\"email\": \"" + ADMIN + "\", \"password\": \"" + PASSWORD + "\"}").body()).get("token").asString();
		var service = json.readTree(post(base + "/api/v1/services", token, "{\"name\": \"crash\"}").body()).get("id")
			.asString();
		var routingKey = json.readTree(post(base + "/api/v1/services/" + service + "/integrations", token,
				"{\"type\": \"events_v2\", \"name\": \"storm\"}").body()).get("routing_key").asString();

		// each client sends new keys and repeats of its own earlier ones; a key's 202s are counted
		var accepted = new ConcurrentHashMap<String, AtomicInteger>();
		var answered = new AtomicLong();
		var clients = Executors.newFixedThreadPool(16);
		var killed = new AtomicBoolean();
		try {
			for (var c = 0; c < 16; c++) {
				var client = c;
				clients.submit(() -> {
					for (var n = 0; !killed.get(); n++) {
						var dedupKey = "client-" + client + "-" + (n % 3 == 2 ? n - 1 : n);
						var body = "{\"routing_key\": \"" + routingKey + "\", \"event_action\": \"trigger\", \"dedup_key\": \""
								+ dedupKey + "\", \"payload\": {\"summary\": \"storm " + dedupKey
								+ "\", \"source\": \"crash-test\", \"severity\": \"warning\"}}";
						try {
							var response = http.send(HttpRequest.newBuilder(URI.create(base + "/v2/enqueue"))
								.timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
								.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
							if (response.statusCode() == 202) {
								accepted.computeIfAbsent(dedupKey, k -> new AtomicInteger()).incrementAndGet();
								answered.incrementAndGet();
							}
						}
						catch (IOException | InterruptedException gone) {
							return null;
						}
					}
					return null;
				});
			}
			var deadline = Instant.now().plusSeconds(60);
			while (answered.get() < 1500 && Instant.now().isBefore(deadline) && firebreak.isAlive()) {
				Thread.sleep(20);
			}
			// mid-storm: the clients are still sending when the process dies
			firebreak.kill();
			killed.set(true);
		}
		finally {
			clients.shutdown();
			clients.awaitTermination(30, TimeUnit.SECONDS);
		}
		assertThat(answered.get()).as("events answered 202 before the kill (see %s)", log).isGreaterThanOrEqualTo(1500);

		Map<String, Integer> stored = new HashMap<>();
		try (var connection = connect(database);
				var statement = connection.createStatement();
				var rows = statement.executeQuery("select dedup_key, occurrences from alert")) {
			while (rows.next()) {
				stored.merge(rows.getString(1), rows.getInt(2), Integer::sum);
			}
		}
		var lost = accepted.entrySet().stream()
			.filter(entry -> stored.getOrDefault(entry.getKey(), 0) < entry.getValue().get())
			.collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().get() + " accepted, "
					+ stored.getOrDefault(entry.getKey(), 0) + " stored"));
		assertThat(lost).as("events answered 202 but not in the database, of %s answered", answered.get()).isEmpty();
	}

	/** H2 in its default file under the data directory (the settings of application.yml), or a new PostgreSQL database. */
	private Map<String, String> database() {
		if (TestDatabase.isPostgres()) {
			var fresh = TestDatabase.freshPostgres("crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
			var settings = new HashMap<String, String>();
			fresh.forEach((key, value) -> settings.put(key, value.toString()));
			return settings;
		}
		return Map.of();
	}

	private Connection connect(Map<String, String> database) throws SQLException {
		if (database.isEmpty()) {
			return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("firebreak")
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
		}
		return DriverManager.getConnection(database.get("spring.datasource.url"),
				database.get("spring.datasource.username"), database.get("spring.datasource.password"));
	}

	private HttpResponse<String> post(String uri, String token, String body) throws Exception {
		var request = HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("POST %s: %s", uri, response.body()).isBetween(200, 299);
		return response;
	}
}
