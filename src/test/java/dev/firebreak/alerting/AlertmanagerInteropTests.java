package dev.firebreak.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.firebreak.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * Firebreak against a real Prometheus Alertmanager 0.25 (Debian's {@code prometheus-alertmanager}),
 * started on loopback with short timers. Alerts posted to Alertmanager's own API reach Firebreak
 * through its two receivers as Alertmanager sends them: {@code webhook_config} to
 * {@code /integrations/alertmanager/{key}} and {@code pagerduty_config} to {@code /v2/enqueue}.
 *
 * <p>Firebreak's clock stays the tests' fixed clock (first and last seen come from it);
 * Alertmanager runs on the real one, so the times posted to it come from {@link #REAL_TIME}.
 */
@Tag("interop")
class AlertmanagerInteropTests extends ApiTest {

	private static final File ALERTMANAGER = new File("/usr/bin/prometheus-alertmanager");

	/** Alertmanager's timers are real: group_wait and group_interval of 1 s keep this well inside it. */
	private static final Duration PATIENCE = Duration.ofSeconds(30);

	/** Alertmanager runs on the wall clock; the alerts posted to it carry times from it. */
	private static final Clock REAL_TIME = Clock.systemUTC();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static Process alertmanager;

	private static Path workDir;

	private static String alertmanagerUrl;

	/** The services and integrations Alertmanager's configuration points at, made once for the class. */
	private static Setup setup;

	@LocalServerPort
	int port;

	/** When a test fails, Alertmanager's own log says what it sent and what it was answered. */
	@RegisterExtension
	static final TestWatcher PRINT_ALERTMANAGER_LOG = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			if (workDir == null || !Files.exists(workDir.resolve("alertmanager.log"))) {
				return;
			}
			try {
				System.err.println("---- Alertmanager log (" + context.getDisplayName() + ") ----");
				System.err.println(Files.readString(workDir.resolve("alertmanager.log")));
				System.err.println("---- end of Alertmanager log ----");
			}
			catch (IOException e) {
				System.err.println("Could not read the Alertmanager log: " + e);
			}
		}
	};

	private record Setup(String webhookService, String webhookIntegration, String pdService, String pdIntegration) {
	}

	@BeforeEach
	void alertmanagerPointedAtFirebreak() throws Exception {
		requireAlertmanager();
		if (setup != null) {
			return;
		}
		var admin = adminToken();
		var webhookService = service(admin, "alertmanager-webhook");
		var webhook = integration(admin, webhookService, "alertmanager");
		var pdService = service(admin, "alertmanager-pagerduty");
		var pd = integration(admin, pdService, "events_v2");

		if (workDir == null) {
			workDir = Files.createTempDirectory("firebreak-alertmanager");
		}
		var amPort = freePort();
		alertmanagerUrl = "http://127.0.0.1:" + amPort;
		var config = workDir.resolve("alertmanager.yml");
		Files.writeString(config, """
				global:
				  resolve_timeout: 5m
				route:
				  receiver: webhook
				  group_by: ['alertname']
				  group_wait: 1s
				  group_interval: 1s
				  repeat_interval: 1h
				  routes:
				    - receiver: webhook
				      matchers: ['receiver="webhook"']
				    - receiver: pd
				      matchers: ['receiver="pd"']
				      # repeats come quickly here: each one must fold into the same Firebreak alert
				      repeat_interval: 2s
				receivers:
				  - name: webhook
				    webhook_configs:
				      - url: 'http://127.0.0.1:%1$d/integrations/alertmanager/%2$s'
				        send_resolved: true
				  - name: pd
				    pagerduty_configs:
				      - routing_key: '%3$s'
				        url: 'http://127.0.0.1:%1$d/v2/enqueue'
				        send_resolved: true
				        severity: '{{ .CommonLabels.severity }}'
				        source: '{{ .CommonLabels.job }}'
				        description: '{{ .CommonAnnotations.summary }}'
				""".formatted(port, webhook.get("routing_key").asString(), pd.get("routing_key").asString()));
		var log = workDir.resolve("alertmanager.log").toFile();
		alertmanager = new ProcessBuilder(ALERTMANAGER.getPath(), "--config.file=" + config,
				"--storage.path=" + workDir.resolve("data"), "--web.listen-address=127.0.0.1:" + amPort,
				"--cluster.listen-address=", "--log.level=debug")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log))
			.start();
		try {
			Awaitility.await("Alertmanager ready on " + alertmanagerUrl).atMost(PATIENCE)
				.pollInterval(Duration.ofMillis(100))
				.until(() -> {
					if (!alertmanager.isAlive()) {
						throw new IllegalStateException("Alertmanager exited with " + alertmanager.exitValue() + ":\n"
								+ Files.readString(log.toPath()));
					}
					return status("/-/ready") == 200;
				});
		}
		catch (RuntimeException e) {
			// the next test starts afresh; the watcher prints the log
			alertmanager.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			alertmanager = null;
			throw e;
		}
		setup = new Setup(webhookService, webhook.get("id").asString(), pdService, pd.get("id").asString());
	}

	@AfterAll
	static void stopAlertmanager() throws Exception {
		if (alertmanager != null) {
			alertmanager.destroy();
			if (!alertmanager.waitFor(10, TimeUnit.SECONDS)) {
				alertmanager.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
			alertmanager = null;
		}
		if (workDir != null) {
			try (Stream<Path> files = Files.walk(workDir)) {
				files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
			}
			workDir = null;
		}
		setup = null;
	}

	@Test
	void theWebhookReceiverMakesOneAlertPerFingerprintOpensAnIncidentAndResolvesIt() throws Exception {
		var startsAt = REAL_TIME.instant().minusSeconds(60);
		var critical = amAlert("InteropDiskFull", "webhook", "critical", "db-1", "summary", "Disk 95% full on db-1");
		var warning = amAlert("InteropDiskFull", "webhook", "warning", "db-2", "description", "Disk 80% full on db-2");
		var info = amAlert("InteropDiskFull", "webhook", "info", "db-3", "summary", "Disk 60% full on db-3");
		postToAlertmanager(startsAt, null, critical, warning, info);

		var fromFirebreak = awaitAlerts(setup.webhookIntegration(), list -> list.size() == 3);
		// Alertmanager's fingerprint of each alert, as its own API reports it
		var fingerprints = new HashMap<String, JsonNode>();
		for (var alert : alertmanagerAlerts("webhook")) {
			fingerprints.put(alert.get("fingerprint").asString(), alert);
		}
		assertThat(fingerprints).hasSize(3);
		for (var alert : fromFirebreak) {
			var key = alert.get("dedup_key").asString();
			assertThat(key).matches("[0-9a-f]{16}");
			assertThat(fingerprints).containsKey(key);
			var labels = fingerprints.get(key).get("labels");
			var annotations = fingerprints.get(key).get("annotations");
			assertThat(alert.get("severity").asString()).isEqualTo(labels.get("severity").asString());
			assertThat(alert.get("source").asString()).isEqualTo(labels.get("instance").asString());
			assertThat(alert.get("summary").asString())
				.isEqualTo(annotations.has("summary") ? annotations.get("summary").asString()
						: annotations.get("description").asString());
			assertThat(alert.get("status").asString()).isEqualTo("triggered");
			assertThat(alert.get("service_id").asString()).isEqualTo(setup.webhookService());
		}
		var criticalAlert = only(fromFirebreak, a -> a.get("severity").asString().equals("critical"));
		assertThat(criticalAlert.get("summary").asString()).isEqualTo("Disk 95% full on db-1");
		// what Alertmanager sent is kept with the alert, with the notification's receiver and group
		var stored = storedPayload(criticalAlert);
		assertThat(stored.get("fingerprint").asString()).isEqualTo(criticalAlert.get("dedup_key").asString());
		assertThat(stored.get("receiver").asString()).isEqualTo("webhook");
		assertThat(stored.get("groupKey").asString()).contains("alertname=\"InteropDiskFull\"");
		assertThat(stored.get("labels").get("instance").asString()).isEqualTo("db-1");

		// only the critical alert is high urgency: it opens a SEV2 incident that lists it alone
		var incident = awaitIncident(setup.webhookService(), i -> true);
		assertThat(incident.get("severity").asString()).isEqualTo("SEV2");
		assertThat(incident.get("source").asString()).isEqualTo("alert");
		assertThat(incident.get("status").asString()).isEqualTo("triage");
		assertThat(incident.get("title").asString()).isEqualTo("Disk 95% full on db-1");
		var id = incident.get("id").asString();
		var linked = api.get("/api/v1/incidents/" + id + "/alerts", adminToken()).expectStatus(200).json();
		assertThat(linked.values()).extracting(a -> a.get("id").asString())
			.containsExactly(criticalAlert.get("id").asString());

		// resolved in Alertmanager: resolved in Firebreak, and the incident the alerts opened is monitored
		postToAlertmanager(startsAt, REAL_TIME.instant().minusSeconds(1), critical, warning, info);
		var resolved = awaitAlerts(setup.webhookIntegration(),
				list -> list.stream().allMatch(a -> a.get("status").asString().equals("resolved")));
		assertThat(resolved).hasSize(3);
		assertThat(resolved).allSatisfy(a -> assertThat(a.get("resolved_at").isNull()).isFalse());
		var monitored = awaitIncident(setup.webhookService(), i -> i.get("status").asString().equals("monitoring"));
		assertThat(monitored.get("id").asString()).isEqualTo(id);
		assertThat(monitored.get("resolved_at").isNull()).as("a person confirms the resolution").isTrue();
	}

	@Test
	void thePagerdutyReceiverTriggersRepeatsIntoTheSameAlertAndResolves() throws Exception {
		var startsAt = REAL_TIME.instant().minusSeconds(60);
		var summary = "Queue backlog over 10000 on mq-1";
		var backlog = amAlert("InteropQueueBacklog", "pd", "warning", "mq-1", "summary", summary);
		postToAlertmanager(startsAt, null, backlog);

		// repeat_interval 2s: Alertmanager sends the trigger again with the same dedup key
		var repeated = withSummary(awaitAlerts(setup.pdIntegration(),
				list -> withSummary(list, summary).stream().anyMatch(a -> a.get("occurrences").asInt() > 1)), summary);
		assertThat(repeated).as("one alert per Alertmanager group, however often it repeats").hasSize(1);
		var alert = repeated.get(0);
		assertThat(alert.get("dedup_key").asString()).matches("[0-9a-f]{64}");
		assertThat(alert.get("status").asString()).isEqualTo("triggered");
		assertThat(alert.get("severity").asString()).isEqualTo("warning");
		assertThat(alert.get("source").asString()).isEqualTo("queue");
		assertThat(alert.get("service_id").asString()).isEqualTo(setup.pdService());
		var stored = storedPayload(alert);
		assertThat(stored.get("event_action").asString()).isEqualTo("trigger");
		assertThat(stored.get("dedup_key").asString()).isEqualTo(alert.get("dedup_key").asString());
		assertThat(stored.has("routing_key")).as("the credential is not stored").isFalse();
		assertThat(stored.get("payload").get("custom_details").get("num_firing").asString()).isEqualTo("1");

		postToAlertmanager(startsAt, REAL_TIME.instant().minusSeconds(1), backlog);
		var resolved = withSummary(awaitAlerts(setup.pdIntegration(),
				list -> withSummary(list, summary).stream().allMatch(a -> a.get("status").asString().equals("resolved"))),
				summary);
		assertThat(resolved).hasSize(1);
		assertThat(resolved.get(0).get("id").asString()).isEqualTo(alert.get("id").asString());
		assertThat(resolved.get(0).get("occurrences").asInt()).isGreaterThan(1);
		assertThat(resolved.get(0).get("resolved_at").isNull()).isFalse();
	}

	/**
	 * {@code severity: '{{ .CommonLabels.severity }}'} renders empty when the alerts of a group
	 * disagree on severity. Alertmanager sends that as it is and takes a 400 as final: the page
	 * would be lost, so Firebreak reads it as error, like any severity outside the four.
	 */
	@Test
	void aGroupWhoseAlertsDisagreeOnSeverityStillPagesAsError() throws Exception {
		// starting now, not in the past: Alertmanager flushes a group at once when its first alert
		// started longer than group_wait ago, which may be before the second alert joins it
		var startsAt = REAL_TIME.instant();
		var summary = "Consumers lagging on the orders queue";
		var lagging = amAlert("InteropConsumerLag", "pd", "critical", "mq-2", "summary", summary);
		var slow = amAlert("InteropConsumerLag", "pd", "info", "mq-3", "summary", summary);
		postToAlertmanager(startsAt, null, lagging, slow);

		var alerts = withSummary(awaitAlerts(setup.pdIntegration(), list -> !withSummary(list, summary).isEmpty()),
				summary);
		assertThat(alerts).as("one alert for the group of two").hasSize(1);
		var alert = alerts.get(0);
		assertThat(alert.get("severity").asString()).isEqualTo("error");
		var sent = storedPayload(alert).get("payload");
		assertThat(sent.get("severity").asString()).as("what Alertmanager sent is kept").isEmpty();
		assertThat(sent.get("custom_details").get("num_firing").asString()).isEqualTo("2");

		// error is high urgency: a SEV3 incident opens for the service, listing the alert
		var incident = awaitIncident(setup.pdService(), i -> true);
		assertThat(incident.get("severity").asString()).isEqualTo("SEV3");
		assertThat(incident.get("title").asString()).isEqualTo(summary);
		var linked = api.get("/api/v1/incidents/" + incident.get("id").asString() + "/alerts", adminToken())
			.expectStatus(200).json();
		assertThat(linked.values()).extracting(a -> a.get("id").asString()).containsExactly(alert.get("id").asString());

		postToAlertmanager(startsAt, REAL_TIME.instant(), lagging, slow);
		awaitAlerts(setup.pdIntegration(),
				list -> withSummary(list, summary).stream().allMatch(a -> a.get("status").asString().equals("resolved")));
		assertThat(awaitIncident(setup.pdService(), i -> i.get("status").asString().equals("monitoring")).get("id")
			.asString()).isEqualTo(incident.get("id").asString());
	}

	// ---- Alertmanager ----

	private record AmAlert(Map<String, String> labels, Map<String, String> annotations) {
	}

	private static AmAlert amAlert(String name, String receiver, String severity, String instance, String annotation,
			String text) {
		return new AmAlert(Map.of("alertname", name, "receiver", receiver, "severity", severity, "instance", instance,
				"job", "pd".equals(receiver) ? "queue" : "node"),
				Map.of(annotation, text));
	}

	/** {@code POST /api/v2/alerts}; an {@code endsAt} in the past resolves the alerts. */
	private void postToAlertmanager(Instant startsAt, Instant endsAt, AmAlert... alerts) throws Exception {
		var body = json.createArrayNode();
		for (var alert : alerts) {
			var node = body.addObject();
			var labels = node.putObject("labels");
			alert.labels().forEach(labels::put);
			var annotations = node.putObject("annotations");
			alert.annotations().forEach(annotations::put);
			node.put("startsAt", startsAt.toString());
			if (endsAt != null) {
				node.put("endsAt", endsAt.toString());
			}
			node.put("generatorURL", "http://prometheus.invalid/graph");
		}
		var response = HTTP.send(HttpRequest.newBuilder(URI.create(alertmanagerUrl + "/api/v2/alerts"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("Alertmanager took the alerts: %s", response.body()).isEqualTo(200);
	}

	/** The alerts Alertmanager holds for one receiver label, with their fingerprints. */
	private List<JsonNode> alertmanagerAlerts(String receiver) throws Exception {
		var filter = URLEncoder.encode("receiver=\"" + receiver + "\"", StandardCharsets.UTF_8);
		var response = HTTP.send(HttpRequest.newBuilder(URI.create(alertmanagerUrl + "/api/v2/alerts?filter=" + filter))
			.timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return json.readTree(response.body()).values().stream().toList();
	}

	private static int status(String path) {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create(alertmanagerUrl + path)).timeout(Duration.ofSeconds(2))
				.GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException e) {
			return -1;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	// ---- Firebreak ----

	private String service(String admin, String name) {
		return api.post("/api/v1/services", admin, "{\"name\": \"%s-%s\"}".formatted(name, UUID.randomUUID()))
			.expectStatus(201).json().get("id").asString();
	}

	private JsonNode integration(String admin, String service, String type) {
		return api.post("/api/v1/services/" + service + "/integrations", admin, "{\"type\": \"%s\"}".formatted(type))
			.expectStatus(201).json();
	}

	/** Firebreak's alerts of an integration, once they satisfy the condition (Alertmanager is asynchronous). */
	private List<JsonNode> awaitAlerts(String integration, Predicate<List<JsonNode>> condition) {
		return Awaitility.await("alerts of integration " + integration).atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> api.get("/api/v1/alerts?integration=" + integration, adminToken()).expectStatus(200).json()
				.get("items").values().stream().toList(), condition);
	}

	/** The one incident of a service, once it satisfies the condition. */
	private JsonNode awaitIncident(String service, Predicate<JsonNode> condition) {
		var list = Awaitility.await("the incident of service " + service).atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> api.get("/api/v1/incidents?status=triage,investigating,identified,monitoring,resolved&service="
					+ service, adminToken()).expectStatus(200).json().get("items").values().stream().toList(),
					items -> !items.isEmpty() && condition.test(items.get(0)));
		assertThat(list).as("one incident for the service").hasSize(1);
		return list.get(0);
	}

	private static List<JsonNode> withSummary(List<JsonNode> alerts, String summary) {
		return alerts.stream().filter(a -> a.get("summary").asString().equals(summary)).toList();
	}

	/** The latest event of an alert as its client sent it (less the routing key). */
	private JsonNode storedPayload(JsonNode alert) {
		return api.get("/api/v1/alerts/" + alert.get("id").asString(), adminToken()).expectStatus(200).json()
			.get("payload");
	}

	private static JsonNode only(List<JsonNode> alerts, Predicate<JsonNode> which) {
		var found = alerts.stream().filter(which).toList();
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Without Alertmanager these tests cannot run: in CI that is a failure, on a laptop a skip. */
	private static void requireAlertmanager() {
		if (ALERTMANAGER.canExecute()) {
			return;
		}
		var message = "Alertmanager interop tests need " + ALERTMANAGER.getPath()
				+ ": install the Debian package prometheus-alertmanager";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			fail(message);
		}
		Assumptions.abort(message);
	}
}
