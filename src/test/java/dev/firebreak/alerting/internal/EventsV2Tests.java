package dev.firebreak.alerting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import io.micrometer.core.instrument.MeterRegistry;

import dev.firebreak.ApiTest;
import dev.firebreak.alerting.AlertSeverity;
import dev.firebreak.alerting.AlertsChanged;
import tools.jackson.databind.JsonNode;

/** The PagerDuty Events API v2 at {@code /v2/enqueue}, as its clients expect it. */
class EventsV2Tests extends ApiTest {

	@Autowired
	private IntegrationKeys integrations;

	@Autowired
	private IngestBatcher batcher;

	@Autowired
	private MeterRegistry meters;

	private String key;

	private String service;

	@BeforeEach
	void anEventsV2Integration() {
		var admin = adminToken();
		service = api.post("/api/v1/services", admin, "{\"name\": \"ingest-%s\"}".formatted(UUID.randomUUID()))
			.expectStatus(201).json().get("id").asString();
		key = api.post("/api/v1/services/" + service + "/integrations", admin, "{\"type\": \"events_v2\"}")
			.expectStatus(201).json().get("routing_key").asString();
	}

	private String trigger(String dedupKey, String severity, String summary) {
		return """
				{"routing_key": "%s", "event_action": "trigger", %s
				 "payload": {"summary": "%s", "source": "db-1", "severity": "%s"}}"""
			.formatted(key, dedupKey == null ? "" : "\"dedup_key\": \"" + dedupKey + "\",", summary, severity);
	}

	private JsonNode accepted(String body) {
		var response = api.post("/v2/enqueue", null, body).expectStatus(202).json();
		assertThat(response.get("status").asString()).isEqualTo("success");
		assertThat(response.get("message").asString()).isEqualTo("Event processed");
		return response;
	}

	private JsonNode alerts() {
		return api.get("/api/v1/alerts?service=" + service, adminToken()).expectStatus(200).json();
	}

	@Test
	void aTriggerOpensAnAlertAndRepeatsCountOnIt() {
		var first = accepted(trigger("disk-full", "critical", "Disk 95% full on db-1"));
		assertThat(first.get("dedup_key").asString()).isEqualTo("disk-full");
		clock.advance(java.time.Duration.ofMinutes(2));
		accepted(trigger("disk-full", "critical", "Disk 97% full on db-1"));

		var list = alerts();
		assertThat(list.get("total").asLong()).isEqualTo(1);
		var alert = list.get("items").get(0);
		assertThat(alert.get("status").asString()).isEqualTo("triggered");
		assertThat(alert.get("severity").asString()).isEqualTo("critical");
		assertThat(alert.get("summary").asString()).isEqualTo("Disk 97% full on db-1");
		assertThat(alert.get("occurrences").asInt()).isEqualTo(2);
		assertThat(alert.get("last_seen_at").asString()).isEqualTo(clock.instant().toString());
		var stored = api.get("/api/v1/alerts/" + alert.get("id").asString(), adminToken()).expectStatus(200).json();
		assertThat(stored.get("payload").get("payload").get("summary").asString()).isEqualTo("Disk 97% full on db-1");
		assertThat(stored.get("original_payload").get("payload").get("summary").asString())
			.isEqualTo("Disk 95% full on db-1");
		assertThat(stored.get("original_payload").has("routing_key")).isFalse();
		accepted(trigger("disk-full", "critical", "Disk 99% full on db-1"));
		var again = api.get("/api/v1/alerts/" + alert.get("id").asString(), adminToken()).expectStatus(200).json();
		assertThat(again.get("payload").get("payload").get("summary").asString()).isEqualTo("Disk 99% full on db-1");
		assertThat(again.get("original_payload").get("payload").get("summary").asString())
			.isEqualTo("Disk 95% full on db-1");
		// the repeat published nothing: the alert is in one AlertsChanged, stored for its listeners
		assertThat(jdbc.sql("select count(distinct serialized_event) from event_publication where event_type = :type"
				+ " and serialized_event like :alert")
			.param("type", AlertsChanged.class.getName()).param("alert", "%" + alert.get("id").asString() + "%")
			.query(Long.class).single()).isEqualTo(1);
	}

	/**
	 * The answer waits for the commit: an event the database refuses is answered 503 with
	 * Retry-After (the client keeps it and retries), in words without the database's own, and the
	 * retry, once the database takes it, is stored.
	 */
	@Test
	void anEventTheDatabaseRefusesIsAnswered503AndTheRetryIsStored() throws Exception {
		var refusedKey = "db-down-" + UUID.randomUUID();
		jdbc.sql("alter table alert add constraint alert_refuses_db_down check (dedup_key <> '" + refusedKey + "')")
			.update();
		MockHttpServletResponse refused;
		try {
			refused = dev.firebreak.Api.answered(mvc.perform(post("/v2/enqueue").contentType(MediaType.APPLICATION_JSON)
				.content(trigger(refusedKey, "critical", "Disk full on db-1"))).andReturn());
		}
		finally {
			jdbc.sql("alter table alert drop constraint alert_refuses_db_down").update();
		}
		assertThat(refused.getStatus()).isEqualTo(503);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
		var answer = json.readTree(refused.getContentAsString());
		assertThat(answer.get("status").asString()).isEqualTo("unavailable");
		assertThat(answer.get("errors").get(0).asString()).isEqualTo("Not stored: the events could not be stored; retry.");
		assertThat(alerts().get("total").asLong()).isZero();

		accepted(trigger(refusedKey, "critical", "Disk full on db-1"));
		assertThat(alerts().get("total").asLong()).isEqualTo(1);
	}

	/** The event endpoints are not in http.server.requests; the ingest metrics count what they took and refused. */
	@Test
	void storedAndRefusedEventsAreCounted() throws Exception {
		var stored = meters.counter("firebreak.ingest.events", "outcome", "stored").count();
		var refused = meters.counter("firebreak.ingest.events", "outcome", "refused").count();
		var batches = meters.timer("firebreak.ingest.commits").count();
		accepted(trigger("counted", "warning", "Disk 80% full on db-1"));
		accepted(trigger("counted", "warning", "Disk 81% full on db-1"));

		assertThat(meters.counter("firebreak.ingest.events", "outcome", "stored").count()).isEqualTo(stored + 2);
		assertThat(meters.counter("firebreak.ingest.events", "outcome", "refused").count()).isEqualTo(refused);
		assertThat(meters.timer("firebreak.ingest.commits").count()).isGreaterThanOrEqualTo(batches + 1);
		var scrape = mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + adminToken()))
			.andReturn().getResponse().getContentAsString();
		assertThat(scrape).contains("firebreak_ingest_events_total{", "firebreak_ingest_commits_seconds_count");
	}

	/** Opened and repeated in one commit (a storm): the alert keeps both the first payload and the last. */
	@Test
	void anAlertOpenedAndRepeatedInOneBatchKeepsItsFirstPayload() {
		var integration = integrations.byRoutingKey(key).orElseThrow();
		batcher.submit(java.util.List.of(
				new IngestCommand.Trigger(integration, "flap", AlertSeverity.ERROR, "first", "db-1", "{\"n\": 1}"),
				new IngestCommand.Trigger(integration, "flap", AlertSeverity.ERROR, "second", "db-1", "{\"n\": 2}"),
				new IngestCommand.Trigger(integration, "flap", AlertSeverity.ERROR, "third", "db-1", "{\"n\": 3}")))
			.join();

		var alert = alerts().get("items").get(0);
		assertThat(alert.get("occurrences").asInt()).isEqualTo(3);
		var stored = api.get("/api/v1/alerts/" + alert.get("id").asString(), adminToken()).expectStatus(200).json();
		assertThat(stored.get("payload").get("n").asInt()).isEqualTo(3);
		assertThat(stored.get("original_payload").get("n").asInt()).isEqualTo(1);
	}

	@Test
	void withoutADedupKeyOneIsMadeAndReturned() {
		var dedupKey = accepted(trigger(null, "error", "Checkout 5xx")).get("dedup_key").asString();
		assertThat(dedupKey).matches("[0-9a-f]{32}");
		assertThat(alerts().get("items").get(0).get("dedup_key").asString()).isEqualTo(dedupKey);
	}

	@Test
	void acknowledgeAndResolveActOnTheOpenAlertAndAResolvedKeyOpensANewOne() {
		accepted(trigger("latency", "warning", "p99 over 2 s"));
		accepted("{\"routing_key\": \"%s\", \"event_action\": \"acknowledge\", \"dedup_key\": \"latency\"}".formatted(key));
		assertThat(alerts().get("items").get(0).get("status").asString()).isEqualTo("acknowledged");

		accepted("{\"routing_key\": \"%s\", \"event_action\": \"resolve\", \"dedup_key\": \"latency\"}".formatted(key));
		var resolved = alerts().get("items").get(0);
		assertThat(resolved.get("status").asString()).isEqualTo("resolved");
		assertThat(resolved.get("resolved_at").asString()).isEqualTo(clock.instant().toString());

		clock.advance(java.time.Duration.ofMinutes(1));
		accepted(trigger("latency", "warning", "p99 over 2 s again"));
		var list = alerts();
		assertThat(list.get("total").asLong()).isEqualTo(2);
		assertThat(list.get("items").get(0).get("status").asString()).isEqualTo("triggered");
	}

	@Test
	void acknowledgeOrResolveOfAnUnknownKeyIsAnsweredAndDropped() {
		accepted("{\"routing_key\": \"%s\", \"event_action\": \"resolve\", \"dedup_key\": \"never-seen\"}".formatted(key));
		accepted("{\"routing_key\": \"%s\", \"event_action\": \"acknowledge\", \"dedup_key\": \"never-seen\"}".formatted(key));
		assertThat(alerts().get("total").asLong()).isZero();
	}

	@Test
	void unknownFieldsAreIgnoredAndUnknownSeveritiesPageAsErrors() {
		accepted("""
				{"routing_key": "%s", "event_action": "trigger", "dedup_key": "templated", "something_new": [1, 2],
				 "payload": {"summary": "From a template", "source": "alertmanager", "severity": "page", "extra": true}}"""
			.formatted(key));
		var alert = alerts().get("items").get(0);
		assertThat(alert.get("severity").asString()).isEqualTo("error");

		var detail = api.get("/api/v1/alerts/" + alert.get("id").asString(), adminToken()).expectStatus(200).json();
		assertThat(detail.get("payload").get("payload").get("severity").asString()).isEqualTo("page");
		assertThat(detail.get("payload").get("something_new").size()).isEqualTo(2);
		// the credential is not kept with the alert
		assertThat(detail.get("payload").has("routing_key")).isFalse();
		assertThat(jdbc.sql("select payload from alert where dedup_key = 'templated'").query(String.class).single())
			.doesNotContain(key);
	}

	@ParameterizedTest(name = "{1}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
			"{\"event_action\": \"trigger\", \"payload\": {\"summary\": \"s\", \"source\": \"x\", \"severity\": \"info\"}} | 'routing_key' is missing",
			"{\"routing_key\": \"short\", \"event_action\": \"trigger\", \"payload\": {\"summary\": \"s\", \"source\": \"x\", \"severity\": \"info\"}} | must be 32 characters",
			"{\"routing_key\": \"KEY\", \"event_action\": \"explode\"} | 'event_action' must be one of",
			"{\"routing_key\": \"KEY\", \"event_action\": \"trigger\"} | 'payload' is required",
			"{\"routing_key\": \"KEY\", \"event_action\": \"trigger\", \"payload\": {\"source\": \"x\", \"severity\": \"info\"}} | 'payload.summary' is missing",
			"{\"routing_key\": \"KEY\", \"event_action\": \"trigger\", \"payload\": {\"summary\": \"s\", \"severity\": \"info\"}} | 'payload.source' is missing",
			"{\"routing_key\": \"KEY\", \"event_action\": \"trigger\", \"payload\": {\"summary\": \"s\", \"source\": \"x\"}} | 'payload.severity' is missing",
			"{\"routing_key\": \"KEY\", \"event_action\": \"trigger\", \"payload\": {\"summary\": \"s\", \"source\": \"x\", \"severity\": \"info\", \"timestamp\": \"noon\"}} | 'payload.timestamp'",
			"{\"routing_key\": \"KEY\", \"event_action\": \"resolve\"} | 'dedup_key' is required to resolve",
			"{\"routing_key\": \"KEY\", \"event_action\": \"acknowledge\", \"dedup_key\": 7} | 'dedup_key' must be a string",
			"{\"routing_key\": \"KEY\", \"event_action\": \"trigger\", \"images\": [{\"src\": \"http://x\"}], \"payload\": {\"summary\": \"s\", \"source\": \"x\", \"severity\": \"info\"}} | https",
			"{\"routing_key\": \"KEY\", \"event_action\": \"trigger\", \"links\": [{\"text\": \"no href\"}], \"payload\": {\"summary\": \"s\", \"source\": \"x\", \"severity\": \"info\"}} | 'href'",
			"{\"routing_key\": \"00000000000000000000000000000000\", \"event_action\": \"trigger\", \"payload\": {\"summary\": \"s\", \"source\": \"x\", \"severity\": \"info\"}} | does not belong" })
	void anInvalidEventIsRefusedInTheApisWordsAndStoresNothing(String body, String error) {
		var before = count();
		var response = api.post("/v2/enqueue", null, body.replace("KEY", key)).expectStatus(400).json();
		assertThat(response.get("status").asString()).isEqualTo("invalid event");
		assertThat(response.get("message").asString()).isEqualTo("Event object is invalid");
		assertThat(response.get("errors").toString()).contains(error.strip());
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aSummaryOrDedupKeyOverItsLimitIsRefused() {
		var before = count();
		api.post("/v2/enqueue", null, trigger("k", "info", "s".repeat(1025))).expectStatus(400);
		api.post("/v2/enqueue", null, trigger("d".repeat(256), "info", "s")).expectStatus(400);
		accepted(trigger("d".repeat(255), "info", "s".repeat(1024)));
		assertThat(count()).isEqualTo(before + 1);
	}

	@Test
	void whatIsNotJsonIsUnrecognized() throws Exception {
		var before = count();
		for (var body : new String[] { "{\"routing_key\": ", "[1, 2]", "\"text\"", "" }) {
			var response = api.post("/v2/enqueue", null, body).expectStatus(400).json();
			assertThat(response.get("status").asString()).isEqualTo("Unrecognized object");
			assertThat(response.get("errors").get(0).asString()).isEqualTo("JSON parse error");
		}
		var invalidUtf8 = mvc.perform(post("/v2/enqueue").contentType(MediaType.APPLICATION_JSON)
			.content(new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' })).andReturn().getResponse();
		assertThat(invalidUtf8.getStatus()).isEqualTo(400);
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void anEventOver512KbIsTooLarge() {
		var before = count();
		var big = trigger("big", "info", "s").replace("\"source\": \"db-1\"", "\"source\": \"db-1\", \"custom_details\": {\"blob\": \"" + "x".repeat(512 * 1024) + "\"}");
		var response = api.post("/v2/enqueue", null, big).expectStatus(413).json();
		assertThat(response.get("status").asString()).isEqualTo("invalid event");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void anotherIntegrationTypesKeyDoesNotOpenThisEndpoint() {
		var webhookKey = api.post("/api/v1/services/" + service + "/integrations", adminToken(), "{\"type\": \"webhook\"}")
			.expectStatus(201).json().get("routing_key").asString();
		var body = trigger("x", "info", "s").replace(key, webhookKey);
		api.post("/v2/enqueue", null, body).expectStatus(400);
		assertThat(alerts().get("total").asLong()).isZero();
	}

	@Test
	void alertsAreReadWithAToken() {
		accepted(trigger("read-me", "info", "FYI"));
		var viewer = person("viewer");
		assertThat(api.get("/api/v1/alerts?service=" + service + "&status=triggered", viewer.token()).json()
			.get("total").asLong()).isEqualTo(1);
		assertThat(api.get("/api/v1/alerts?service=" + service + "&status=resolved", viewer.token()).json()
			.get("total").asLong()).isZero();
		api.get("/api/v1/alerts", null).problem(401);
		api.get("/api/v1/alerts/" + UUID.randomUUID(), viewer.token()).problem(404);
	}

	@Test
	void aResponderAcknowledgesAndResolvesAnAlertAndItIsAudited() {
		accepted(trigger("by-hand", "critical", "Queue stuck"));
		var id = alerts().get("items").get(0).get("id").asString();
		var responder = person("responder");
		var viewer = person("viewer");

		api.post("/api/v1/alerts/" + id + "/acknowledge", viewer.token(), null).problem(403);
		var acknowledged = api.post("/api/v1/alerts/" + id + "/acknowledge", responder.token(), null).expectStatus(200).json();
		assertThat(acknowledged.get("status").asString()).isEqualTo("acknowledged");
		var resolved = api.post("/api/v1/alerts/" + id + "/resolve", responder.token(), null).expectStatus(200).json();
		assertThat(resolved.get("status").asString()).isEqualTo("resolved");
		// again: nothing more happens, and nothing more is audited
		api.post("/api/v1/alerts/" + id + "/resolve", responder.token(), null).expectStatus(200);

		var audit = api.get("/api/v1/audit?size=50", adminToken()).json().get("items");
		assertThat(audit.values()).filteredOn(e -> id.equals(e.get("target_id").asString()))
			.extracting(e -> e.get("action").asString()).containsExactlyInAnyOrder("alert.acknowledged", "alert.resolved");
		api.post("/api/v1/alerts/" + UUID.randomUUID() + "/resolve", responder.token(), null).problem(404);
	}

	@Test
	void aKeyOverItsRateIsThrottledWithRetryAfterAndNothingIsStored() throws Exception {
		var integration = api.get("/api/v1/services/" + service + "/integrations", adminToken()).json().get(0);
		assertThat(integration.get("rate_per_second").asInt()).isEqualTo(1000);
		api.put("/api/v1/integrations/" + integration.get("id").asString(), adminToken(), "{\"rate_per_second\": 2}")
			.expectStatus(200);

		// bursts of two seconds' worth: four at one instant
		for (var i = 0; i < 4; i++) {
			accepted(trigger("burst-" + i, "info", "burst"));
		}
		var before = count();
		var throttled = mvc.perform(post("/v2/enqueue").contentType(MediaType.APPLICATION_JSON)
			.content(trigger("burst-5", "info", "burst"))).andReturn().getResponse();
		assertThat(throttled.getStatus()).isEqualTo(429);
		assertThat(throttled.getHeader("Retry-After")).isEqualTo("1");
		assertThat(throttled.getContentAsString()).contains("throttle");
		assertThat(count()).isEqualTo(before);

		clock.advance(java.time.Duration.ofSeconds(1));
		accepted(trigger("burst-5", "info", "burst"));
		accepted(trigger("burst-6", "info", "burst"));
		api.post("/v2/enqueue", null, trigger("burst-7", "info", "burst")).expectStatus(429);

		api.put("/api/v1/integrations/" + integration.get("id").asString(), adminToken(), "{\"rate_per_second\": 0}")
			.problem(400);
		api.put("/api/v1/integrations/" + integration.get("id").asString(), person("responder").token(),
				"{\"rate_per_second\": 5}").problem(403);
	}

	private long count() {
		return jdbc.sql("select count(*) from alert").query(Long.class).single();
	}
}
