package dev.firebreak.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.firebreak.Api;
import dev.firebreak.ApiTest.Person;

import tools.jackson.databind.JsonNode;

/**
 * The world of the paging scenarios, set up and observed through Firebreak's own API: people and
 * how they want to be reached, services, schedules, escalation policies, incidents and alerts, and
 * the pages that went out (the delivery log of an incident, and what the fake providers received).
 * Each scenario makes its own, so scenarios never see each other's pages.
 */
final class PagingWorld {

	private final Api api;

	private final String admin;

	PagingWorld(Api api, String adminToken) {
		this.api = api;
		this.admin = adminToken;
	}

	// --- the catalog --------------------------------------------------------------------------

	UUID service(String name) {
		return id(api.post("/api/v1/services", admin, "{\"name\": \"%s-%s\"}".formatted(name, UUID.randomUUID()))
			.expectStatus(201));
	}

	UUID team(String name, String timeZone, Person... members) {
		var team = id(api.post("/api/v1/teams", admin, "{\"name\": \"%s-%s\", \"time_zone\": \"%s\"}"
			.formatted(name, UUID.randomUUID(), timeZone)).expectStatus(201));
		for (var member : members) {
			api.put("/api/v1/teams/" + team + "/members/" + member.id(), admin, null).expectStatus(200);
		}
		return team;
	}

	String eventsKey(UUID service) {
		return api.post("/api/v1/services/" + service + "/integrations", admin, "{\"type\": \"events_v2\"}")
			.expectStatus(201).json().get("routing_key").asString();
	}

	// --- escalation policies ------------------------------------------------------------------

	static String level(Duration delay, String... targets) {
		return "{\"delay\": %s, \"targets\": [%s]}".formatted(delay == null ? "null" : "\"" + delay + "\"",
				String.join(", ", targets));
	}

	static String person(Person person) {
		return target("person", person.id());
	}

	static String schedule(UUID schedule) {
		return target("schedule", schedule);
	}

	static String team(UUID team) {
		return target("team", team);
	}

	static String channel(UUID channel) {
		return target("channel", channel);
	}

	private static String target(String type, UUID id) {
		return "{\"type\": \"%s\", \"id\": \"%s\"}".formatted(type, id);
	}

	UUID policy(List<UUID> services, int repeat, String... levels) {
		return id(api.post("/api/v1/escalation-policies", admin, """
				{"name": "policy-%s", "repeat": %d, "levels": [%s], "service_ids": [%s]}""".formatted(UUID.randomUUID(),
				repeat, String.join(", ", levels),
				services.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", ")))).expectStatus(201));
	}

	UUID policy(UUID service, String... levels) {
		return policy(List.of(service), 0, levels);
	}

	// --- incidents and alerts -----------------------------------------------------------------

	String declare(String severity, UUID... services) {
		return declare(severity, "", services);
	}

	/** @param extra more declaration fields, e.g. {@code "customer_reported": true,} */
	String declare(String severity, String extra, UUID... services) {
		return api.post("/api/v1/incidents", admin, """
				{"title": "Checkout fails %s", %s "severity": %s, "affected_service_ids": [%s]}""".formatted(
				UUID.randomUUID().toString().substring(0, 8), extra, severity == null ? "null" : "\"" + severity + "\"",
				Arrays.stream(services).map(s -> "\"" + s + "\"").collect(Collectors.joining(", "))))
			.expectStatus(201).json().get("id").asString();
	}

	void trigger(String routingKey, String dedupKey, String severity) {
		api.post("/v2/enqueue", null, """
				{"routing_key": "%s", "event_action": "trigger", "dedup_key": "%s",
				 "payload": {"summary": "Checkout error rate 12%%", "source": "prometheus", "severity": "%s"}}"""
			.formatted(routingKey, dedupKey, severity)).expectStatus(202);
	}

	void acknowledge(String incident, Person by) {
		api.post("/api/v1/incidents/" + incident + "/acknowledge", by.token(), null).expectStatus(200);
	}

	void resolve(String incident) {
		api.post("/api/v1/incidents/" + incident + "/status", admin, "{\"status\": \"resolved\"}").expectStatus(200);
	}

	void raise(String incident, String severity) {
		api.post("/api/v1/incidents/" + incident + "/severity", admin,
				"{\"severity\": \"%s\", \"reason\": \"worse than we thought\"}".formatted(severity)).expectStatus(200);
	}

	JsonNode incident(String incident) {
		return api.get("/api/v1/incidents/" + incident, admin).expectStatus(200).json();
	}

	List<String> timeline(String incident) {
		var texts = new ArrayList<String>();
		api.get("/api/v1/incidents/" + incident + "/timeline", admin).expectStatus(200).json()
			.values().forEach(entry -> texts.add(entry.get("text").asString()));
		return texts;
	}

	JsonNode escalations(String incident) {
		return api.get("/api/v1/incidents/" + incident + "/escalations", admin).expectStatus(200).json().get("items");
	}

	/** Every delivery about the incident: one row per message to one contact method. */
	List<JsonNode> deliveries(String incident) {
		var rows = new ArrayList<JsonNode>();
		api.get("/api/v1/incidents/" + incident + "/notifications", admin).expectStatus(200).json().get("items")
			.values().forEach(rows::add);
		return rows;
	}

	/** The messages sent (handed to a channel) to this person about the incident, as "type" in sending order. */
	List<String> pagesTo(String incident, Person person) {
		return deliveries(incident).stream()
			.filter(d -> person.id().toString().equals(d.get("account_id").asString()))
			.filter(d -> List.of("sent", "delivered").contains(d.get("status").asString()))
			.map(d -> d.get("contact_type").asString())
			.toList();
	}

	static void noPagesYet(List<String> pages) {
		assertThat(pages).isEmpty();
	}

	static UUID id(Api.Response response) {
		return UUID.fromString(response.json().get("id").asString());
	}

	static Instant at(String instant) {
		return Instant.parse(instant);
	}
}
