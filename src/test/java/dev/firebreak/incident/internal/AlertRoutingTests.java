package dev.firebreak.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import dev.firebreak.ApiTest;

/** Per-service alert routing and maintenance windows: what a service's alerts open, and when nothing. */
class AlertRoutingTests extends ApiTest {

	private String service;

	private String key;

	@BeforeEach
	void aServiceWithAnEventsV2Integration() {
		var admin = adminToken();
		service = api.post("/api/v1/services", admin, "{\"name\": \"routing-%s\"}".formatted(UUID.randomUUID()))
			.expectStatus(201).json().get("id").asString();
		key = api.post("/api/v1/services/" + service + "/integrations", admin, "{\"type\": \"events_v2\"}")
			.expectStatus(201).json().get("routing_key").asString();
	}

	private void trigger(String dedupKey, String severity) {
		api.post("/v2/enqueue", null, """
				{"routing_key": "%s", "event_action": "trigger", "dedup_key": "%s",
				 "payload": {"summary": "%s is %s", "source": "prometheus", "severity": "%s"}}"""
			.formatted(key, dedupKey, dedupKey, severity, severity)).expectStatus(202);
		eventsBetweenModulesAreHandled();
	}

	private JsonNode incidents() {
		return api.get("/api/v1/incidents?status=triage,investigating,identified,monitoring,resolved&service=" + service,
				adminToken()).expectStatus(200).json();
	}

	private JsonNode routing(String body) {
		return api.put("/api/v1/services/" + service + "/alert-routing", adminToken(), body).expectStatus(200).json();
	}

	@Test
	void theDefaultsAreTheProductsAlertTable() {
		var routing = api.get("/api/v1/services/" + service + "/alert-routing", person("viewer").token())
			.expectStatus(200).json();
		assertThat(routing.get("critical").asString()).isEqualTo("SEV2");
		assertThat(routing.get("error").asString()).isEqualTo("SEV3");
		assertThat(routing.get("warning").asString()).isEqualTo("none");
		assertThat(routing.get("info").asString()).isEqualTo("none");
		assertThat(routing.get("grouping_window").asString()).isEqualTo("PT5M");
		assertThat(routing.get("defaults").asBoolean()).isTrue();
		trigger("disk", "warning");
		assertThat(incidents().get("total").asLong()).isZero();
	}

	@Test
	void aWarningThatTurnsCriticalOpensAnIncidentThen() {
		trigger("queue-depth", "warning");
		assertThat(incidents().get("total").asLong()).isZero();
		trigger("queue-depth", "warning");
		assertThat(incidents().get("total").asLong()).isZero();
		trigger("queue-depth", "critical");
		var opened = incidents();
		assertThat(opened.get("total").asLong()).as("the same alert, now critical").isEqualTo(1);
		assertThat(opened.get("items").get(0).get("severity").asString()).isEqualTo("SEV2");
		var alerts = api.get("/api/v1/alerts?service=" + service, adminToken()).expectStatus(200).json();
		assertThat(alerts.get("total").asLong()).isEqualTo(1);
		assertThat(alerts.get("items").get(0).get("occurrences").asInt()).isEqualTo(3);
		trigger("queue-depth", "critical");
		assertThat(incidents().get("total").asLong()).as("a repeat at the same severity tells nobody").isEqualTo(1);
	}

	@Test
	void aServiceOptsInToSev4ForWarningsAndItsOwnWindow() {
		var changed = routing("{\"warning\": \"SEV4\", \"grouping_window\": \"PT1M\"}");
		assertThat(changed.get("warning").asString()).isEqualTo("SEV4");
		assertThat(changed.get("critical").asString()).as("absent fields keep their value").isEqualTo("SEV2");
		assertThat(changed.get("defaults").asBoolean()).isFalse();

		trigger("disk", "warning");
		var opened = incidents();
		assertThat(opened.get("total").asLong()).isEqualTo(1);
		assertThat(opened.get("items").get(0).get("severity").asString()).isEqualTo("SEV4");

		clock.advance(Duration.ofSeconds(50));
		trigger("inodes", "warning");
		assertThat(incidents().get("total").asLong()).as("within the service's one-minute window").isEqualTo(1);
		clock.advance(Duration.ofSeconds(20));
		trigger("memory", "warning");
		assertThat(incidents().get("total").asLong()).as("past it").isEqualTo(2);

		routing("{\"critical\": \"none\"}");
		trigger("checkout", "critical");
		assertThat(incidents().get("total").asLong()).as("critical chosen to open nothing").isEqualTo(2);

		var reset = api.delete("/api/v1/services/" + service + "/alert-routing", adminToken()).expectStatus(200).json();
		assertThat(reset.get("defaults").asBoolean()).isTrue();
		assertThat(reset.get("warning").asString()).isEqualTo("none");
		var audit = api.get("/api/v1/audit?size=10", adminToken()).expectStatus(200).json().get("items");
		assertThat(audit.valueStream().map(entry -> entry.get("action").asString()))
			.contains("alert_routing.changed", "alert_routing.reset");
	}

	@Test
	void badRoutingIsRefusedAndChangesNothing() {
		assertThat(api.put("/api/v1/services/" + service + "/alert-routing", adminToken(), "{\"error\": \"SEV5\"}")
			.problem(400).toString()).contains("/error").contains("SEV1, SEV2, SEV3, SEV4 or none");
		assertThat(api.put("/api/v1/services/" + service + "/alert-routing", adminToken(),
				"{\"grouping_window\": \"P2D\"}").problem(400).toString()).contains("/grouping_window");
		assertThat(api.put("/api/v1/services/" + service + "/alert-routing", adminToken(), "{\"warnings\": \"SEV4\"}")
			.problem(400).toString()).contains("warnings");
		api.put("/api/v1/services/" + service + "/alert-routing", person("responder").token(), "{\"warning\": \"SEV4\"}")
			.expectStatus(403);
		api.put("/api/v1/services/" + UUID.randomUUID() + "/alert-routing", adminToken(), "{\"warning\": \"SEV4\"}")
			.expectStatus(404);
		assertThat(api.get("/api/v1/services/" + service + "/alert-routing", adminToken()).expectStatus(200).json()
			.get("defaults").asBoolean()).isTrue();
	}

	@Test
	void duringMaintenanceAlertsAreRecordedButOpenNothing() {
		var responder = person("responder").token();
		var window = api.post("/api/v1/services/" + service + "/maintenance-windows", responder,
				"{\"ends_at\": \"%s\", \"reason\": \"PostgreSQL 16 upgrade\"}".formatted(clock.instant().plus(Duration.ofHours(1))))
			.expectStatus(201).json();
		assertThat(window.get("starts_at").asString()).isEqualTo(clock.instant().toString());

		trigger("db-down", "critical");
		assertThat(incidents().get("total").asLong()).isZero();
		var alert = api.get("/api/v1/alerts?service=" + service, adminToken()).expectStatus(200).json().get("items").get(0);
		assertThat(alert.get("status").asString()).isEqualTo("triggered");
		assertThat(alert.get("during_maintenance").asBoolean()).isTrue();

		clock.advance(Duration.ofMinutes(61));
		trigger("db-down", "critical");
		assertThat(incidents().get("total").asLong()).as("a repeat of an alert from the window still opens nothing")
			.isZero();
		trigger("replica-lag", "critical");
		assertThat(incidents().get("total").asLong()).as("a new alert after the window does").isEqualTo(1);
	}

	@Test
	void aWindowEndsEarlyOrIsCancelledAndBadWindowsAreRefused() {
		var responder = person("responder").token();
		var base = "/api/v1/services/" + service + "/maintenance-windows";
		var now = clock.instant();
		assertThat(api.post(base, responder, "{\"starts_at\": \"%s\", \"ends_at\": \"%s\", \"reason\": \"x\"}"
			.formatted(now.plusSeconds(600), now.plusSeconds(60))).problem(400).toString()).contains("/ends_at");
		assertThat(api.post(base, responder, "{\"ends_at\": \"%s\", \"reason\": \"x\"}".formatted(now.minusSeconds(60)))
			.problem(400).toString()).contains("in the past");
		assertThat(api.post(base, responder, "{\"ends_at\": \"%s\", \"reason\": \"x\"}"
			.formatted(now.plus(Duration.ofDays(8)))).problem(400).toString()).contains("7 days");
		assertThat(api.post(base, responder, "{\"ends_at\": \"%s\"}".formatted(now.plusSeconds(60))).problem(400)
			.toString()).contains("/reason");
		api.post(base, person("viewer").token(), "{\"ends_at\": \"%s\", \"reason\": \"x\"}".formatted(now.plusSeconds(60)))
			.expectStatus(403);
		assertThat(api.get(base, responder).expectStatus(200).json().get("total").asLong()).isZero();

		var open = api.post(base, responder, "{\"ends_at\": \"%s\", \"reason\": \"Kernel patch\"}"
			.formatted(now.plus(Duration.ofHours(2)))).expectStatus(201).json().get("id").asString();
		var planned = api.post(base, responder, "{\"starts_at\": \"%s\", \"ends_at\": \"%s\", \"reason\": \"Failover drill\"}"
			.formatted(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)).plus(Duration.ofHours(1))))
			.expectStatus(201).json().get("id").asString();
		assertThat(api.get(base, responder).expectStatus(200).json().get("total").asLong()).isEqualTo(2);
		assertThat(api.get(base + "?size=1&page=1", responder).expectStatus(200).json().get("items").get(0)
			.get("id").asString()).isEqualTo(planned);

		clock.advance(Duration.ofMinutes(30));
		var ended = api.delete("/api/v1/maintenance-windows/" + open, responder).expectStatus(200).json();
		assertThat(ended.get("ends_at").asString()).isEqualTo(clock.instant().toString());
		api.delete("/api/v1/maintenance-windows/" + planned, responder).expectStatus(200);
		api.get("/api/v1/maintenance-windows/" + planned, responder).expectStatus(404);
		assertThat(api.get(base, responder).expectStatus(200).json().get("total").asLong()).isZero();
		assertThat(api.get(base + "?past=true", responder).expectStatus(200).json().get("total").asLong()).isEqualTo(1);
		assertThat(api.delete("/api/v1/maintenance-windows/" + open, responder).problem(409).toString())
			.contains("kept as history");

		trigger("after", "critical");
		assertThat(incidents().get("total").asLong()).as("the window ended early: alerts open incidents again")
			.isEqualTo(1);
	}
}
