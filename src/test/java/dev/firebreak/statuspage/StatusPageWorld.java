package dev.firebreak.statuspage;

import java.util.UUID;

import tools.jackson.databind.JsonNode;

import dev.firebreak.Api;

/** Services, components and incidents for the status page tests, each with names of its own. */
public final class StatusPageWorld {

	private final Api api;

	private final String admin;

	public StatusPageWorld(Api api, String admin) {
		this.api = api;
		this.admin = admin;
	}

	public static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A catalog service named {@code prefix-<random>} (an internal name); returns its id. */
	public String service(String prefix) {
		return api.post("/api/v1/services", admin, """
				{"name": "%s-%s", "tier": 1}""".formatted(prefix, UUID.randomUUID().toString().substring(0, 8)))
			.expectStatus(201).json().get("id").asString();
	}

	/** A component on the page, mapped to these services; returns it. */
	public JsonNode component(String name, String groupId, String... serviceIds) {
		var services = serviceIds.length == 0 ? "[]" : "[\"" + String.join("\", \"", serviceIds) + "\"]";
		return api.post("/api/v1/status-page/components", admin, """
				{"name": "%s", "group_id": %s, "service_ids": %s}"""
			.formatted(name, groupId == null ? "null" : "\"" + groupId + "\"", services)).expectStatus(201).json();
	}

	/** The component named so, made when the page has none yet (for tests that only need the name to be known). */
	public static void ensureComponent(Api api, String admin, String name) {
		var listed = api.get("/api/v1/status-page/components?size=200", admin).expectStatus(200).json().get("items");
		for (var c : listed) {
			if (c.get("name").asString().equalsIgnoreCase(name)) {
				return;
			}
		}
		api.post("/api/v1/status-page/components", admin, """
				{"name": "%s"}""".formatted(name)).expectStatus(201);
	}

	public String group(String name) {
		return api.post("/api/v1/status-page/groups", admin, """
				{"name": "%s"}""".formatted(name)).expectStatus(201).json().get("id").asString();
	}

	/** Declares an incident as {@code token}; returns its id ({@code INC-42}). */
	public String declare(String token, String title, String severity, boolean isPrivate, String... serviceIds) {
		var services = serviceIds.length == 0 ? "[]" : "[\"" + String.join("\", \"", serviceIds) + "\"]";
		return api.post("/api/v1/incidents", token, """
				{"title": "%s", "severity": "%s", "private": %s, "affected_service_ids": %s,
				 "customer_impact": "Some customers cannot pay."}""".formatted(title, severity, isPrivate, services))
			.expectStatus(201).json().get("id").asString();
	}

	/** Posts a public update naming these components. */
	public void publicUpdate(String incident, String token, String phase, String text, String... components) {
		var names = components.length == 0 ? "[]" : "[\"" + String.join("\", \"", components) + "\"]";
		api.post("/api/v1/incidents/" + incident + "/status-updates", token, """
				{"audience": "public", "phase": "%s", "components": %s, "text": "%s"}"""
			.formatted(phase, names, text)).expectStatus(201);
	}

	public void update(String incident, String token, String audience, String text) {
		api.post("/api/v1/incidents/" + incident + "/status-updates", token, """
				{"audience": "%s", "text": "%s"}""".formatted(audience, text)).expectStatus(201);
	}

	/** A public document, as a reader without credentials gets it. */
	public JsonNode json(String path) {
		return api.get("/status/api/v2/" + path, null).expectStatus(200).json();
	}

	public static JsonNode byId(JsonNode list, String id) {
		for (var item : list) {
			if (item.get("id").asString().equals(id)) {
				return item;
			}
		}
		throw new AssertionError("no " + id + " in " + list);
	}
}
