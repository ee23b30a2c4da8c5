package dev.firebreak.statuspage;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import dev.firebreak.Api;

/**
 * A status page with something on it, as the browser and page tests need: in one group, a component
 * in partial outage from an active incident's public update, one under maintenance in progress, and
 * one a person said is degraded. Its names are its own, so it is found among other tests' data.
 *
 * @param incident the internal incident ({@code INC-42})
 */
record StatusScene(String group, String checkout, String checkoutId, String search, String searchId,
		String notifications, String notificationsId, String incident, String maintenance, String maintenanceId) {

	static final String INVESTIGATING = "Some customers cannot check out. We are investigating. Next update within 30 minutes.";

	static final String RESOLVED = "Checkout works again for all customers.";

	static final String MAINTENANCE_BODY = "Search may be slow for some customers while we upgrade it.";

	static final String DEGRADED_REASON = "Notifications reach customers late; the provider told us so";

	/** Builds it at the clock's {@code now}; the maintenance runs from now for two hours. */
	static StatusScene build(Api api, String admin, Instant now) {
		var world = new StatusPageWorld(api, admin);
		var group = StatusPageWorld.unique("Storefront");
		var groupId = world.group(group);
		var service = world.service("checkout-api");
		var checkout = StatusPageWorld.unique("Checkout");
		var checkoutId = world.component(checkout, groupId, service).get("id").asString();
		var search = StatusPageWorld.unique("Search");
		var searchId = world.component(search, groupId).get("id").asString();
		var notifications = StatusPageWorld.unique("Notifications");
		var notificationsId = world.component(notifications, groupId).get("id").asString();

		var incident = world.declare(admin, "checkout-api 5xx after deploy", "SEV2", false, service);
		world.publicUpdate(incident, admin, "investigating", INVESTIGATING, checkout);

		var maintenance = StatusPageWorld.unique("Search index upgrade");
		var maintenanceId = api.post("/api/v1/status-page/maintenances", admin, """
				{"name": "%s", "scheduled_for": "%s", "scheduled_until": "%s", "component_ids": ["%s"], "body": "%s"}"""
			.formatted(maintenance, now, now.plus(Duration.ofHours(2)), searchId, MAINTENANCE_BODY))
			.expectStatus(201).json().get("id").asString();

		api.put("/api/v1/status-page/components/" + notificationsId + "/status", admin, """
				{"status": "degraded_performance", "reason": "%s"}""".formatted(DEGRADED_REASON)).expectStatus(200);
		return new StatusScene(group, checkout, checkoutId, search, searchId, notifications, notificationsId, incident,
				maintenance, maintenanceId);
	}

	/**
	 * How long to let pass so that {@code room} is left of the day in the page's time zone: a test
	 * whose statuses last that long then sees them all on one day of the bar.
	 */
	static Duration roomInTheDay(Instant now, ZoneId zone, Duration room) {
		var tomorrow = now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
		return Duration.between(now, tomorrow).compareTo(room) >= 0 ? Duration.ZERO
				: Duration.between(now, tomorrow).plusMinutes(30);
	}

	/** Leaves the shared page as it found it: the incident resolved, the maintenance done, the word taken back. */
	void cleanUp(Api api, String admin) {
		new StatusPageWorld(api, admin).publicUpdate(incident, admin, "resolved", RESOLVED, checkout);
		api.post("/api/v1/status-page/maintenances/" + maintenanceId + "/status", admin, """
				{"status": "completed", "body": "The upgrade is done."}""").expectStatus(200);
		api.put("/api/v1/status-page/components/" + notificationsId + "/status", admin, """
				{"status": null, "reason": "Notifications are on time again"}""").expectStatus(200);
		api.resolve(incident, admin).expectStatus(200);
	}
}
