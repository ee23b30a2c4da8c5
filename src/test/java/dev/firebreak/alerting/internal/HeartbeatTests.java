package dev.firebreak.alerting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.RequestBuilder;

import tools.jackson.databind.JsonNode;

import dev.firebreak.ApiTest;

/** Heartbeats: the Healthchecks.io ping URLs, silence and failures raising an alert, success resolving it. */
class HeartbeatTests extends ApiTest {

	@Autowired
	Heartbeats heartbeats;

	private String service;

	private String integration;

	private String pingPath;

	@BeforeEach
	void aHeartbeatEveryFiveMinutesWithOneMinuteGrace() {
		var admin = adminToken();
		service = api.post("/api/v1/services", admin, "{\"name\": \"backup-%s\"}".formatted(UUID.randomUUID()))
			.expectStatus(201).json().get("id").asString();
		integration = api.post("/api/v1/services/" + service + "/integrations", admin,
				"{\"type\": \"heartbeat\", \"name\": \"nightly backup\", \"period\": \"PT5M\", \"grace\": \"PT1M\"}")
			.expectStatus(201).json().get("id").asString();
		pingPath = heartbeat().get("ping_path").asString();
	}

	private JsonNode heartbeat() {
		return api.get("/api/v1/integrations/" + integration + "/heartbeat", adminToken()).expectStatus(200).json();
	}

	private JsonNode alerts() {
		return api.get("/api/v1/alerts?service=" + service, adminToken()).expectStatus(200).json();
	}

	private MockHttpServletResponse call(RequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

	private void ok(RequestBuilder request) throws Exception {
		var response = call(request);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).isEqualTo("OK");
		assertThat(response.getHeader("Ping-Body-Limit")).isEqualTo("10000");
	}

	@Test
	void aNewHeartbeatWaitsForItsFirstPingThenSilenceRaisesAnAlertAndTheNextPingResolvesIt() throws Exception {
		var fresh = heartbeat();
		assertThat(fresh.get("state").asString()).isEqualTo("new");
		assertThat(fresh.get("period").asString()).isEqualTo("PT5M");
		assertThat(fresh.get("grace").asString()).isEqualTo("PT1M");
		assertThat(pingPath).matches("/ping/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
		clock.advance(Duration.ofDays(3));
		heartbeats.watch();
		assertThat(heartbeat().get("state").asString()).as("never pinged: nothing to miss yet").isEqualTo("new");

		ok(get(pingPath));
		var up = heartbeat();
		assertThat(up.get("state").asString()).isEqualTo("up");
		assertThat(up.get("last_ping_at").asString()).isEqualTo(clock.instant().toString());
		assertThat(up.get("deadline").asString()).isEqualTo(clock.instant().plus(Duration.ofMinutes(6)).toString());

		clock.advance(Duration.ofMinutes(5).plusSeconds(59));
		heartbeats.watch();
		assertThat(heartbeat().get("state").asString()).as("within the grace time").isEqualTo("up");
		assertThat(alerts().get("total").asLong()).isZero();

		clock.advance(Duration.ofSeconds(2));
		heartbeats.watch();
		heartbeats.watch();
		assertThat(heartbeat().get("state").asString()).isEqualTo("down");
		var raised = alerts();
		assertThat(raised.get("total").asLong()).as("one alert, however often the watch looks").isEqualTo(1);
		var alert = raised.get("items").get(0);
		assertThat(alert.get("status").asString()).isEqualTo("triggered");
		assertThat(alert.get("severity").asString()).isEqualTo("error");
		assertThat(alert.get("summary").asString()).startsWith("nightly backup missed its ping");

		ok(post(pingPath));
		assertThat(heartbeat().get("state").asString()).isEqualTo("up");
		assertThat(alerts().get("items").get(0).get("status").asString()).isEqualTo("resolved");
	}

	@Test
	void failAndExitCodesRaiseAndSuccessResolves() throws Exception {
		ok(get(pingPath + "/fail"));
		assertThat(heartbeat().get("state").asString()).isEqualTo("down");
		assertThat(alerts().get("items").get(0).get("summary").asString()).isEqualTo("nightly backup reported a failure");

		ok(get(pingPath + "/0"));
		assertThat(heartbeat().get("state").asString()).isEqualTo("up");
		assertThat(alerts().get("items").get(0).get("status").asString()).isEqualTo("resolved");

		clock.advance(Duration.ofSeconds(1));
		ok(post(pingPath + "/3").content("tar: /var/backups: Cannot open: Permission denied"));
		var failed = alerts();
		assertThat(failed.get("total").asLong()).as("after a resolve the same heartbeat opens a new alert").isEqualTo(2);
		assertThat(failed.get("items").get(0).get("summary").asString()).isEqualTo("nightly backup failed with exit code 3");
		var payload = api.get("/api/v1/alerts/" + failed.get("items").get(0).get("id").asString(), adminToken())
			.expectStatus(200).json();
		assertThat(payload.toString()).contains("Permission denied");

		clock.advance(Duration.ofSeconds(1));
		ok(head(pingPath + "/255"));
		assertThat(heartbeat().get("pings").get(0).get("exit_code").asInt()).isEqualTo(255);
		assertThat(heartbeat().get("pings").get(0).get("method").asString()).isEqualTo("HEAD");
	}

	@Test
	void logChangesNothingAndBodiesAreKeptUpToTheLimit() throws Exception {
		ok(get(pingPath));
		var before = heartbeat();
		clock.advance(Duration.ofMinutes(1));
		var long_ = "x".repeat(12_000);
		ok(post(pingPath + "/log").content(long_));
		var after = heartbeat();
		assertThat(after.get("state").asString()).isEqualTo("up");
		assertThat(after.get("deadline").asString()).isEqualTo(before.get("deadline").asString());
		assertThat(after.get("pings").get(0).get("kind").asString()).isEqualTo("log");
		assertThat(after.get("pings").get(0).get("body").asString()).hasSize(10_000);

		clock.advance(Duration.ofSeconds(1));
		ok(post(pingPath + "/log").content(new byte[] { 'o', 'k', (byte) 0xC3, (byte) 0x28, 0 }));
		assertThat(heartbeat().get("pings").get(0).get("body").asString()).isEqualTo("ok\uFFFD(\uFFFD");
	}

	@Test
	void aStartWithoutAFinishWithinTheGraceRaisesAndARunIdPairsStartAndFinish() throws Exception {
		var rid = UUID.randomUUID().toString();
		ok(get(pingPath + "/start?rid=" + rid));
		clock.advance(Duration.ofSeconds(42));
		ok(get(pingPath + "?rid=" + rid));
		assertThat(heartbeat().get("pings").get(0).get("duration_ms").asLong()).isEqualTo(42_000);

		ok(get(pingPath + "/start"));
		clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		heartbeats.watch();
		assertThat(heartbeat().get("state").asString()).isEqualTo("down");
		assertThat(alerts().get("items").get(0).get("summary").asString()).contains("did not finish within PT1M");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			/ping/not-a-uuid                                  | 400 | invalid uuid format
			/ping/0f0f0f0f-0f0f-0f0f-0f0f-0f0f0f0f0f0f        | 404 | not found
			{ping}/256                                        | 400 | invalid url format
			{ping}/99999999999                                | 400 | invalid url format
			{ping}/restart                                    | 404 | not found
			{ping}?rid=nope                                   | 400 | invalid uuid format
			""")
	void badPingsAreAnsweredInPlainWordsAndChangeNothing(String path, int status, String text) throws Exception {
		var response = call(get(path.replace("{ping}", pingPath)));
		assertThat(response.getStatus()).isEqualTo(status);
		assertThat(response.getContentAsString()).isEqualTo(text);
		var unchanged = heartbeat();
		assertThat(unchanged.get("state").asString()).isEqualTo("new");
		assertThat(unchanged.get("pings").isEmpty()).isTrue();
	}

	@Test
	void otherIntegrationsKeysOpenNoPingUrl() throws Exception {
		var key = api.post("/api/v1/services/" + service + "/integrations", adminToken(), "{\"type\": \"events_v2\"}")
			.expectStatus(201).json().get("routing_key").asString();
		var asUuid = HeartbeatController.pingPath(key);
		var response = call(get(asUuid));
		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("not found");
	}

	@Test
	void scheduleIsCheckedAdminsOnlyAndAudited() {
		var problem = api.put("/api/v1/integrations/" + integration + "/heartbeat", adminToken(), "{\"period\": \"PT10S\"}")
			.problem(400);
		assertThat(problem.toString()).contains("/period").contains("PT1M");
		var wrongType = api.post("/api/v1/services/" + service + "/integrations", adminToken(),
				"{\"type\": \"events_v2\", \"period\": \"PT5M\"}").problem(400);
		assertThat(wrongType.toString()).contains("heartbeat integrations only");
		api.put("/api/v1/integrations/" + integration + "/heartbeat", person("responder").token(), "{\"period\": \"PT1H\"}")
			.expectStatus(403);
		assertThat(heartbeat().get("period").asString()).isEqualTo("PT5M");

		var changed = api.put("/api/v1/integrations/" + integration + "/heartbeat", adminToken(),
				"{\"period\": \"PT1H\", \"grace\": \"PT10M\", \"severity\": \"critical\"}").expectStatus(200).json();
		assertThat(changed.get("period").asString()).isEqualTo("PT1H");
		assertThat(changed.get("severity").asString()).isEqualTo("critical");
		var audit = api.get("/api/v1/audit?size=20", adminToken()).expectStatus(200).json().get("items");
		assertThat(audit.valueStream()).anySatisfy(entry -> {
			assertThat(entry.get("action").asString()).isEqualTo("heartbeat.updated");
			assertThat(entry.toString()).contains(integration);
		});

		var forViewer = api.get("/api/v1/integrations/" + integration + "/heartbeat", person("viewer").token())
			.expectStatus(200).json();
		assertThat(forViewer.has("ping_path")).as("the ping URL holds the key").isFalse();
		var listed = api.get("/api/v1/heartbeats?service=" + service, person("viewer").token()).expectStatus(200).json();
		assertThat(listed.get("total").asLong()).isEqualTo(1);
		assertThat(listed.get("items").get(0).get("state").asString()).isEqualTo("new");
	}
}
