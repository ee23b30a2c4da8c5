package dev.firebreak.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.firebreak.ApiTest;
import dev.firebreak.identity.FirebreakUser;
import tools.jackson.databind.JsonNode;

/**
 * The alerting pages: the alert list and its filters, one alert with its payload, acknowledging
 * and resolving from the page, and a service's integrations with their keys and set-up.
 */
class AlertPagesTests extends ApiTest {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter BERLIN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.of("Europe/Berlin"));

	@Autowired
	UserDetailsService users;

	private String admin;

	private String service;

	private String serviceName;

	private String key;

	@BeforeEach
	void aServiceWithAnEventsV2Integration() {
		admin = adminToken();
		serviceName = "pages-" + UUID.randomUUID().toString().substring(0, 8);
		service = api.post("/api/v1/services", admin, "{\"name\": \"%s\"}".formatted(serviceName))
			.expectStatus(201).json().get("id").asString();
		key = api.post("/api/v1/services/" + service + "/integrations", admin, "{\"type\": \"events_v2\"}")
			.expectStatus(201).json().get("routing_key").asString();
	}

	// ---- the list ----

	@Test
	void theListFiltersByStatusAndService() throws Exception {
		// the list shows the latest activity first: these alerts are the latest whatever other tests left
		clock.advance(Duration.ofSeconds(1));
		var open = trigger(key, "open-" + UUID.randomUUID(), "Queue depth over 10k");
		var over = trigger(key, "over-" + UUID.randomUUID(), "Cache hit rate low");
		event(key, "resolve", alert(over).get("dedup_key").asString());
		var otherService = api.post("/api/v1/services", admin, "{\"name\": \"other-%s\"}".formatted(UUID.randomUUID()))
			.expectStatus(201).json().get("id").asString();
		var otherKey = api.post("/api/v1/services/" + otherService + "/integrations", admin, "{\"type\": \"events_v2\"}")
			.expectStatus(201).json().get("routing_key").asString();
		var elsewhere = trigger(otherKey, "elsewhere-" + UUID.randomUUID(), "Elsewhere is slow");
		var viewer = signedIn(person("viewer").email());

		var openHere = page(get("/alerts").param("service", service).with(user(viewer)));
		assertThat(openHere).contains(summary(open)).contains("/alerts/" + open)
			.doesNotContain(summary(over), summary(elsewhere))
			.containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC");

		var resolvedHere = page(get("/alerts").param("service", service).param("status", "resolved").with(user(viewer)));
		assertThat(resolvedHere).contains(summary(over)).doesNotContain(summary(open), summary(elsewhere));

		var allHere = page(get("/alerts").param("service", service).param("status", "all").with(user(viewer)));
		assertThat(allHere).contains(summary(open), summary(over)).doesNotContain(summary(elsewhere));

		var everywhere = page(get("/alerts").param("status", "triggered").with(user(viewer)));
		assertThat(everywhere).contains(summary(open), summary(elsewhere)).doesNotContain(summary(over));
	}

	@Test
	void theListIsPagedNewestFirstAndThePagesKeepTheFilter() throws Exception {
		for (var i = 0; i < 51; i++) {
			clock.advance(Duration.ofMillis(1));
			api.post("/v2/enqueue", null, triggerBody(key, null, "Paged alert " + i)).expectStatus(202);
		}
		var viewer = signedIn(person("viewer").email());

		var first = page(get("/alerts").param("service", service).with(user(viewer)));
		var second = page(get("/alerts").param("service", service).param("page", "1").with(user(viewer)));

		assertThat(first.split("<tr id=\"alert-", -1)).hasSize(51);
		assertThat(first).contains("Paged alert 50<").contains("Paged alert 1<").doesNotContain("Paged alert 0<")
			.contains("51 alerts")
			.contains("href=\"/alerts?status=open&amp;service=" + service + "&amp;page=1\"");
		assertThat(first.indexOf("Paged alert 50<")).isLessThan(first.indexOf("Paged alert 49<"));
		assertThat(second.split("<tr id=\"alert-", -1)).hasSize(2);
		assertThat(second).contains("Paged alert 0<").contains("← Newer");
	}

	@Test
	void aFilterThatMeansNothingIsSaidSoAndBadPagingIsAPage() throws Exception {
		clock.advance(Duration.ofSeconds(1));
		var open = trigger(key, null, "Disk filling on db-7");
		var viewer = signedIn(person("viewer").email());

		var wrong = mvc.perform(get("/alerts").param("status", "exploded").param("service", "not-a-service")
			.with(user(viewer))).andReturn().getResponse();
		assertThat(wrong.getStatus()).isEqualTo(200);
		assertThat(wrong.getContentAsString(StandardCharsets.UTF_8))
			.contains("&#39;exploded&#39; is not an alert status")
			.contains("There is no service &#39;not-a-service&#39;")
			.contains(summary(open));

		var negative = mvc.perform(get("/alerts").param("page", "-1").with(user(viewer))).andReturn().getResponse();
		assertThat(negative.getStatus()).isEqualTo(400);
		assertThat(negative.getContentAsString(StandardCharsets.UTF_8)).contains("page must be 0 or more")
			.doesNotContain("Exception");

		for (var id : new String[] { UUID.randomUUID().toString(), "nonsense" }) {
			var missing = mvc.perform(get("/alerts/" + id).with(user(viewer))).andReturn().getResponse();
			assertThat(missing.getStatus()).as(id).isEqualTo(404);
			assertThat(missing.getContentAsString(StandardCharsets.UTF_8)).contains("<h1>Alert not found</h1>");
		}
	}

	// ---- one alert ----

	@Test
	void theAlertPageShowsEveryFieldAndThePayloadPrettyPrintedAsText() throws Exception {
		var body = """
				{"routing_key": "%s", "event_action": "trigger", "dedup_key": "xss-probe",
				 "payload": {"summary": "<script>alert('summary')</script>", "source": "web-<b>1</b>", "severity": "warning",
				             "custom_details": {"note": "<img src=x onerror=alert(1)>"}}}""".formatted(key);
		clock.advance(Duration.ofSeconds(1));
		var firstSeen = clock.instant();
		api.post("/v2/enqueue", null, body).expectStatus(202);
		clock.advance(Duration.ofMinutes(1));
		api.post("/v2/enqueue", null, body).expectStatus(202);
		var alert = api.get("/api/v1/alerts?service=" + service, admin).json().get("items").get(0);

		var page = page(get("/alerts/" + alert.get("id").asString()).with(user(signedIn(person("viewer").email()))));

		assertThat(page).doesNotContain("<script>alert", "<img src=x", "<b>1</b>")
			.contains("&lt;script&gt;alert(&#39;summary&#39;)&lt;/script&gt;")
			.contains("&lt;img src=x onerror=alert(1)&gt;")
			.contains("web-&lt;b&gt;1&lt;/b&gt;")
			.contains("xss-probe")
			.contains(serviceName)
			.contains(UTC.format(firstSeen)).contains("datetime=\"" + clock.instant() + "\"")
			// indented: one field per line
			.containsPattern("\\n\\s+&quot;event_action&quot; : &quot;trigger&quot;")
			// the payload is kept without its credential
			.doesNotContain(key);
		assertThat(page.replaceAll("\\s+", " ")).contains("<dd id=\"alert-occurrences\">2</dd>");
	}

	@Test
	void aViewerSeesNoButtonsAndTimesInTheirOwnZoneOnHover() throws Exception {
		var id = trigger(key, null, "Certificate expires in 7 days");
		var email = "berlin-" + UUID.randomUUID() + "@firebreak.test";
		api.post("/api/v1/accounts", admin, """
				{"email": "%s", "display_name": "Berlin viewer", "role": "viewer", "time_zone": "Europe/Berlin",
				 "password": "password-%s"}""".formatted(email, UUID.randomUUID())).expectStatus(201);

		var page = page(get("/alerts/" + id).with(user(signedIn(email))));

		assertThat(page).doesNotContain("Acknowledge</button>", "Resolve</button>")
			.contains("title=\"" + BERLIN.format(clock.instant()) + " Europe/Berlin (your time zone)\"")
			.contains(">" + UTC.format(clock.instant()) + "<");
	}

	// ---- acknowledge and resolve ----

	@Test
	void aResponderAcknowledgesAndResolvesFromThePageAndEachIsAudited() throws Exception {
		var id = trigger(key, null, "Error rate 4% on checkout");
		var person = person("responder");
		var responder = signedIn(person.email());
		assertThat(page(get("/alerts/" + id).with(user(responder)))).contains("Acknowledge</button>")
			.contains("Resolve</button>");

		clock.advance(Duration.ofMinutes(2));
		var acknowledged = submit("/alerts/" + id + "/acknowledge", responder);
		assertThat(acknowledged.getResponse().getRedirectedUrl()).isEqualTo("/alerts/" + id);
		assertThat(acknowledged.getFlashMap().get("notice").toString()).startsWith("Acknowledged");
		assertThat(alert(id).get("status").asString()).isEqualTo("acknowledged");
		assertThat(alert(id).get("acknowledged_at").asString()).isEqualTo(clock.instant().toString());
		assertThat(audited("alert.acknowledged", id, person.id())).isEqualTo(1);
		var after = followed(acknowledged, responder);
		assertThat(after).contains("Acknowledged: everyone can see").doesNotContain("Acknowledge</button>")
			.contains("Resolve</button>");

		var again = submit("/alerts/" + id + "/acknowledge", responder);
		assertThat(again.getFlashMap().get("problem").toString()).contains("already acknowledged")
			.contains(clock.instant().toString().substring(0, 10));
		assertThat(audited("alert.acknowledged", id, person.id())).isEqualTo(1);

		var resolved = submit("/alerts/" + id + "/resolve", responder);
		assertThat(resolved.getFlashMap().get("notice").toString()).startsWith("Resolved");
		assertThat(alert(id).get("status").asString()).isEqualTo("resolved");
		assertThat(audited("alert.resolved", id, person.id())).isEqualTo(1);

		assertThat(submit("/alerts/" + id + "/resolve", responder).getFlashMap().get("problem").toString())
			.contains("already resolved");
		assertThat(submit("/alerts/" + id + "/acknowledge", responder).getFlashMap().get("problem").toString())
			.contains("already resolved").contains("nothing to acknowledge");
		assertThat(audited("alert.resolved", id, person.id())).isEqualTo(1);
		assertThat(alert(id).get("status").asString()).isEqualTo("resolved");
	}

	@Test
	void aViewerIsRefusedAndNothingChanges() throws Exception {
		var id = trigger(key, null, "Replica lag 30 s");
		var viewer = signedIn(person("viewer").email());

		for (var action : new String[] { "acknowledge", "resolve" }) {
			var response = mvc.perform(post("/alerts/" + id + "/" + action).with(user(viewer)).with(csrf()))
				.andReturn().getResponse();
			assertThat(response.getStatus()).as(action).isEqualTo(403);
		}

		assertThat(alert(id).get("status").asString()).isEqualTo("triggered");
		assertThat(auditedOn(id)).isZero();
	}

	@Test
	void withoutACsrfTokenAcknowledgingIsRefusedAndNothingChanges() throws Exception {
		var id = trigger(key, null, "Login latency high");
		var responder = signedIn(person("responder").email());

		var response = mvc.perform(post("/alerts/" + id + "/acknowledge").with(user(responder))).andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(alert(id).get("status").asString()).isEqualTo("triggered");
		assertThat(auditedOn(id)).isZero();
	}

	// ---- services and integrations ----

	@Test
	void theServicesPageNamesTeamTierAndLinksToIntegrationsAndAlerts() throws Exception {
		var team = "team-" + UUID.randomUUID().toString().substring(0, 8);
		var teamId = api.post("/api/v1/teams", admin, "{\"name\": \"%s\"}".formatted(team)).expectStatus(201).json()
			.get("id").asString();
		var owned = "owned-" + UUID.randomUUID().toString().substring(0, 8);
		var ownedId = api.post("/api/v1/services", admin,
				"{\"name\": \"%s\", \"owner_team_id\": \"%s\", \"tier\": 1}".formatted(owned, teamId))
			.expectStatus(201).json().get("id").asString();

		var page = page(get("/services").with(user(signedIn(person("viewer").email()))));

		var row = page.substring(page.indexOf("id=\"service-" + ownedId + "\""));
		row = row.substring(0, row.indexOf("</tr>"));
		assertThat(row).contains(owned).contains(team).contains("tier 1")
			.contains("/services/" + ownedId + "/integrations")
			.contains("/alerts?service=" + ownedId);
		assertThat(page).contains("href=\"/alerts\"").contains("href=\"/services\"");
	}

	@Test
	void anAdminSeesTheKeyAndItsSetUpAndOthersDoNot() throws Exception {
		var adminPage = page(get("/services/" + service + "/integrations").with(user(signedIn(ADMIN_EMAIL))));
		assertThat(adminPage).contains(key)
			.contains("curl -sS -X POST &#39;http://localhost/v2/enqueue&#39;")
			.contains("&quot;routing_key&quot;: &quot;" + key + "&quot;")
			.contains("Regenerate key").contains("New integration");

		for (var role : new String[] { "responder", "viewer" }) {
			var page = page(get("/services/" + service + "/integrations").with(user(signedIn(person(role).email()))));
			assertThat(page).as(role).doesNotContain(key).doesNotContain("Regenerate key", "New integration")
				.contains("&quot;routing_key&quot;: &quot;&lt;routing key&gt;&quot;")
				.contains("an administrator can reveal it")
				.contains("http://localhost/v2/enqueue");
		}
	}

	@Test
	void regeneratingFromThePageReplacesTheKeyAndIsAudited() throws Exception {
		var integration = integrations().get(0);
		var id = integration.get("id").asString();
		var adminUser = signedIn(ADMIN_EMAIL);

		var refused = mvc.perform(post("/services/" + service + "/integrations/" + id + "/routing-key")
			.with(user(signedIn(person("responder").email()))).with(csrf())).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(403);
		var withoutToken = mvc.perform(post("/services/" + service + "/integrations/" + id + "/routing-key")
			.with(user(adminUser))).andReturn().getResponse();
		assertThat(withoutToken.getStatus()).isEqualTo(403);
		assertThat(integrations().get(0).get("routing_key").asString()).isEqualTo(key);

		var regenerated = submit("/services/" + service + "/integrations/" + id + "/routing-key", adminUser);

		assertThat(regenerated.getResponse().getRedirectedUrl())
			.isEqualTo("/services/" + service + "/integrations#integration-" + id);
		assertThat(regenerated.getFlashMap().get("notice").toString()).contains("old key stopped working");
		var fresh = integrations().get(0).get("routing_key").asString();
		assertThat(fresh).matches("[0-9a-f]{32}").isNotEqualTo(key);
		api.post("/v2/enqueue", null, triggerBody(key, null, "old key")).expectStatus(400);
		api.post("/v2/enqueue", null, triggerBody(fresh, null, "new key")).expectStatus(202);
		assertThat(jdbc.sql("""
				select count(*) from identity_audit
				where action = 'integration.key_regenerated' and target_id = :id and actor_id = :actor""")
			.param("id", id).param("actor", adminUser.id()).query(Long.class).single()).isEqualTo(1);
		assertThat(page(get("/services/" + service + "/integrations").with(user(adminUser)))).contains(fresh)
			.doesNotContain(key);
	}

	@Test
	void anAdminAddsIntegrationsAndEachShowsItsOwnSetUp() throws Exception {
		var adminUser = signedIn(ADMIN_EMAIL);

		var added = submit("/services/" + service + "/integrations", adminUser, "type", "alertmanager", "name", "Prod Prometheus");
		submit("/services/" + service + "/integrations", adminUser, "type", "heartbeat", "name", "Nightly backup");
		submit("/services/" + service + "/integrations", adminUser, "type", "grafana", "name", "");
		submit("/services/" + service + "/integrations", adminUser, "type", "webhook", "name", "CI");

		assertThat(added.getResponse().getRedirectedUrl()).startsWith("/services/" + service + "/integrations#integration-");
		var all = integrations();
		assertThat(all.values()).extracting(i -> i.get("type").asString())
			.containsExactlyInAnyOrder("events_v2", "alertmanager", "heartbeat", "grafana", "webhook");
		var alertmanagerKey = keyOf(all, "alertmanager");
		var heartbeatKey = keyOf(all, "heartbeat");
		assertThat(jdbc.sql("select count(*) from identity_audit where action = 'integration.created' and detail like :name")
			.param("name", "Prod Prometheus%").query(Long.class).single()).isEqualTo(1);

		var page = page(get("/services/" + service + "/integrations").with(user(adminUser)));
		assertThat(page).contains("Prod Prometheus").contains(serviceName + " grafana")
			.contains("url: &#39;http://localhost/integrations/alertmanager/" + alertmanagerKey + "&#39;")
			// Alertmanager's PagerDuty receiver speaks Events v2, so it takes the Events v2 key
			.contains("routing_key: &#39;" + key + "&#39;").contains("url: &#39;http://localhost/v2/enqueue&#39;")
			.contains("http://localhost/integrations/grafana/" + keyOf(all, "grafana"))
			.contains("curl -sS -X POST &#39;http://localhost/integrations/webhook/" + keyOf(all, "webhook") + "&#39;")
			.contains("&quot;state&quot;: &quot;triggered&quot;")
			.contains("curl -fsS -m 10 --retry 5 &#39;http://localhost/ping/" + heartbeatKey.substring(0, 8) + "-"
					+ heartbeatKey.substring(8, 12) + "-" + heartbeatKey.substring(12, 16) + "-"
					+ heartbeatKey.substring(16, 20) + "-" + heartbeatKey.substring(20) + "&#39;");
		assertThat(page).contains("new · every PT24H, grace PT1H").contains("never: it is watched from its first ping");

		var pingPath = "/ping/" + heartbeatKey.substring(0, 8) + "-" + heartbeatKey.substring(8, 12) + "-"
				+ heartbeatKey.substring(12, 16) + "-" + heartbeatKey.substring(16, 20) + "-" + heartbeatKey.substring(20);
		mvc.perform(get(pingPath)).andReturn();
		var pinged = page(get("/services/" + service + "/integrations").with(user(adminUser)));
		assertThat(pinged).contains("up · every PT24H, grace PT1H").contains("(<span>success</span>)")
			.contains("datetime=\"" + clock.instant() + "\"")
			.contains("datetime=\"" + clock.instant().plus(java.time.Duration.ofHours(25)) + "\"");
	}

	@Test
	void aWrongNewIntegrationIsAnsweredOnTheFormAndAddsNothing() throws Exception {
		var adminUser = signedIn(ADMIN_EMAIL);

		var wrongType = mvc.perform(post("/services/" + service + "/integrations").with(user(adminUser)).with(csrf())
			.param("type", "carrier_pigeon").param("name", "Kept")).andReturn().getResponse();
		var longName = mvc.perform(post("/services/" + service + "/integrations").with(user(adminUser)).with(csrf())
			.param("type", "webhook").param("name", "x".repeat(101))).andReturn().getResponse();
		var byResponder = mvc.perform(post("/services/" + service + "/integrations")
			.with(user(signedIn(person("responder").email()))).with(csrf()).param("type", "webhook"))
			.andReturn().getResponse();
		var unknownService = mvc.perform(post("/services/" + UUID.randomUUID() + "/integrations").with(user(adminUser))
			.with(csrf()).param("type", "webhook")).andReturn().getResponse();

		assertThat(wrongType.getStatus()).isEqualTo(422);
		assertThat(wrongType.getContentAsString(StandardCharsets.UTF_8)).contains("Choose what kind of tool")
			.contains("value=\"Kept\"");
		assertThat(longName.getStatus()).isEqualTo(422);
		assertThat(longName.getContentAsString(StandardCharsets.UTF_8)).contains("the limit is 100");
		assertThat(byResponder.getStatus()).isEqualTo(403);
		assertThat(unknownService.getStatus()).isEqualTo(404);
		assertThat(unknownService.getContentAsString(StandardCharsets.UTF_8)).contains("Service not found");
		assertThat(integrations().size()).isEqualTo(1);
	}

	// ---- helpers ----

	private String triggerBody(String routingKey, String dedupKey, String summary) {
		return """
				{"routing_key": "%s", "event_action": "trigger", %s
				 "payload": {"summary": "%s", "source": "test", "severity": "warning"}}"""
			.formatted(routingKey, dedupKey == null ? "" : "\"dedup_key\": \"" + dedupKey + "\",", summary);
	}

	/** Triggers an alert with a unique summary; answers its id. */
	private String trigger(String routingKey, String dedupKey, String summary) {
		var unique = summary + " " + UUID.randomUUID().toString().substring(0, 8);
		var dedup = api.post("/v2/enqueue", null, triggerBody(routingKey, dedupKey, unique)).expectStatus(202).json()
			.get("dedup_key").asString();
		var found = jdbc.sql("select id from alert where dedup_key = :key and summary = :summary")
			.param("key", dedup).param("summary", unique).query(UUID.class).single();
		return found.toString();
	}

	private void event(String routingKey, String action, String dedupKey) {
		api.post("/v2/enqueue", null, "{\"routing_key\": \"%s\", \"event_action\": \"%s\", \"dedup_key\": \"%s\"}"
			.formatted(routingKey, action, dedupKey)).expectStatus(202);
	}

	private JsonNode alert(String id) {
		return api.get("/api/v1/alerts/" + id, admin).expectStatus(200).json();
	}

	private String summary(String id) {
		return alert(id).get("summary").asString();
	}

	private JsonNode integrations() {
		return api.get("/api/v1/services/" + service + "/integrations", admin).expectStatus(200).json();
	}

	private static String keyOf(JsonNode integrations, String type) {
		return integrations.values().stream().filter(i -> type.equals(i.get("type").asString())).findFirst()
			.orElseThrow().get("routing_key").asString();
	}

	private long audited(String action, String alertId, UUID actor) {
		return jdbc.sql("select count(*) from identity_audit where action = :action and target_id = :id and actor_id = :actor")
			.param("action", action).param("id", alertId).param("actor", actor).query(Long.class).single();
	}

	private long auditedOn(String alertId) {
		return jdbc.sql("select count(*) from identity_audit where target_id = :id").param("id", alertId)
			.query(Long.class).single();
	}

	private FirebreakUser signedIn(String email) {
		return (FirebreakUser) users.loadUserByUsername(email);
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		var response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as("status of %s", response.getContentAsString()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	/** The page a redirect leads to, in the same session, so its one-time message shows. */
	private String followed(MvcResult redirect, FirebreakUser as) throws Exception {
		var request = get(redirect.getResponse().getRedirectedUrl()).with(user(as));
		var session = redirect.getResponse().getCookie("SESSION");
		if (session != null) {
			request.cookie(session);
		}
		else {
			request.session((org.springframework.mock.web.MockHttpSession) redirect.getRequest().getSession());
		}
		return page(request);
	}

	/** A form post with its CSRF token, answered with a redirect. */
	private MvcResult submit(String path, FirebreakUser as, String... fields) throws Exception {
		var request = post(path).with(user(as))
			.with(csrf());
		for (var i = 0; i + 1 < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		var result = mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).as("status of POST %s", path).isEqualTo(302);
		return result;
	}
}
