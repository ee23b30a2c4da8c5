package dev.firebreak.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.rometools.rome.io.SyndFeedInput;

import tools.jackson.databind.JsonNode;

import dev.firebreak.ApiTest;

/** The public JSON in the shapes of the de-facto standard, field by field; the feeds; the caching headers. */
class StatusJsonTests extends ApiTest {

	private static final List<String> STATUSES = List.of("operational", "degraded_performance", "partial_outage",
			"major_outage", "under_maintenance");

	private StatusPageWorld world;

	private String admin;

	@BeforeEach
	void world() {
		admin = adminToken();
		world = new StatusPageWorld(api, admin);
	}

	@Test
	void everyDocumentStartsWithThePage() {
		for (var path : List.of("summary.json", "status.json", "components.json", "incidents.json",
				"incidents/unresolved.json", "scheduled-maintenances.json", "scheduled-maintenances/upcoming.json",
				"scheduled-maintenances/active.json")) {
			var doc = world.json(path);
			assertThat(doc.propertyNames().iterator().next()).as(path).isEqualTo("page");
			var page = doc.get("page");
			assertThat(page.get("id").asString()).as(path).hasSize(12);
			assertThat(page.get("name").asString()).isNotBlank();
			assertThat(page.get("url").asString()).endsWith("/status");
			assertThat(page.get("time_zone").asString()).isNotBlank();
			assertThat(java.time.Instant.parse(page.get("updated_at").asString())).isNotNull();
		}
		assertThat(world.json("summary.json").propertyNames()).containsExactly("page", "components", "incidents",
				"scheduled_maintenances", "status");
		assertThat(world.json("status.json").propertyNames()).containsExactly("page", "status");
	}

	@Test
	void componentsAndGroupsCarryEveryFieldOfTheStandardShape() {
		var service = world.service("ledger-db");
		var group = world.group(StatusPageWorld.unique("Payments"));
		var name = StatusPageWorld.unique("Invoices");
		var component = world.component(name, group, service).get("id").asString();

		var components = world.json("components.json").get("components");
		var c = StatusPageWorld.byId(components, component);
		assertThat(c.propertyNames()).containsExactlyInAnyOrder("id", "name", "status", "created_at", "updated_at",
				"position", "description", "showcase", "start_date", "group_id", "page_id", "group",
				"only_show_if_degraded");
		assertThat(c.get("name").asString()).isEqualTo(name);
		assertThat(c.get("status").asString()).isEqualTo("operational");
		assertThat(c.get("group_id").asString()).isEqualTo(group);
		assertThat(c.get("group").asBoolean()).isFalse();
		assertThat(c.get("showcase").asBoolean()).isTrue();
		assertThat(c.get("only_show_if_degraded").asBoolean()).isFalse();
		assertThat(c.get("page_id").asString()).isEqualTo(world.json("status.json").get("page").get("id").asString());
		assertThat(c.get("start_date").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
		assertThat(c.get("description").isNull()).isTrue();

		var g = StatusPageWorld.byId(components, group);
		assertThat(g.get("group").asBoolean()).isTrue();
		assertThat(g.get("components").values()).extracting(JsonNode::asString).containsExactly(component);
		assertThat(g.get("group_id").isNull()).isTrue();
		assertThat(g.get("position").asInt()).isLessThan(c.get("position").asInt());
		assertThat(components.values()).allSatisfy(each -> assertThat(STATUSES).contains(each.get("status").asString()));
	}

	@Test
	void theOverallStatusIsTheWorstOfTheComponentsAndTheUnresolvedIncidents() {
		var name = StatusPageWorld.unique("Search");
		var component = world.component(name, null).get("id").asString();
		api.put("/api/v1/status-page/components/" + component + "/status", admin, """
				{"status": "major_outage", "reason": "the index is being rebuilt"}""").expectStatus(200);

		var status = world.json("status.json").get("status");
		assertThat(status.get("indicator").asString()).isEqualTo("critical");
		assertThat(status.get("description").asString()).isEqualTo("Major Service Outage");
		assertThat(world.json("summary.json").get("status")).isEqualTo(status);

		api.put("/api/v1/status-page/components/" + component + "/status", admin, """
				{"status": null, "reason": "rebuilt"}""").expectStatus(200);
		var after = world.json("components.json").get("components");
		assertThat(StatusPageWorld.byId(after, component).get("status").asString()).isEqualTo("operational");
		// what is left is what the other components and incidents of the shared page say
		var expected = expectedIndicator(after, world.json("incidents/unresolved.json").get("incidents"));
		assertThat(world.json("status.json").get("status").get("indicator").asString()).isEqualTo(expected);
	}

	@Test
	void incidentsCarryEveryFieldAndTheirImpactFollowsTheSeverity() {
		var name = StatusPageWorld.unique("Login");
		var component = world.component(name, null).get("id").asString();
		var sev1 = world.declare(admin, "auth-svc certificates expired", "SEV1", false);
		var sev3 = world.declare(admin, "auth-svc slow on one shard", "SEV3", false);
		world.publicUpdate(sev1, admin, "identified", "Nobody can sign in. We found the cause. Next update within 30 minutes.", name);
		world.publicUpdate(sev3, admin, "investigating", "Signing in is slow for some. Next update within 30 minutes.");
		settle();

		var unresolved = world.json("incidents/unresolved.json").get("incidents");
		var critical = named(unresolved, "Major outage of " + name);
		assertThat(critical.propertyNames()).containsExactlyInAnyOrder("id", "name", "status", "created_at",
				"updated_at", "monitoring_at", "resolved_at", "impact", "shortlink", "started_at", "page_id",
				"incident_updates", "components");
		assertThat(critical.get("impact").asString()).isEqualTo("critical");
		assertThat(critical.get("status").asString()).isEqualTo("identified");
		assertThat(critical.get("monitoring_at").isNull()).isTrue();
		assertThat(critical.get("resolved_at").isNull()).isTrue();
		assertThat(critical.get("shortlink").asString()).endsWith("/status/incidents/" + critical.get("id").asString());
		assertThat(critical.get("components").get(0).get("id").asString()).isEqualTo(component);
		assertThat(critical.get("components").get(0).get("status").asString()).isEqualTo("major_outage");
		var update = critical.get("incident_updates").get(0);
		assertThat(update.propertyNames()).containsExactlyInAnyOrder("id", "status", "body", "incident_id",
				"created_at", "updated_at", "display_at", "affected_components", "deliver_notifications");
		assertThat(update.get("incident_id").asString()).isEqualTo(critical.get("id").asString());
		assertThat(update.get("deliver_notifications").asBoolean()).isTrue();
		assertThat(update.get("affected_components").get(0).propertyNames()).containsExactly("code", "name",
				"old_status", "new_status");
		var minor = unresolved.values().stream().filter(i -> i.get("impact").asString().equals("minor")
				&& i.get("incident_updates").get(0).get("body").asString().startsWith("Signing in is slow")).findFirst();
		assertThat(minor).isPresent();
		assertThat(minor.get().get("name").asString()).isEqualTo("Service disruption");

		timePasses(java.time.Duration.ofMinutes(10));
		world.publicUpdate(sev1, admin, "monitoring", "A fix is in place; we are watching sign-ins. Next update within 60 minutes.", name);
		settle();
		var monitoring = named(world.json("incidents.json").get("incidents"), "Major outage of " + name);
		assertThat(monitoring.get("status").asString()).isEqualTo("monitoring");
		assertThat(monitoring.get("monitoring_at").isNull()).isFalse();
		assertThat(monitoring.get("incident_updates")).hasSize(2);
		assertThat(monitoring.get("incident_updates").get(0).get("status").asString()).isEqualTo("monitoring");
	}

	@Test
	void aResolvedIncidentWithoutAPublicWordIsResolvedOnThePageAndItsComponentsReturn() {
		var name = StatusPageWorld.unique("Exports");
		var component = world.component(name, null).get("id").asString();
		var incident = world.declare(admin, "export-worker OOM", "SEV2", false);
		world.publicUpdate(incident, admin, "investigating", "Exports fail. Next update within 30 minutes.", name);
		settle();
		assertThat(StatusPageWorld.byId(world.json("components.json").get("components"), component).get("status")
			.asString()).isEqualTo("partial_outage");

		timePasses(java.time.Duration.ofMinutes(20));
		api.resolve(incident, admin).expectStatus(200);
		settle();

		assertThat(StatusPageWorld.byId(world.json("components.json").get("components"), component).get("status")
			.asString()).isEqualTo("operational");
		var resolved = named(world.json("incidents.json").get("incidents"), "Partial outage of " + name);
		assertThat(resolved.get("status").asString()).isEqualTo("resolved");
		assertThat(resolved.get("incident_updates").get(0).get("body").asString())
			.isEqualTo("This incident has been resolved.");
	}

	@Test
	void aPersonsWordOnAComponentHoldsAfterResolution() {
		var name = StatusPageWorld.unique("Reports");
		var component = world.component(name, null).get("id").asString();
		var incident = world.declare(admin, "reports-db lag", "SEV2", false);
		world.publicUpdate(incident, admin, "investigating", "Reports are late. Next update within 30 minutes.", name);
		settle();
		api.put("/api/v1/status-page/components/" + component + "/status", admin, """
				{"status": "degraded_performance", "reason": "a backlog of reports stays after the fix"}""")
			.expectStatus(200);

		world.publicUpdate(incident, admin, "resolved", "Reports work again; older ones arrive late today.", name);
		settle();

		assertThat(StatusPageWorld.byId(world.json("components.json").get("components"), component).get("status")
			.asString()).isEqualTo("degraded_performance");
		assertThat(api.put("/api/v1/status-page/components/" + component + "/status", admin, """
				{"status": "broken", "reason": "x"}""").problem(400).get("errors").get(0).get("pointer").asString())
			.isEqualTo("/status");
	}

	@Test
	void theFeedsAreValidAtomAndRssWithAnEntryPerIncident() throws Exception {
		var name = StatusPageWorld.unique("Webhooks");
		world.component(name, null);
		var incident = world.declare(admin, "hook-dispatcher stuck", "SEV2", false);
		world.publicUpdate(incident, admin, "investigating", "Webhooks are delayed. Next update within 30 minutes.", name);
		settle();

		var atom = api.get("/status/history.atom", null).expectStatus(200);
		assertThat(atom.contentType()).startsWith("application/atom+xml");
		var atomFeed = new SyndFeedInput().build(new StringReader(atom.body()));
		assertThat(atomFeed.getFeedType()).isEqualTo("atom_1.0");
		var entry = atomFeed.getEntries().stream().filter(e -> e.getTitle().equals("Partial outage of " + name))
			.findFirst().orElseThrow();
		assertThat(entry.getLink()).contains("/status/incidents/");
		assertThat(entry.getUpdatedDate()).isNotNull();

		var rss = api.get("/status/history.rss", null).expectStatus(200);
		assertThat(rss.contentType()).startsWith("application/rss+xml");
		var rssFeed = new SyndFeedInput().build(new StringReader(rss.body()));
		assertThat(rssFeed.getFeedType()).isEqualTo("rss_2.0");
		var item = rssFeed.getEntries().stream().filter(e -> e.getTitle().equals("Partial outage of " + name))
			.findFirst().orElseThrow();
		assertThat(item.getDescription().getValue()).contains("Webhooks are delayed.");
	}

	@Test
	void theServedCopyCarriesItsVersionAndAnUnchangedCopyIsNotSentAgain() throws Exception {
		var first = mvc.perform(MockMvcRequestBuilders.get("/status/api/v2/summary.json")).andReturn().getResponse();
		assertThat(first.getStatus()).isEqualTo(200);
		var etag = first.getHeader("ETag");
		assertThat(etag).matches("\"[0-9a-f]+-\\d+\"");
		assertThat(first.getHeader("Last-Modified")).endsWith("GMT");
		assertThat(first.getHeader("Cache-Control")).isEqualTo("public, max-age=10");
		assertThat(first.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");

		var again = mvc.perform(MockMvcRequestBuilders.get("/status/api/v2/summary.json").header("If-None-Match", etag))
			.andReturn().getResponse();
		assertThat(again.getStatus()).isEqualTo(304);
		assertThat(again.getContentAsByteArray()).isEmpty();
		var since = mvc.perform(MockMvcRequestBuilders.get("/status/api/v2/summary.json")
			.header("If-Modified-Since", first.getHeader("Last-Modified"))).andReturn().getResponse();
		assertThat(since.getStatus()).isEqualTo(304);

		world.component(StatusPageWorld.unique("Uploads"), null);
		var changed = mvc.perform(MockMvcRequestBuilders.get("/status/api/v2/summary.json").header("If-None-Match", etag))
			.andReturn().getResponse();
		assertThat(changed.getStatus()).isEqualTo(200);
		assertThat(changed.getHeader("ETag")).isNotEqualTo(etag);

		var plain = mvc.perform(MockMvcRequestBuilders.get("/status")).andReturn().getResponse();
		var zipped = mvc.perform(MockMvcRequestBuilders.get("/status").header("Accept-Encoding", "gzip, deflate, br"))
			.andReturn().getResponse();
		assertThat(zipped.getHeader("Content-Encoding")).isEqualTo("gzip");
		assertThat(zipped.getHeader("Vary")).isEqualTo("Accept-Encoding");
		assertThat(zipped.getHeader("ETag")).isNotEqualTo(plain.getHeader("ETag"));
		assertThat(zipped.getContentAsByteArray().length).isLessThan(plain.getContentAsByteArray().length / 3);
		try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.getContentAsByteArray()))) {
			assertThat(in.readAllBytes()).isEqualTo(plain.getContentAsByteArray());
		}

		var head = mvc.perform(MockMvcRequestBuilders.head("/status")).andReturn().getResponse();
		assertThat(head.getStatus()).isEqualTo(200);
		assertThat(head.getContentType()).startsWith("text/html");
		assertThat(head.getContentAsByteArray()).isEmpty();
		assertThat(mvc.perform(MockMvcRequestBuilders.get("/status/api/v2/nothing.json")).andReturn().getResponse()
			.getStatus()).isNotEqualTo(200);
	}

	@Test
	void thePageCanBeServedAtTheRootOfItsOwnHostName() throws Exception {
		var before = api.get("/api/v1/status-page/settings", admin).expectStatus(200).json();
		try {
			api.put("/api/v1/status-page/settings", admin, """
					{"name": "Acme", "brand_colour": "#1f5fbf", "time_zone": "Europe/Berlin", "host_name": "status.acme.test"}""")
				.expectStatus(200);
			var own = mvc.perform(MockMvcRequestBuilders.get("http://status.acme.test/api/v2/status.json"))
				.andReturn().getResponse();
			assertThat(own.getStatus()).isEqualTo(200);
			assertThat(own.getContentAsString()).contains("\"name\":\"Acme\"").contains("\"time_zone\":\"Europe/Berlin\"")
				.contains("\"url\":\"https://status.acme.test\"");
			var page = mvc.perform(MockMvcRequestBuilders.get("http://status.acme.test/")).andReturn()
				.getResponse().getContentAsString();
			assertThat(page).contains("href=\"/history.atom\"").doesNotContain("href=\"/status/history.atom\"");
			assertThat(mvc.perform(MockMvcRequestBuilders.get("http://status.acme.test/api/v1/incidents")).andReturn()
				.getResponse().getStatus()).isEqualTo(404);
			assertThat(api.put("/api/v1/status-page/settings", admin, """
					{"name": "Acme", "brand_colour": "#ffff00"}""").problem(400).get("errors").get(0).get("pointer")
				.asString()).isEqualTo("/brand_colour");
		}
		finally {
			api.put("/api/v1/status-page/settings", admin, """
					{"name": "%s", "brand_colour": "%s", "time_zone": "%s"}""".formatted(before.get("name").asString(),
					before.get("brand_colour").asString(), before.get("time_zone").asString())).expectStatus(200);
		}
	}

	private static JsonNode named(JsonNode list, String name) {
		for (var item : list) {
			if (item.get("name").asString().equals(name)) {
				return item;
			}
		}
		throw new AssertionError("no incident named " + name + " in " + list);
	}

	private static String expectedIndicator(JsonNode components, JsonNode unresolved) {
		var ranks = new ArrayList<>(List.of("none", "maintenance", "minor", "major", "critical"));
		var worst = 0;
		for (var c : components) {
			var rank = switch (c.get("status").asString()) {
				case "major_outage" -> 4;
				case "partial_outage" -> 3;
				case "degraded_performance" -> 2;
				case "under_maintenance" -> 1;
				default -> 0;
			};
			worst = Math.max(worst, rank);
		}
		for (var i : unresolved) {
			worst = Math.max(worst, ranks.indexOf(i.get("impact").asString()));
		}
		return ranks.get(worst);
	}
}
