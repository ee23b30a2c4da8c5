package dev.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;

import dev.firebreak.ApiTest;
import dev.firebreak.identity.FirebreakUser;

/**
 * Responders run a service's mitigation actions from an incident, against a stand-in for a
 * feature-flag service: the run is announced on the timeline before the call goes out, the call is
 * exactly the registered one, and its result is recorded after it.
 */
class MitigationActionRunTests extends ApiTest {

	@Autowired
	UserDetailsService users;

	private MockWebServer flags;

	/** What the flag service answers next, and what the timeline held when each request arrived. */
	private final List<MockResponse> answers = new CopyOnWriteArrayList<>();

	private final List<Long> actionEntriesWhenCalled = new CopyOnWriteArrayList<>();

	private final List<RecordedRequest> received = new CopyOnWriteArrayList<>();

	private long watchedIncident;

	private String admin;

	private Person responder;

	private String service;

	private String serviceName;

	@BeforeEach
	void aFeatureFlagServiceAndAServiceThatUsesIt() throws IOException {
		flags = new MockWebServer();
		flags.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				// read in the other thread while the runner waits: was the announcement committed first?
				actionEntriesWhenCalled.add(jdbc.sql(
						"select count(*) from incident_timeline where incident_number = :n and kind = 'ACTION'")
					.param("n", watchedIncident).query(Long.class).single());
				received.add(request);
				return answers.isEmpty() ? new MockResponse.Builder().code(200).body("ok").build() : answers.remove(0);
			}
		});
		flags.start(0);
		admin = adminToken();
		responder = person("responder");
		serviceName = "checkout " + UUID.randomUUID().toString().substring(0, 8);
		service = api.post("/api/v1/services", admin, "{\"name\": \"%s\"}".formatted(serviceName)).expectStatus(201)
			.json().get("id").asString();
	}

	@AfterEach
	void stopTheFlagService() {
		flags.close();
	}

	@Test
	void aRunIsAnnouncedThenSentExactlyAsRegisteredThenRecorded() throws Exception {
		var action = register(service, "Checkout flag off", flags.url("/api/flags/checkout").toString(), true);
		var incident = declare(service);
		answers.add(new MockResponse.Builder().code(200).body("  {\"flag\": \"checkout\", \"on\": false}  ").build());

		var run = api.post(runOf(incident, action), responder.token(), """
				{"reason": "checkout errors since the 10:02 deploy"}""").expectStatus(200).json();

		assertThat(run.get("ok").asBoolean()).isTrue();
		assertThat(run.get("status_code").asInt()).isEqualTo(200);
		assertThat(run.get("body_excerpt").asString()).isEqualTo("{\"flag\": \"checkout\", \"on\": false}");
		assertThat(run.get("error").isNull()).isTrue();
		assertThat(Instant.parse(run.get("announced_at").asString())).isEqualTo(clock.instant());
		assertThat(Instant.parse(run.get("finished_at").asString())).isEqualTo(clock.instant());

		assertThat(received).hasSize(1);
		var sent = received.get(0);
		assertThat(sent.getMethod()).isEqualTo("PUT");
		assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/flags/checkout");
		assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer s3cr3t-flag-token");
		assertThat(sent.getHeaders().get("Content-Type")).isEqualTo("application/json");
		assertThat(sent.getBody().utf8()).isEqualTo("{\"on\": false}");
		assertThat(actionEntriesWhenCalled).as("announcements on the timeline when the call arrived").containsExactly(1L);

		var entries = actionEntries(incident);
		assertThat(entries).hasSize(2);
		assertThat(entries.get(0).get("text").asString()).isEqualTo("Running Checkout flag off (feature_flag_off) on "
				+ serviceName + ": PUT " + flags.url("/api/flags/checkout") + " — announced by "
				+ displayName(responder) + "; reason: checkout errors since the 10:02 deploy");
		assertThat(entries.get(1).get("text").asString()).isEqualTo("Result: running Checkout flag off (feature_flag_off) on "
				+ serviceName + " answered HTTP 200 in 0 ms — {\"flag\": \"checkout\", \"on\": false}");
		assertThat(entries).allSatisfy(e -> assertThat(e.get("author_id").asString()).isEqualTo(responder.id().toString()));
		assertThat(timeline(incident).toString()).doesNotContain("s3cr3t");

		var mitigations = api.get("/api/v1/incidents/" + incident + "/mitigations", responder.token()).json().values();
		assertThat(mitigations).singleElement().satisfies(m -> {
			assertThat(m.get("lever").asString()).isEqualTo("feature_flag_off");
			assertThat(m.get("description").asString()).isEqualTo("Ran mitigation action Checkout flag off");
			assertThat(m.get("mitigated").asBoolean()).isFalse();
			assertThat(m.get("recorded_by").asString()).isEqualTo(responder.id().toString());
		});
		assertThat(api.get("/api/v1/incidents/" + incident, responder.token()).json().get("mitigated_at").isNull()).isTrue();
	}

	@Test
	void aFailingAnswerIsRecordedWithItsStatusAndTheStartOfItsBody() {
		var action = register(service, "Fail over", flags.url("/failover").toString(), false);
		var incident = declare(service);
		answers.add(new MockResponse.Builder().code(500).body("x".repeat(2000)).build());

		var run = api.post(runOf(incident, action), responder.token(), null).expectStatus(200).json();

		assertThat(run.get("ok").asBoolean()).isFalse();
		assertThat(run.get("status_code").asInt()).isEqualTo(500);
		assertThat(run.get("body_excerpt").asString()).isEqualTo("x".repeat(500));
		var result = actionEntries(incident).get(1).get("text").asString();
		assertThat(result).startsWith("Result: running Fail over (feature_flag_off) on " + serviceName
				+ " answered HTTP 500 (failed) in 0 ms — xxx").endsWith("x".repeat(500)).doesNotContain("x".repeat(501));
		assertThat(api.get("/api/v1/incidents/" + incident + "/mitigations", responder.token()).json().values()).isEmpty();
	}

	@Test
	void aServiceThatRefusesTheConnectionIsRecordedAsSuch() throws IOException {
		int closedPort;
		try (var socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		var action = register(service, "Scale up", "http://127.0.0.1:" + closedPort + "/scale", false);
		var incident = declare(service);

		var run = api.post(runOf(incident, action), responder.token(), "{}").expectStatus(200).json();

		assertThat(run.get("ok").asBoolean()).isFalse();
		assertThat(run.get("status_code").isNull()).isTrue();
		assertThat(run.get("error").asString()).isEqualTo("connection refused");
		var entries = actionEntries(incident);
		assertThat(entries).hasSize(2);
		assertThat(entries.get(0).get("text").asString()).startsWith("Running Scale up");
		assertThat(entries.get(1).get("text").asString())
			.isEqualTo("Result: running Scale up (feature_flag_off) on " + serviceName + " failed after 0 ms: connection refused");
		assertThat(api.get("/api/v1/incidents/" + incident + "/mitigations", responder.token()).json().values()).isEmpty();
	}

	@Test
	void aRollbackSendsTheRollbackCallAndIsNotAMitigation() {
		var action = register(service, "Checkout flag off", flags.url("/api/flags/checkout").toString(), true);
		var incident = declare(service);

		var run = api.post(rollbackOf(incident, action), responder.token(), "{\"reason\": \"fixed forward\"}")
			.expectStatus(200).json();

		assertThat(run.get("ok").asBoolean()).isTrue();
		assertThat(received).singleElement().satisfies(sent -> {
			assertThat(sent.getMethod()).isEqualTo("POST");
			assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/flags/checkout/on");
			assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer s3cr3t-rollback-token");
			assertThat(sent.getBody().utf8()).isEqualTo("{\"on\": true}");
		});
		var entries = actionEntries(incident);
		assertThat(entries.get(0).get("text").asString()).startsWith("Rolling back Checkout flag off (feature_flag_off) on "
				+ serviceName + ": POST " + flags.url("/api/flags/checkout/on")).endsWith("; reason: fixed forward");
		assertThat(entries.get(1).get("text").asString()).startsWith("Result: rolling back Checkout flag off")
			.contains("answered HTTP 200");
		assertThat(api.get("/api/v1/incidents/" + incident + "/mitigations", responder.token()).json().values()).isEmpty();
	}

	@Test
	void anActionWithoutARollbackCannotBeRolledBack() {
		var action = register(service, "One way", flags.url("/one-way").toString(), false);
		var incident = declare(service);

		assertThat(api.post(rollbackOf(incident, action), responder.token(), null).problem(409).get("detail").asString())
			.contains("no rollback");

		assertThat(actionEntries(incident)).isEmpty();
		assertThat(received).isEmpty();
	}

	@Test
	void viewersCannotRunActionsAndNothingHappens() {
		var viewer = person("viewer");
		var action = register(service, "Guarded", flags.url("/guarded").toString(), true);
		var incident = declare(service);
		var audit = auditRows(incident);

		assertThat(api.post(runOf(incident, action), viewer.token(), null).problem(403).get("title").asString())
			.isEqualTo("Not allowed");
		api.post(rollbackOf(incident, action), viewer.token(), "{}").problem(403);

		assertThat(actionEntries(incident)).isEmpty();
		assertThat(received).isEmpty();
		assertThat(auditRows(incident)).isEqualTo(audit);
		// they may still see what could be run
		assertThat(api.get("/api/v1/incidents/" + incident + "/mitigation-actions", viewer.token()).expectStatus(200)
			.json().get("total").asLong()).isEqualTo(1);
	}

	@Test
	void onlyTheActionsOfTheIncidentsServicesRun() {
		var otherService = api.post("/api/v1/services", admin, "{\"name\": \"search %s\"}".formatted(UUID.randomUUID()))
			.expectStatus(201).json().get("id").asString();
		var foreign = register(otherService, "Search read-only", flags.url("/search").toString(), false);
		var incident = declare(service);

		assertThat(api.post(runOf(incident, foreign), responder.token(), null).problem(409).get("detail").asString())
			.contains("Search read-only").contains("does not affect");
		assertThat(api.post(runOf(incident, UUID.randomUUID().toString()), responder.token(), null).problem(404)
			.get("detail").asString()).contains("No mitigation action");
		api.post("/api/v1/incidents/INC-99999999/mitigation-actions/" + foreign + "/run", responder.token(), null).problem(404);

		assertThat(actionEntries(incident)).isEmpty();
		assertThat(received).isEmpty();
	}

	@Test
	void aResolvedIncidentRunsNothing() {
		var action = register(service, "Too late", flags.url("/late").toString(), false);
		var incident = declare(service);
		api.resolve(incident, responder.token()).expectStatus(200);

		assertThat(api.post(runOf(incident, action), responder.token(), null).problem(409).get("detail").asString())
			.contains("re-open");

		assertThat(actionEntries(incident)).isEmpty();
		assertThat(received).isEmpty();
	}

	@Test
	void aReasonLongerThanTheLimitIsRefusedBeforeAnythingHappens() {
		var action = register(service, "Wordy", flags.url("/wordy").toString(), false);
		var incident = declare(service);

		var problem = api.post(runOf(incident, action), responder.token(), "{\"reason\": \"%s\"}".formatted("r".repeat(2001)))
			.problem(400);
		assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("/reason");
		assertThat(api.post(runOf(incident, action), responder.token(), "{\"why\": \"typo\"}").problem(400)
			.get("errors").get(0).get("pointer").asString()).isEqualTo("/why");

		assertThat(actionEntries(incident)).isEmpty();
		assertThat(received).isEmpty();
	}

	@Test
	void everyRunIsAudited() {
		var action = register(service, "Audited", flags.url("/audited").toString(), true);
		var incident = declare(service);

		api.post(runOf(incident, action), responder.token(), null).expectStatus(200);
		api.post(rollbackOf(incident, action), responder.token(), null).expectStatus(200);

		var actions = jdbc.sql("select action from identity_audit where target_id = :id and action like 'incident.mitigation_action%' order by seq")
			.param("id", incident).query(String.class).list();
		assertThat(actions).containsExactly("incident.mitigation_action_announced", "incident.mitigation_action_ran",
				"incident.mitigation_action_rollback_announced", "incident.mitigation_action_rolled_back");
		var actors = jdbc.sql("select distinct actor from identity_audit where target_id = :id and action like 'incident.mitigation_action%'")
			.param("id", incident).query(String.class).list();
		assertThat(actors).containsExactly(responder.email());
	}

	@Test
	void theIncidentListsItsServicesActionsWithoutTheirSecrets() {
		var otherService = api.post("/api/v1/services", admin, "{\"name\": \"other %s\"}".formatted(UUID.randomUUID()))
			.expectStatus(201).json().get("id").asString();
		var action = register(service, "Listed", flags.url("/listed").toString(), true);
		register(otherService, "Not listed", flags.url("/other").toString(), true);
		var incident = declare(service);

		var list = api.get("/api/v1/incidents/" + incident + "/mitigation-actions", responder.token()).expectStatus(200);

		assertThat(list.body()).doesNotContain("s3cr3t").doesNotContain("Not listed");
		var item = list.json().get("items").get(0);
		assertThat(list.json().get("total").asLong()).isEqualTo(1);
		assertThat(item.get("id").asString()).isEqualTo(action);
		assertThat(item.get("service_name").asString()).isEqualTo(serviceName);
		assertThat(item.get("lever").asString()).isEqualTo("feature_flag_off");
		assertThat(item.get("run").get("method").asString()).isEqualTo("PUT");
		assertThat(item.get("rollback").get("url").asString()).isEqualTo(flags.url("/listed/on").toString());
	}

	@Test
	void theIncidentPageOffersTheActionsAndRunsOneFromAForm() throws Exception {
		var action = register(service, "Page flag off", flags.url("/page").toString(), true);
		var incident = declare(service);
		var signedIn = (FirebreakUser) users.loadUserByUsername(responder.email());

		assertThat(html(mvc.perform(get("/incidents/" + incident).with(user(signedIn))).andReturn().getResponse()))
			.contains("hx-get=\"/incidents/" + incident + "/actions\"");
		var panel = html(mvc.perform(get("/incidents/" + incident + "/actions").with(user(signedIn))).andReturn().getResponse());
		assertThat(panel).contains("Page flag off").contains("Feature flag off").contains(serviceName)
			.contains("action=\"/incidents/" + incident + "/actions/" + action + "/run\"")
			.contains("action=\"/incidents/" + incident + "/actions/" + action + "/rollback\"")
			.contains("name=\"_csrf\"").contains("onsubmit=\"return confirm(this.dataset.confirm)\"")
			.doesNotContain("s3cr3t");

		var withoutToken = mvc.perform(post("/incidents/" + incident + "/actions/" + action + "/run").with(user(signedIn)))
			.andReturn().getResponse();
		assertThat(withoutToken.getStatus()).isEqualTo(403);
		assertThat(received).isEmpty();

		var ran = mvc.perform(post("/incidents/" + incident + "/actions/" + action + "/run").with(user(signedIn)).with(csrf()))
			.andReturn().getResponse();
		assertThat(ran.getStatus()).isEqualTo(302);
		assertThat(ran.getRedirectedUrl()).isEqualTo("/incidents/" + incident + "#timeline");
		assertThat(received).hasSize(1);
		assertThat(actionEntries(incident)).hasSize(2);
	}

	@Test
	void viewersSeeThePanelWithoutButtons() throws Exception {
		var viewer = (FirebreakUser) users.loadUserByUsername(person("viewer").email());
		register(service, "Look only", flags.url("/look").toString(), true);
		var incident = declare(service);

		var panel = html(mvc.perform(get("/incidents/" + incident + "/actions").with(user(viewer))).andReturn().getResponse());

		assertThat(panel).contains("Look only").doesNotContain("/run\"").doesNotContain("Roll back");
	}

	// ---- the world ----

	/** Registers an action calling {@code url} (PUT, token, JSON body), with a rollback POST to {@code url/on}. */
	private String register(String serviceId, String name, String url, boolean withRollback) {
		var rollback = withRollback ? """
				, "rollback": {"method": "POST", "url": "%s/on", "headers": {"Authorization": "Bearer s3cr3t-rollback-token"},
				               "body": "{\\"on\\": true}"}""".formatted(url) : "";
		return api.post("/api/v1/services/" + serviceId + "/mitigation-actions", admin, """
				{"name": "%s", "lever": "feature_flag_off",
				 "run": {"method": "PUT", "url": "%s",
				         "headers": {"Authorization": "Bearer s3cr3t-flag-token", "Content-Type": "application/json"},
				         "body": "{\\"on\\": false}"}%s}""".formatted(name, url, rollback))
			.expectStatus(201).json().get("id").asString();
	}

	private String declare(String serviceId) {
		var incident = api.post("/api/v1/incidents", responder.token(), """
				{"title": "Checkout fails %s", "severity": "SEV2", "affected_service_ids": ["%s"]}"""
			.formatted(UUID.randomUUID(), serviceId)).expectStatus(201).json();
		watchedIncident = incident.get("number").asLong();
		return incident.get("id").asString();
	}

	private JsonNode timeline(String incident) {
		return api.get("/api/v1/incidents/" + incident + "/timeline", responder.token()).expectStatus(200).json();
	}

	private List<JsonNode> actionEntries(String incident) {
		return timeline(incident).values().stream().filter(e -> e.get("kind").asString().equals("action")).toList();
	}

	private long auditRows(String incident) {
		return jdbc.sql("select count(*) from identity_audit where target_id = :id").param("id", incident)
			.query(Long.class).single();
	}

	private String displayName(Person person) {
		return api.get("/api/v1/accounts/" + person.id(), admin).expectStatus(200).json().get("display_name").asString();
	}

	private static String runOf(String incident, String action) {
		return "/api/v1/incidents/" + incident + "/mitigation-actions/" + action + "/run";
	}

	private static String rollbackOf(String incident, String action) {
		return "/api/v1/incidents/" + incident + "/mitigation-actions/" + action + "/rollback";
	}

	private static String html(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}
}
