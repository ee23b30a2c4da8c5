package dev.firebreak.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.firebreak.ApiTest;
import dev.firebreak.alerting.AlertSeverity;
import dev.firebreak.alerting.AlertTriggered;
import dev.firebreak.incident.Severity;
import tools.jackson.databind.JsonNode;

/** From alert to incident, with the defaults of the product's alert table. */
class AlertIncidentsTests extends ApiTest {

	@Autowired
	IncidentService incidents;

	private String service;

	private String key;

	private String token;

	@BeforeEach
	void aServiceWithAnEventsV2Integration() {
		var admin = adminToken();
		token = admin;
		service = api.post("/api/v1/services", admin, "{\"name\": \"alerting-%s\"}".formatted(UUID.randomUUID()))
			.expectStatus(201).json().get("id").asString();
		key = api.post("/api/v1/services/" + service + "/integrations", admin, "{\"type\": \"events_v2\"}")
			.expectStatus(201).json().get("routing_key").asString();
	}

	private void send(String action, String dedupKey, String severity, String summary) {
		api.post("/v2/enqueue", null, """
				{"routing_key": "%s", "event_action": "%s", "dedup_key": "%s",
				 "payload": {"summary": "%s", "source": "prometheus", "severity": "%s"}}"""
			.formatted(key, action, dedupKey, summary, severity)).expectStatus(202);
		eventsBetweenModulesAreHandled();
	}

	private JsonNode incidentsOfService() {
		return api.get("/api/v1/incidents?status=triage,investigating,identified,monitoring,resolved&service=" + service,
				token).expectStatus(200).json();
	}

	@Test
	void aCriticalAlertOpensASev2IncidentAndTheNextOneJoinsIt() {
		send("trigger", "errors", "critical", "Checkout error rate 12%");
		var list = incidentsOfService();
		assertThat(list.get("total").asLong()).isEqualTo(1);
		var incident = list.get("items").get(0);
		assertThat(incident.get("severity").asString()).isEqualTo("SEV2");
		assertThat(incident.get("source").asString()).isEqualTo("alert");
		assertThat(incident.get("title").asString()).isEqualTo("Checkout error rate 12%");
		assertThat(incident.get("affected_service_ids").get(0).asString()).isEqualTo(service);
		var id = incident.get("id").asString();

		clock.advance(Duration.ofMinutes(3));
		send("trigger", "latency", "error", "Checkout p99 4 s");
		send("trigger", "errors", "critical", "Checkout error rate 14%");

		assertThat(incidentsOfService().get("total").asLong()).isEqualTo(1);
		var alerts = api.get("/api/v1/incidents/" + id + "/alerts", token).expectStatus(200).json();
		assertThat(alerts.values()).extracting(a -> a.get("dedup_key").asString()).containsExactly("errors", "latency");
		var timeline = api.get("/api/v1/incidents/" + id + "/timeline", token).json();
		assertThat(timeline.values()).filteredOn(e -> e.get("kind").asString().equals("alert"))
			.extracting(e -> e.get("text").asString())
			.containsExactly("Opened by alert (critical): Checkout error rate 12%", "Alert joined (error): Checkout p99 4 s");
	}

	@Test
	void lowUrgencyAlertsOpenNothing() {
		send("trigger", "disk", "warning", "Disk 80%");
		send("trigger", "info", "info", "Deploy finished");
		assertThat(incidentsOfService().get("total").asLong()).isZero();
	}

	@Test
	void anErrorAlertOpensASev3AndAfterTheWindowANewIncidentOpens() {
		send("trigger", "first", "error", "Queue lag");
		clock.advance(Duration.ofMinutes(6));
		send("trigger", "second", "error", "Queue lag again");

		var list = incidentsOfService();
		assertThat(list.get("total").asLong()).isEqualTo(2);
		assertThat(list.get("items").values()).extracting(i -> i.get("severity").asString()).containsOnly("SEV3");
	}

	@Test
	void whenEveryAlertIsResolvedTheIncidentIsMonitoredNotResolved() {
		send("trigger", "a", "critical", "Payments failing");
		send("trigger", "b", "critical", "Payments slow");
		var id = incidentsOfService().get("items").get(0).get("id").asString();

		send("resolve", "a", "critical", "Payments failing");
		assertThat(api.get("/api/v1/incidents/" + id, token).json().get("status").asString()).isEqualTo("triage");

		send("resolve", "b", "critical", "Payments slow");
		var incident = api.get("/api/v1/incidents/" + id, token).json();
		assertThat(incident.get("status").asString()).isEqualTo("monitoring");
		assertThat(incident.get("mitigated_at").isNull()).isFalse();
		assertThat(incident.get("resolved_at").isNull()).isTrue();

		clock.advance(Duration.ofMinutes(2));
		send("trigger", "c", "critical", "Payments failing again");
		assertThat(incidentsOfService().get("total").asLong()).as("it joins the monitored incident").isEqualTo(1);
		assertThat(api.get("/api/v1/incidents/" + id, token).json().get("status").asString())
			.as("a new alert while monitoring: the problem is back").isEqualTo("investigating");
	}

	@Test
	void aStormOfAlertsInOneNotificationOpensOneIncidentWithOneTimelineEntry() throws Exception {
		var alertmanager = api.post("/api/v1/services/" + service + "/integrations", token, "{\"type\": \"alertmanager\"}")
			.expectStatus(201).json().get("routing_key").asString();
		var alerts = new StringBuilder();
		for (var i = 0; i < 40; i++) {
			alerts.append(i == 0 ? "" : ",").append("""
					{"status": "firing", "fingerprint": "%016x", "labels": {"alertname": "PodCrashLooping", "pod": "api-%d",
					 "severity": "%s"}, "annotations": {"summary": "api-%d is crash-looping"}}"""
				.formatted(i, i, i % 4 == 0 ? "critical" : "error", i));
		}
		api.post("/integrations/alertmanager/" + alertmanager, null,
				"{\"version\": \"4\", \"status\": \"firing\", \"alerts\": [" + alerts + "]}").expectStatus(200);
		eventsBetweenModulesAreHandled();

		var list = incidentsOfService();
		assertThat(list.get("total").asLong()).isEqualTo(1);
		var incident = list.get("items").get(0);
		assertThat(incident.get("severity").asString()).as("the worst of the storm").isEqualTo("SEV2");
		var id = incident.get("id").asString();
		assertThat(api.get("/api/v1/incidents/" + id + "/alerts", token).json().size()).isEqualTo(40);
		var alertEntries = api.get("/api/v1/incidents/" + id + "/timeline", token).json().valueStream()
			.filter(entry -> entry.get("kind").asString().equals("alert")).toList();
		assertThat(alertEntries).singleElement().satisfies(entry -> assertThat(entry.get("text").asString())
			.isEqualTo("Opened by 40 alerts (critical 10, error 30): api-0 is crash-looping and 39 more"));

		var resolved = new StringBuilder();
		for (var i = 0; i < 40; i++) {
			resolved.append(i == 0 ? "" : ",").append("""
					{"status": "resolved", "fingerprint": "%016x", "labels": {"alertname": "PodCrashLooping"}}""".formatted(i));
		}
		api.post("/integrations/alertmanager/" + alertmanager, null,
				"{\"version\": \"4\", \"status\": \"resolved\", \"alerts\": [" + resolved + "]}").expectStatus(200);
		eventsBetweenModulesAreHandled();
		assertThat(api.get("/api/v1/incidents/" + id, token).json().get("status").asString()).isEqualTo("monitoring");
	}

	@Test
	void anAlertDeliveredTwiceIsLinkedOnce() {
		var alert = UUID.randomUUID();
		var event = new AlertTriggered(alert, UUID.fromString(service), AlertSeverity.CRITICAL, "Twice", Instant.now(clock), false);
		incidents.openOrJoin(UUID.fromString(service), Map.of(event, Severity.SEV2), Duration.ofMinutes(5));
		incidents.openOrJoin(UUID.fromString(service), Map.of(event, Severity.SEV2), Duration.ofMinutes(5));

		var list = incidentsOfService();
		assertThat(list.get("total").asLong()).isEqualTo(1);
		var number = list.get("items").get(0).get("number").asLong();
		assertThat(jdbc.sql("select count(*) from incident_alert where incident_number = :n").param("n", number)
			.query(Long.class).single()).isEqualTo(1);
	}
}
