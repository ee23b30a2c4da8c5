package dev.firebreak.comms;

import java.util.UUID;

import dev.firebreak.Api;

/** Services and incidents for the communication tests, each with names of its own. */
final class CommsWorld {

	private final Api api;

	private final String admin;

	CommsWorld(Api api, String admin) {
		this.api = api;
		this.admin = admin;
	}

	/** A service named {@code prefix-<random>}; returns its id. */
	String service(String prefix) {
		return api.post("/api/v1/services", admin, """
				{"name": "%s-%s", "tier": 1}""".formatted(prefix, UUID.randomUUID().toString().substring(0, 8)))
			.expectStatus(201).json().get("id").asString();
	}

	String serviceName(String id) {
		return api.get("/api/v1/services/" + id, admin).expectStatus(200).json().get("name").asString();
	}

	/** Declares an incident as {@code token}; returns its id ({@code INC-42}). */
	String declare(String token, String severity, boolean isPrivate, String... serviceIds) {
		var services = serviceIds.length == 0 ? "[]" : "[\"" + String.join("\", \"", serviceIds) + "\"]";
		return api.post("/api/v1/incidents", token, """
				{"title": "Card payments fail", "severity": "%s", "private": %s, "affected_service_ids": %s,
				 "customer_impact": "Customers cannot pay by card."}""".formatted(severity, isPrivate, services))
			.expectStatus(201).json().get("id").asString();
	}

	Api.Response post(String incident, String token, String json) {
		return api.post("/api/v1/incidents/" + incident + "/status-updates", token, json);
	}

	void move(String incident, String token, String status) {
		api.post("/api/v1/incidents/" + incident + "/status", token, """
				{"status": "%s"}""".formatted(status)).expectStatus(200);
	}

	void stakeholders(String serviceId, String... emails) {
		var list = emails.length == 0 ? "[]" : "[\"" + String.join("\", \"", emails) + "\"]";
		api.put("/api/v1/services/" + serviceId + "/stakeholders", admin, "{\"emails\": " + list + "}").expectStatus(200);
	}
}
