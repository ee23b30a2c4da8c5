package dev.firebreak.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import dev.firebreak.ApiTest;

/** Scheduled maintenance moves on by itself, shows its components under maintenance and silences paging. */
class ScheduledMaintenanceTests extends ApiTest {

	private StatusPageWorld world;

	private String admin;

	@BeforeEach
	void world() {
		admin = adminToken();
		world = new StatusPageWorld(api, admin);
	}

	@Test
	void aMaintenanceMovesFromScheduledToCompletedAtItsTimesAndSilencesItsServicesMeanwhile() {
		var service = world.service("orders-db");
		var name = StatusPageWorld.unique("Orders");
		var component = world.component(name, null, service).get("id").asString();
		var start = clock.instant().plus(Duration.ofHours(1));
		var end = start.plus(Duration.ofHours(2));
		var planned = plan(StatusPageWorld.unique("Database upgrade"), start, end, component);
		var id = planned.get("id").asString();
		assertThat(planned.get("status").asString()).isEqualTo("scheduled");

		var upcoming = StatusPageWorld.byId(world.json("scheduled-maintenances/upcoming.json").get("scheduled_maintenances"), id);
		assertThat(upcoming.get("impact").asString()).isEqualTo("maintenance");
		assertThat(upcoming.get("scheduled_for").asString()).isEqualTo(start.toString());
		assertThat(upcoming.get("scheduled_until").asString()).isEqualTo(end.toString());
		assertThat(upcoming.get("components").get(0).get("id").asString()).isEqualTo(component);
		assertThat(upcoming.get("incident_updates").get(0).get("status").asString()).isEqualTo("scheduled");
		var windows = api.get("/api/v1/services/" + service + "/maintenance-windows", admin).expectStatus(200).json()
			.get("items");
		assertThat(windows).hasSize(1);
		assertThat(windows.get(0).get("starts_at").asString()).isEqualTo(start.toString());
		assertThat(windows.get(0).get("ends_at").asString()).isEqualTo(end.plus(Duration.ofMinutes(15)).toString());

		timePasses(Duration.ofHours(1));
		assertThat(status(id)).isEqualTo("in_progress");
		assertThat(componentStatus(component)).isEqualTo("under_maintenance");
		assertThat(ids(world.json("scheduled-maintenances/active.json").get("scheduled_maintenances"))).contains(id);
		assertThat(ids(world.json("scheduled-maintenances/upcoming.json").get("scheduled_maintenances"))).doesNotContain(id);

		timePasses(Duration.ofHours(2));
		assertThat(status(id)).isEqualTo("verifying");
		assertThat(componentStatus(component)).isEqualTo("under_maintenance");

		timePasses(Duration.ofMinutes(15));
		assertThat(status(id)).isEqualTo("completed");
		assertThat(componentStatus(component)).isEqualTo("operational");
		var done = StatusPageWorld.byId(world.json("scheduled-maintenances.json").get("scheduled_maintenances"), id);
		assertThat(done.get("incident_updates").values()).extracting(u -> u.get("status").asString())
			.containsExactly("completed", "verifying", "in_progress", "scheduled");
		assertThat(done.get("resolved_at").isNull()).isFalse();
		assertThat(ids(world.json("scheduled-maintenances/active.json").get("scheduled_maintenances"))).doesNotContain(id);
	}

	@Test
	void completingEarlyEndsTheSilenceAndCancellingRemovesIt() {
		var service = world.service("search-es");
		var name = StatusPageWorld.unique("Search");
		var component = world.component(name, null, service).get("id").asString();
		var now = clock.instant();
		var running = plan(StatusPageWorld.unique("Index rebuild"), now, now.plus(Duration.ofHours(3)), component);
		assertThat(running.get("status").asString()).isEqualTo("in_progress");
		assertThat(componentStatus(component)).isEqualTo("under_maintenance");

		var completed = api.post("/api/v1/status-page/maintenances/" + running.get("id").asString() + "/status", admin, """
				{"status": "completed", "body": "Done early."}""").expectStatus(200).json();
		assertThat(completed.get("status").asString()).isEqualTo("completed");
		assertThat(componentStatus(component)).isEqualTo("operational");
		var window = api.get("/api/v1/services/" + service + "/maintenance-windows?past=true", admin).json().get("items")
			.get(0);
		assertThat(window.get("ends_at").asString()).isEqualTo(clock.instant().toString());
		assertThat(api.post("/api/v1/status-page/maintenances/" + running.get("id").asString() + "/status", admin, """
				{"status": "in_progress"}""").problem(409).get("detail").asString()).contains("moves on only");

		var later = plan(StatusPageWorld.unique("Reindex"), now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(1).plusHours(1)),
				component);
		api.delete("/api/v1/status-page/maintenances/" + later.get("id").asString(), admin).expectStatus(204);
		assertThat(api.get("/api/v1/services/" + service + "/maintenance-windows", admin).json().get("items")).isEmpty();
		assertThat(ids(world.json("scheduled-maintenances.json").get("scheduled_maintenances")))
			.doesNotContain(later.get("id").asString());
	}

	@Test
	void startedEarlyItSilencesItsServicesFromTheMomentItStarted() {
		var service = world.service("cart-redis");
		var component = world.component(StatusPageWorld.unique("Cart"), null, service).get("id").asString();
		var start = clock.instant().plus(Duration.ofHours(2));
		var id = plan(StatusPageWorld.unique("Redis failover drill"), start, start.plus(Duration.ofHours(1)), component)
			.get("id").asString();

		var moved = api.post("/api/v1/status-page/maintenances/" + id + "/status", admin, """
				{"status": "in_progress", "body": "We started early."}""").expectStatus(200).json();

		assertThat(moved.get("started_at").asString()).isEqualTo(clock.instant().toString());
		var windows = api.get("/api/v1/services/" + service + "/maintenance-windows", admin).json().get("items");
		assertThat(windows).hasSize(1);
		assertThat(windows.get(0).get("starts_at").asString()).isEqualTo(clock.instant().toString());
		var update = StatusPageWorld.byId(world.json("scheduled-maintenances/active.json").get("scheduled_maintenances"), id)
			.get("incident_updates").get(0).get("affected_components").get(0);
		assertThat(update.get("old_status").asString()).isEqualTo("operational");
		assertThat(update.get("new_status").asString()).isEqualTo("under_maintenance");
	}

	@Test
	void subscribersAreRemindedOnceBeforeItStarts() {
		var component = world.component(StatusPageWorld.unique("Billing"), null).get("id").asString();
		var start = clock.instant().plus(Duration.ofHours(30));
		var id = plan(StatusPageWorld.unique("Billing move"), start, start.plus(Duration.ofHours(1)), component)
			.get("id").asString();

		timePasses(Duration.ofHours(5));
		assertThat(get(id).get("reminded_at").isNull()).isTrue();
		timePasses(Duration.ofHours(1));
		assertThat(get(id).get("reminded_at").asString()).isEqualTo(start.minus(Duration.ofHours(24)).toString());
	}

	@Test
	void aMovedMaintenanceStartsAtItsNewTimeOnly() {
		var component = world.component(StatusPageWorld.unique("Uploads"), null).get("id").asString();
		var start = clock.instant().plus(Duration.ofHours(1));
		var id = plan(StatusPageWorld.unique("Storage swap"), start, start.plus(Duration.ofHours(1)), component)
			.get("id").asString();
		api.put("/api/v1/status-page/maintenances/" + id, admin, """
				{"scheduled_for": "%s", "scheduled_until": "%s"}""".formatted(start.plus(Duration.ofHours(2)),
				start.plus(Duration.ofHours(3)))).expectStatus(200);

		timePasses(Duration.ofHours(1));
		assertThat(status(id)).isEqualTo("scheduled");
		timePasses(Duration.ofHours(2));
		assertThat(status(id)).isEqualTo("in_progress");
	}

	@Test
	void badPlansAreRefusedInWordsAndChangeNothing() {
		var component = world.component(StatusPageWorld.unique("Docs"), null).get("id").asString();
		var now = clock.instant();
		var before = world.json("scheduled-maintenances.json").get("scheduled_maintenances").size();
		assertThat(pointer(refused("", now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)), component)))
			.isEqualTo("/name");
		assertThat(pointer(refused("Work", now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(1)), component)))
			.isEqualTo("/scheduled_until");
		assertThat(pointer(refused("Work", now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(1)), component)))
			.isEqualTo("/scheduled_until");
		assertThat(pointer(refused("Work", now, now.plus(Duration.ofDays(8)), component))).isEqualTo("/scheduled_until");
		assertThat(pointer(refused("Work", now, now.plus(Duration.ofHours(1)), java.util.UUID.randomUUID().toString())))
			.isEqualTo("/component_ids");
		assertThat(world.json("scheduled-maintenances.json").get("scheduled_maintenances")).hasSize(before);
	}

	private JsonNode plan(String name, java.time.Instant from, java.time.Instant until, String component) {
		return api.post("/api/v1/status-page/maintenances", admin, """
				{"name": "%s", "scheduled_for": "%s", "scheduled_until": "%s", "component_ids": ["%s"]}"""
			.formatted(name, from, until, component)).expectStatus(201).json();
	}

	private JsonNode refused(String name, java.time.Instant from, java.time.Instant until, String component) {
		return api.post("/api/v1/status-page/maintenances", admin, """
				{"name": "%s", "scheduled_for": "%s", "scheduled_until": "%s", "component_ids": ["%s"]}"""
			.formatted(name, from, until, component)).problem(400);
	}

	private static String pointer(JsonNode problem) {
		return problem.get("errors").get(0).get("pointer").asString();
	}

	private JsonNode get(String id) {
		return api.get("/api/v1/status-page/maintenances/" + id, admin).expectStatus(200).json();
	}

	private String status(String id) {
		return get(id).get("status").asString();
	}

	private String componentStatus(String id) {
		return StatusPageWorld.byId(world.json("components.json").get("components"), id).get("status").asString();
	}

	private static java.util.List<String> ids(JsonNode list) {
		return list.valueStream().map(n -> n.get("id").asString()).toList();
	}
}
