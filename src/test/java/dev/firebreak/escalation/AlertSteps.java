package dev.firebreak.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.firebreak.Api;
import dev.firebreak.ApiTest.Person;

import tools.jackson.databind.JsonNode;

/**
 * The steps of the alert scenarios, through Firebreak's own API: services that route alerts to no
 * incident, what the monitoring tool sends, and what became of an alert — its escalations, the
 * messages about it in a person's delivery log, its audit rows.
 */
final class AlertSteps {

	private final Api api;

	private final String admin;

	AlertSteps(Api api, String adminToken) {
		this.api = api;
		this.admin = adminToken;
	}

	void routeToNoIncident(UUID service, String... severities) {
		var fields = new ArrayList<String>();
		for (var severity : severities) {
			fields.add("\"%s\": \"none\"".formatted(severity));
		}
		api.put("/api/v1/services/" + service + "/alert-routing", admin, "{" + String.join(", ", fields) + "}")
			.expectStatus(200);
	}

	/** An Events API v2 acknowledge or resolve, as the monitoring tool sends it. */
	void event(String routingKey, String dedupKey, String action) {
		api.post("/v2/enqueue", null, """
				{"routing_key": "%s", "event_action": "%s", "dedup_key": "%s"}""".formatted(routingKey, action, dedupKey))
			.expectStatus(202);
	}

	UUID onlyAlertOf(UUID service) {
		var items = api.get("/api/v1/alerts?service=" + service, admin).expectStatus(200).json().get("items");
		assertThat(items.size()).as("alerts of service %s", service).isEqualTo(1);
		return UUID.fromString(items.get(0).get("id").asString());
	}

	List<JsonNode> escalations(UUID alert) {
		var found = new ArrayList<JsonNode>();
		api.get("/api/v1/alerts/" + alert + "/escalations", admin).expectStatus(200).json().get("items").values()
			.forEach(found::add);
		return found;
	}

	JsonNode escalationOf(UUID alert) {
		var found = escalations(alert);
		assertThat(found).as("escalations of alert %s", alert).hasSize(1);
		assertThat(found.get(0).get("alert_id").asString()).isEqualTo(alert.toString());
		assertThat(found.get(0).get("incident_number").isNull()).as("about the alert, not an incident").isTrue();
		return found.get(0);
	}

	/** The messages about the alert this person's delivery log holds, by status. */
	List<String> statusesAbout(UUID alert, Person person) {
		return about(alert, person).stream().map(row -> row.get("status").asString()).toList();
	}

	/** The messages about the alert sent (handed to a channel) to this person, by contact type. */
	List<String> pagesAbout(UUID alert, Person person) {
		return about(alert, person).stream()
			.filter(row -> List.of("sent", "delivered").contains(row.get("status").asString()))
			.map(row -> row.get("contact_type").asString())
			.toList();
	}

	private List<JsonNode> about(UUID alert, Person person) {
		var rows = new ArrayList<JsonNode>();
		api.get("/api/v1/accounts/" + person.id() + "/notifications", admin).expectStatus(200).json().get("items")
			.values().forEach(row -> {
				if (row.get("key").asString().startsWith("alert:" + alert + ":")) {
					rows.add(row);
				}
			});
		return rows;
	}

	JsonNode alert(UUID alert) {
		return api.get("/api/v1/alerts/" + alert, admin).expectStatus(200).json();
	}

	/** The audit rows about one target (an incident's id, an alert's), newest first. */
	List<JsonNode> audit(String targetId) {
		var found = new ArrayList<JsonNode>();
		api.get("/api/v1/audit?size=200", admin).expectStatus(200).json().get("items").values()
			.forEach(entry -> {
				if (targetId.equals(entry.get("target_id").asString())) {
					found.add(entry);
				}
			});
		return found;
	}
}
