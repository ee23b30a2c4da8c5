package dev.firebreak.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.firebreak.ApiTest;
import dev.firebreak.alerting.Alerts;

import tools.jackson.databind.JsonNode;

/**
 * Runbooks through the API: the six sections checked (every problem named at once, nothing
 * changed), who may write and delete, the audit, and which runbook an alert gets — sent through
 * the real Alertmanager and Events API v2 endpoints.
 */
class RunbookApiTests extends ApiTest {

	@Autowired
	private Runbooks runbooks;

	@Autowired
	private Alerts alerts;

	static final String SIX_SECTIONS = """
			## Symptom
			`HighErrorRate` fires: more than 5 %% of checkout requests fail for 5 minutes.

			## Impact
			Customers cannot pay.

			## Investigation
			1. Open the checkout dashboard.
			   - Normal: error rate under 1 %%.
			   - Abnormal: above 5 %% means a bad deploy or the database.

			## Mitigation
			Roll back the last deploy.

			## Escalation
			Page the payments lead after 15 minutes.

			## Context
			%s
			""";

	@Test
	void aRunbookNeedsItsSixSectionsAndBadInputChangesNothing() {
		var admin = adminToken();
		var responder = person("responder");
		var viewer = person("viewer");
		var service = service("checkout");

		var missing = api.post("/api/v1/runbooks", responder.token(), body("", """
				# Checkout
				## Symptoms
				Errors.
				### 2. Diagnosis
				Look.
				## Remediation steps
				Roll back.
				# Escalation
				A level-1 heading is the title, not a section.
				## Background
				""", List.of(UUID.randomUUID()), "[{\"field\": \"alert name\", \"value\": \"\"}]")).problem(400);
		var errors = new ArrayList<String>();
		missing.get("errors").values().forEach(e -> errors.add(e.get("pointer").asString() + " " + e.get("detail").asString()));
		assertThat(errors).contains("/markdown missing section: Impact", "/markdown missing section: Escalation",
				"/markdown empty section: Context")
			.anyMatch(e -> e.startsWith("/title "))
			.anyMatch(e -> e.startsWith("/service_ids no service"))
			.anyMatch(e -> e.startsWith("/matchers/0/field "))
			.anyMatch(e -> e.startsWith("/matchers/0/value "))
			.noneMatch(e -> e.contains("Symptom") || e.contains("Investigation") || e.contains("Mitigation"));
		api.post("/api/v1/runbooks", responder.token(), "{\"title\": \"x\", \"markdown\": \"## Symptom\", \"servce_ids\": []}")
			.problem(400);
		api.post("/api/v1/runbooks", viewer.token(), body("Checkout", SIX_SECTIONS.formatted("x"), List.of(service), "[]"))
			.expectStatus(403);
		assertThat(list(service).get("total").asLong()).as("nothing was stored").isZero();

		var created = api.post("/api/v1/runbooks", responder.token(),
				body("Checkout errors", SIX_SECTIONS.formatted("Dashboards."), List.of(service),
						"[{\"field\": \"alertname\", \"value\": \"HighErrorRate\"}]"))
			.expectStatus(201).json();
		var id = created.get("id").asString();
		assertThat(created.get("service_ids").get(0).asString()).isEqualTo(service.toString());
		assertThat(created.get("matchers").get(0).get("value").asString()).isEqualTo("HighErrorRate");
		assertThat(created.get("last_reviewed_by").asString()).as("writing it is its first review")
			.isEqualTo(responder.id().toString());
		assertThat(created.get("stale").asBoolean()).isFalse();

		api.put("/api/v1/runbooks/" + id, responder.token(), body("Checkout errors", "## Symptom\nonly", List.of(service), "[]"))
			.problem(400);
		assertThat(api.get("/api/v1/runbooks/" + id, viewer.token()).expectStatus(200).json().get("markdown").asString())
			.as("a refused change changes nothing").contains("Dashboards.");
		api.put("/api/v1/runbooks/" + id, responder.token(),
				body("Checkout errors v2", SIX_SECTIONS.formatted("Runbook owner: payments."), List.of(service), "[]"))
			.expectStatus(200);
		assertThat(list(service).get("items").get(0).get("title").asString()).isEqualTo("Checkout errors v2");

		api.delete("/api/v1/runbooks/" + id, responder.token()).expectStatus(403);
		api.delete("/api/v1/runbooks/" + id, admin).expectStatus(204);
		api.get("/api/v1/runbooks/" + id, viewer.token()).problem(404);
		api.get("/api/v1/runbooks/not-a-uuid", viewer.token()).expectStatus(400);
		assertThat(audit(id)).containsExactly("runbook.deleted", "runbook.updated", "runbook.created");
	}

	@Test
	void anAlertGetsTheMostSpecificMatchingRunbookElseItsServicesGeneralOne() {
		var admin = adminToken();
		var unique = UUID.randomUUID().toString().substring(0, 8);
		var service = service("checkout");
		var other = service("billing");
		var alertname = "HighErrorRate_" + unique;
		var dbTimeout = "db_timeout_" + unique;
		var byName = create(admin, "by alertname", List.of(service), matcher("alertname", alertname));
		var byNameAndSeverity = create(admin, "by alertname, critical", List.of(service),
				matcher("alertname", alertname) + ", " + matcher("severity", "critical"));
		var byClassAnywhere = create(admin, "by class, any service", List.of(), matcher("class", dbTimeout));
		var otherCriticalAnywhere = create(admin, "disk full, critical, any service", List.of(),
				matcher("alertname", "DiskFull_" + unique) + ", " + matcher("severity", "critical"));
		create(admin, "by class, billing only", List.of(other), matcher("class", "disk_full_" + unique));
		var general = create(admin, "checkout in general", List.of(service), "");

		var alertmanager = key(admin, service, "alertmanager");
		api.post("/integrations/alertmanager/" + alertmanager, null, """
				{"receiver": "firebreak", "status": "firing", "version": "4", "groupKey": "{}:{}", "externalURL": "http://am:9093",
				 "groupLabels": {}, "commonLabels": {}, "commonAnnotations": {}, "truncatedAlerts": 0,
				 "alerts": [%s, %s, %s, %s]}""".formatted(amAlert(alertname, "critical", "fp-crit-" + unique),
				amAlert(alertname, "warning", "fp-warn-" + unique), amAlert("Latency_" + unique, "critical", "fp-lat-" + unique),
				amAlert("DiskFull_" + unique, "critical", "fp-disk-" + unique))).expectStatus(200);
		var events = key(admin, service, "events_v2");
		event(events, "class-" + unique, dbTimeout);
		event(events, "billing-class-" + unique, "disk_full_" + unique);
		event(events, "unknown-" + unique, "something_else");
		settle();

		assertThat(runbookOf(service, "fp-crit-" + unique)).as("two matchers beat one").isEqualTo(byNameAndSeverity);
		assertThat(runbookOf(service, "fp-warn-" + unique)).as("a runbook needs all its matchers: not the critical one")
			.isEqualTo(byName);
		assertThat(runbookOf(service, "fp-lat-" + unique))
			.as("another critical alert gets no runbook from {alertname=X, severity=critical}: the general one")
			.isEqualTo(general);
		assertThat(runbookOf(service, "fp-disk-" + unique)).as("both matchers carried, on a runbook for any service")
			.isEqualTo(otherCriticalAnywhere);
		assertThat(runbookOf(service, "class-" + unique)).as("an Events v2 class, on a runbook for any service")
			.isEqualTo(byClassAnywhere);
		assertThat(runbookOf(service, "billing-class-" + unique))
			.as("a runbook restricted to billing is not checkout's: the general one").isEqualTo(general);
		assertThat(runbookOf(service, "unknown-" + unique)).isEqualTo(general);
		var fields = alerts.matchFields(alertId(service, "class-" + unique));
		assertThat(fields).containsEntry("class", dbTimeout).containsEntry("component", "postgres")
			.containsEntry("group", "checkout-db").containsEntry("source", "db-1").doesNotContainKey("summary");
		assertThat(alerts.matchFields(alertId(service, "fp-crit-" + unique)))
			.containsEntry("alertname", alertname).containsEntry("severity", "critical").containsEntry("instance", "api-1");
		assertThat(runbooks.forAlert(other, Map.of("class", "nothing"))).as("billing has no runbook of its own").isEmpty();
	}

	// ---- steps ----

	private UUID service(String name) {
		return UUID.fromString(api.post("/api/v1/services", adminToken(), "{\"name\": \"%s-%s\"}".formatted(name, UUID.randomUUID()))
			.expectStatus(201).json().get("id").asString());
	}

	private String key(String admin, UUID service, String type) {
		return api.post("/api/v1/services/" + service + "/integrations", admin, "{\"type\": \"%s\"}".formatted(type))
			.expectStatus(201).json().get("routing_key").asString();
	}

	private static String amAlert(String alertname, String severity, String fingerprint) {
		return """
				{"status": "firing", "labels": {"alertname": "%s", "severity": "%s", "instance": "api-1", "job": "checkout"},
				 "annotations": {"summary": "Error rate over 5%%"}, "startsAt": "2026-03-02T09:58:00Z",
				 "endsAt": "0001-01-01T00:00:00Z", "generatorURL": "http://prometheus:9090/graph", "fingerprint": "%s"}"""
			.formatted(alertname, severity, fingerprint);
	}

	private void event(String routingKey, String dedupKey, String eventClass) {
		api.post("/v2/enqueue", null, """
				{"routing_key": "%s", "event_action": "trigger", "dedup_key": "%s",
				 "payload": {"summary": "Database timeouts", "source": "db-1", "severity": "warning",
				             "component": "postgres", "group": "checkout-db", "class": "%s",
				             "custom_details": {"runbook": "ignored"}}}""".formatted(routingKey, dedupKey, eventClass))
			.expectStatus(202);
	}

	private UUID alertId(UUID service, String dedupKey) {
		for (var alert : api.get("/api/v1/alerts?service=" + service + "&size=200", adminToken()).expectStatus(200).json()
			.get("items").values()) {
			if (dedupKey.equals(alert.get("dedup_key").asString())) {
				return UUID.fromString(alert.get("id").asString());
			}
		}
		throw new AssertionError("no alert " + dedupKey + " of service " + service);
	}

	private String runbookOf(UUID service, String dedupKey) {
		var alert = alerts.find(alertId(service, dedupKey)).orElseThrow();
		return runbooks.forAlert(alert.serviceId(), alerts.matchFields(alert.id())).map(r -> r.id().toString()).orElse(null);
	}

	private String create(String token, String title, List<UUID> services, String matchers) {
		return api.post("/api/v1/runbooks", token, body(title, SIX_SECTIONS.formatted(title), services, "[" + matchers + "]"))
			.expectStatus(201).json().get("id").asString();
	}

	private static String matcher(String field, String value) {
		return "{\"field\": \"%s\", \"value\": \"%s\"}".formatted(field, value);
	}

	private String body(String title, String markdown, List<UUID> services, String matchers) {
		return """
				{"title": %s, "markdown": %s, "service_ids": [%s], "matchers": %s}""".formatted(json.writeValueAsString(title),
				json.writeValueAsString(markdown),
				String.join(", ", services.stream().map(s -> "\"" + s + "\"").toList()), matchers);
	}

	private JsonNode list(UUID service) {
		return api.get("/api/v1/runbooks?service_id=" + service, adminToken()).expectStatus(200).json();
	}

	private List<String> audit(String targetId) {
		var found = new ArrayList<String>();
		api.get("/api/v1/audit?size=200", adminToken()).expectStatus(200).json().get("items").values().forEach(entry -> {
			if (targetId.equals(entry.get("target_id").asString())) {
				found.add(entry.get("action").asString());
			}
		});
		return found;
	}
}
