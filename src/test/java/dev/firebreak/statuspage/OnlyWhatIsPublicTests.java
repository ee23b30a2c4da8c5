package dev.firebreak.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import dev.firebreak.ApiTest;

/**
 * Only what is public reaches the page: a private incident, and everything internal about a public
 * one (its title, summary and impact, internal and stakeholder updates, the catalog's service and
 * team names, the people and their addresses, mitigations, notes, the reasons given) are written
 * with distinctive strings, and every public response (the page, each page it links to, the month
 * history, every JSON document and both feeds) is searched for them, while the incident is active
 * and again after it is resolved.
 */
class OnlyWhatIsPublicTests extends ApiTest {

	private static final List<String> JSON_DOCUMENTS = List.of("summary.json", "status.json", "components.json",
			"incidents.json", "incidents/unresolved.json", "scheduled-maintenances.json",
			"scheduled-maintenances/upcoming.json", "scheduled-maintenances/active.json");

	private static final String INVESTIGATING = "Some customers cannot sign in. We are investigating. Next update within 30 minutes.";

	private static final String IDENTIFIED = "Some customers cannot sign in. We found the cause and are fixing it. Next update within 30 minutes.";

	private static final String RESOLVED = "Signing in works again for all customers.";

	@Test
	void noPublicResponseCarriesAnythingPrivate() {
		var admin = adminToken();
		var world = new StatusPageWorld(api, admin);
		var tag = UUID.randomUUID().toString().substring(0, 8);
		var secrets = new LinkedHashMap<String, String>();

		var team = secret(secrets, "team", "zqteam-" + tag);
		var teamId = api.post("/api/v1/teams", admin, """
				{"name": "%s"}""".formatted(team)).expectStatus(201).json().get("id").asString();
		var service = secret(secrets, "service", "zqsvc-" + tag);
		var serviceId = api.post("/api/v1/services", admin, """
				{"name": "%s", "owner_team_id": "%s", "tier": 1}""".formatted(service, teamId))
			.expectStatus(201).json().get("id").asString();
		var stakeholder = secret(secrets, "stakeholder address", "zq-cfo-" + tag + "@board.example");
		api.put("/api/v1/services/" + serviceId + "/stakeholders", admin, """
				{"emails": ["%s"]}""".formatted(stakeholder)).expectStatus(200);
		secret(secrets, "service's id", serviceId);
		secret(secrets, "team's id", teamId);
		var signIn = StatusPageWorld.unique("Sign-in");
		var componentId = world.component(signIn, null, serviceId).get("id").asString();

		var name = secret(secrets, "person's name", "Zqperson Hushname" + tag);
		var email = secret(secrets, "person's address", "zq-person-" + tag + "@staff.example");
		var password = "password-" + UUID.randomUUID();
		var personId = api.post("/api/v1/accounts", admin, """
				{"email": "%s", "display_name": "%s", "role": "responder", "password": "%s"}"""
			.formatted(email, name, password)).expectStatus(201).json().get("id").asString();
		secret(secrets, "person's id", personId);
		var person = api.token(email, password);

		var hidden = api.post("/api/v1/incidents", admin, """
				{"title": "%s", "summary": "%s", "severity": "SEV1", "private": true, "affected_service_ids": ["%s"],
				 "customer_impact": "%s"}""".formatted(secret(secrets, "private title", "Zq private layoffs leak " + tag),
				secret(secrets, "private summary", "Zq private summary " + tag), serviceId,
				secret(secrets, "private impact", "Zq private impact " + tag)))
			.expectStatus(201).json().get("id").asString();
		world.update(hidden, admin, "internal", secret(secrets, "private internal update", "Zq private internal " + tag));
		// a private incident cannot speak in public at all
		api.post("/api/v1/incidents/" + hidden + "/status-updates", admin, """
				{"audience": "public", "phase": "investigating", "components": ["%s"], "text": "%s"}"""
			.formatted(signIn, INVESTIGATING)).problem(409);

		var incident = api.post("/api/v1/incidents", person, """
				{"title": "%s", "summary": "%s", "severity": "SEV2", "affected_service_ids": ["%s"],
				 "customer_impact": "%s"}""".formatted(secret(secrets, "internal title", "Zq token cache poisoned " + tag),
				secret(secrets, "summary", "Zq summary " + tag), serviceId,
				secret(secrets, "customer impact", "Zq impact " + tag)))
			.expectStatus(201).json().get("id").asString();
		api.put("/api/v1/incidents/" + incident + "/roles/incident_commander", admin, """
				{"account_id": "%s"}""".formatted(personId)).expectStatus(200);
		world.update(incident, person, "internal", secret(secrets, "internal update", "Zq internal update " + tag));
		world.update(incident, person, "stakeholders", secret(secrets, "stakeholder update", "Zq stakeholder update " + tag));
		api.post("/api/v1/incidents/" + incident + "/timeline", person, """
				{"text": "%s"}""".formatted(secret(secrets, "timeline note", "Zq note " + tag))).expectStatus(201);
		api.post("/api/v1/incidents/" + incident + "/mitigations", person, """
				{"lever": "rollback", "description": "%s", "mitigated": false}"""
			.formatted(secret(secrets, "mitigation", "Zq mitigation " + tag))).expectStatus(201);
		world.publicUpdate(incident, person, "investigating", INVESTIGATING, signIn);
		timePasses(Duration.ofMinutes(20));
		api.post("/api/v1/incidents/" + incident + "/severity", person, """
				{"severity": "SEV1", "reason": "%s"}""".formatted(secret(secrets, "severity reason", "Zq reason " + tag)))
			.expectStatus(200);
		world.publicUpdate(incident, person, "identified", IDENTIFIED, signIn);
		var maintenance = StatusPageWorld.unique("Sign-in upgrade");
		api.post("/api/v1/status-page/maintenances", person, """
				{"name": "%s", "scheduled_for": "%s", "scheduled_until": "%s", "component_ids": ["%s"],
				 "body": "Signing in may take longer for some customers during the upgrade."}"""
			.formatted(maintenance, clock.instant().plus(Duration.ofDays(2)), clock.instant().plus(Duration.ofDays(2).plusHours(1)),
					componentId)).expectStatus(201);
		settle();

		var active = everyPublicResponse();
		nothingPrivateIn(active, secrets, hidden, incident);
		var summary = world.json("summary.json");
		var published = byName(summary.get("incidents"), "Major outage of " + signIn);
		assertThat(published.get("incident_updates").get(0).get("body").asString()).isEqualTo(IDENTIFIED);
		assertThat(byName(summary.get("scheduled_maintenances"), maintenance).get("status").asString()).isEqualTo("scheduled");
		// what the crawl read is the page with both on it, not an empty one
		assertThat(active).containsKeys("/status/incidents/" + published.get("id").asString());
		assertThat(active.get("/status")).contains(signIn).contains(IDENTIFIED).contains(maintenance);
		assertThat(String.join("\n", active.values())).contains(INVESTIGATING);

		world.publicUpdate(incident, person, "resolved", RESOLVED, signIn);
		api.post("/api/v1/incidents/" + incident + "/resolution", person, """
				{"customer_impact": "%s", "root_cause_deferred": true, "systems_normal": true, "customers_can_resume": true,
				 "containment": "%s", "guardrails": "none", "follow_ups": "none", "override_reason": "%s"}"""
			.formatted(secret(secrets, "resolution impact", "Zq resolution impact " + tag),
					secret(secrets, "containment", "Zq containment " + tag),
					secret(secrets, "override reason", "Zq override " + tag)))
			.expectStatus(200);
		settle();

		var resolved = everyPublicResponse();
		nothingPrivateIn(resolved, secrets, hidden, incident);
		var listed = byName(world.json("incidents.json").get("incidents"), "Major outage of " + signIn);
		assertThat(listed.get("status").asString()).isEqualTo("resolved");
		assertThat(resolved.get("/status/incidents/" + listed.get("id").asString())).contains(RESOLVED);
		assertThat(resolved.get("/status/history.atom")).contains(RESOLVED);
		api.resolve(hidden, admin).expectStatus(200);
		settle();
	}

	private static String secret(Map<String, String> secrets, String what, String value) {
		secrets.put(what, value);
		return value;
	}

	private void nothingPrivateIn(Map<String, String> responses, Map<String, String> secrets, String... internalIds) {
		assertThat(responses.keySet()).as("the public responses read").contains("/status", "/status/history",
				"/status/history.atom", "/status/history.rss");
		for (var document : JSON_DOCUMENTS) {
			assertThat(responses).containsKey("/status/api/v2/" + document);
		}
		assertThat(responses.keySet()).anyMatch(path -> path.startsWith("/status/maintenances/"));
		for (var response : responses.entrySet()) {
			var body = response.getValue().toLowerCase(Locale.ROOT);
			for (var secret : secrets.entrySet()) {
				assertThat(body).as("%s shows the %s", response.getKey(), secret.getKey())
					.doesNotContain(secret.getValue().toLowerCase(Locale.ROOT));
			}
			for (var id : internalIds) {
				// INC-7 must not match INC-71
				assertThat(Pattern.compile(Pattern.quote(id) + "(?!\\d)").matcher(response.getValue()).find())
					.as("%s names the internal incident %s", response.getKey(), id).isFalse();
			}
		}
	}

	/**
	 * Every public response, by path: the page, the month's history, the JSON documents and feeds,
	 * and every page any of them links to under {@code /status} (incidents, maintenances, months).
	 */
	private Map<String, String> everyPublicResponse() {
		var zone = ZoneId.of(new StatusPageWorld(api, null).json("status.json").get("page").get("time_zone").asString());
		var queue = new ArrayDeque<String>(List.of("/status", "/status/", "/status/history",
				"/status/history/" + YearMonth.from(clock.instant().atZone(zone)), "/status/history.atom",
				"/status/history.rss"));
		JSON_DOCUMENTS.forEach(d -> queue.add("/status/api/v2/" + d));
		var read = new LinkedHashMap<String, String>();
		while (!queue.isEmpty()) {
			var path = queue.poll();
			if (read.containsKey(path)) {
				continue;
			}
			var response = api.get(path, null).expectStatus(200);
			read.put(path, response.body());
			var links = new ArrayList<String>();
			if (response.contentType().startsWith("text/html")) {
				Jsoup.parse(response.body()).select("a[href], link[href]").forEach(a -> links.add(a.attr("href")));
			}
			else if (response.contentType().startsWith("application/json")) {
				response.json().findValues("shortlink").forEach(link -> links.add(URI.create(link.asString()).getPath()));
			}
			else {
				Jsoup.parse(response.body(), "", org.jsoup.parser.Parser.xmlParser()).select("link[href], link:not([href])")
					.forEach(link -> links.add(link.hasAttr("href") ? link.attr("href") : link.text()));
			}
			links.stream().map(link -> link.startsWith("http") ? URI.create(link).getPath() : link)
				.filter(link -> link.startsWith("/status")).filter(link -> !read.containsKey(link)).forEach(queue::add);
		}
		return read;
	}

	private static JsonNode byName(JsonNode list, String name) {
		for (var item : list) {
			if (item.get("name").asString().equals(name)) {
				return item;
			}
		}
		throw new AssertionError("nothing named " + name + " in " + list);
	}
}
