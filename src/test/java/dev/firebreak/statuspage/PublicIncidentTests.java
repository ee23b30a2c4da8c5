package dev.firebreak.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.firebreak.ApiTest;

/** Public updates of incidents set the components they name; resolution returns them; the JSON tells. */
class PublicIncidentTests extends ApiTest {

	private StatusPageWorld world;

	private String admin;

	@BeforeEach
	void world() {
		admin = adminToken();
		world = new StatusPageWorld(api, admin);
	}

	@Test
	void aPublicUpdateSetsTheComponentsItNamesAndResolutionReturnsThemToOperational() {
		var service = world.service("payments-db");
		var name = StatusPageWorld.unique("Card payments");
		var component = world.component(name, null, service).get("id").asString();
		var incident = world.declare(adminToken(), "payments-db primary down", "SEV2", false, service);

		world.publicUpdate(incident, admin, "investigating", "Some card payments fail. We are investigating. Next update within 30 minutes.", name);
		settle();

		var summary = world.json("summary.json");
		assertThat(StatusPageWorld.byId(summary.get("components"), component).get("status").asString())
			.isEqualTo("partial_outage");
		var listed = summary.get("incidents");
		var found = find(listed, "Partial outage of " + name);
		assertThat(found.get("status").asString()).isEqualTo("investigating");
		assertThat(found.get("impact").asString()).isEqualTo("major");
		var update = found.get("incident_updates").get(0);
		assertThat(update.get("body").asString()).isEqualTo("Some card payments fail. We are investigating. Next update within 30 minutes.");
		var affected = update.get("affected_components").get(0);
		assertThat(affected.get("code").asString()).isEqualTo(component);
		assertThat(affected.get("old_status").asString()).isEqualTo("operational");
		assertThat(affected.get("new_status").asString()).isEqualTo("partial_outage");

		world.publicUpdate(incident, admin, "resolved", "Card payments work again.", name);
		settle();

		var after = world.json("summary.json");
		assertThat(StatusPageWorld.byId(after.get("components"), component).get("status").asString())
			.isEqualTo("operational");
		var all = world.json("incidents.json").get("incidents");
		var resolved = find(all, "Partial outage of " + name);
		assertThat(resolved.get("status").asString()).isEqualTo("resolved");
		assertThat(resolved.get("resolved_at").isNull()).isFalse();
		assertThat(resolved.get("incident_updates")).hasSize(2);
		assertThat(api.get("/status", null).expectStatus(200).body()).contains(name);
	}

	private static tools.jackson.databind.JsonNode find(tools.jackson.databind.JsonNode list, String name) {
		for (var item : list) {
			if (item.get("name").asString().equals(name)) {
				return item;
			}
		}
		throw new AssertionError("no incident named " + name + " in " + list);
	}
}
