package dev.firebreak.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;

import dev.firebreak.Api;
import dev.firebreak.ApiTest;

/**
 * Bad input on every inbound endpoint: Events v2 alert and change events, the Alertmanager and
 * Grafana webhooks, the generic webhook and the heartbeat pings. A refused request is answered in
 * its clients' own words (Events v2's {@code status}/{@code message}/{@code errors}; a 4xx that
 * Alertmanager does not retry for a permanent problem), names what is wrong, shows nothing of
 * Firebreak's insides, and stores nothing: no alert row, no change row, nothing on the service.
 * Input that is hostile but valid is stored within the limits of the columns it lands in, alike on
 * H2 and PostgreSQL (a NUL or an over-long value that one database takes and the other refuses
 * would turn into a retried 503 there). Sizes are also tried over a real connection, with a
 * Content-Length and chunked without one, and so is a ping whose output is posted as a form.
 *
 * <p>What {@code EventsV2Tests}, {@code AlertmanagerWebhookTests}, {@code WebhookTests},
 * {@code ChangeEventsTests} and {@code HeartbeatTests} check already (missing Events v2 fields,
 * the 1,025-character summary, a 512 KB event with a Content-Length, the basic bad pings) is not
 * repeated here.
 */
class InboundBadInputTests extends ApiTest {

	private static final String JSON = "application/json";

	private static final int EVENTS_LIMIT = 512 * 1024;

	private static final int ALERTMANAGER_LIMIT = 4 * 1024 * 1024;

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	// ---------------------------------------------------------------- the endpoints and their bodies

	enum Endpoint {

		EVENTS("/v2/enqueue", "events_v2", false), CHANGE("/v2/change/enqueue", "events_v2", false),
		ALERTMANAGER("/integrations/alertmanager/", "alertmanager", true),
		GRAFANA("/integrations/grafana/", "grafana", true), WEBHOOK("/integrations/webhook/", "webhook", true);

		final String path;

		final String type;

		final boolean keyInPath;

		Endpoint(String path, String type, boolean keyInPath) {
			this.path = path;
			this.type = type;
			this.keyInPath = keyInPath;
		}

		String uri(String key) {
			return keyInPath ? path + key : path;
		}

		/** Events v2 answers with its own {@code status}; the others with {@code "status": "error"}. */
		boolean speaksEventsV2() {
			return this == EVENTS || this == CHANGE;
		}

		int accepted() {
			return this == ALERTMANAGER || this == GRAFANA ? 200 : 202;
		}
	}

	/** A valid Events v2 trigger; {@code KEY} becomes the routing key. */
	private static final String EVENT = """
			{"routing_key": "KEY", "event_action": "trigger", "dedup_key": "bad-input",
			 "payload": {"summary": "Disk full on db-1", "source": "db-1", "severity": "critical",
			  "custom_details": {"free": "0 B"}}}""";

	private static final String CHANGE = """
			{"routing_key": "KEY", "payload": {"summary": "Deployed checkout v42", "source": "ci",
			  "timestamp": "2026-03-02T09:00:00Z", "custom_details": {"sha": "abc"}},
			 "links": [{"href": "https://ci.example/run/1", "text": "build"}]}""";

	/** A valid Alertmanager (and Grafana) notification of one firing alert. */
	private static final String NOTIFICATION = """
			{"receiver": "firebreak", "status": "firing", "alerts": [{"status": "firing",
			  "labels": {"alertname": "DiskFull", "severity": "critical", "instance": "db-1"},
			  "annotations": {"summary": "Disk full on db-1"}, "startsAt": "2026-03-02T09:58:00Z",
			  "endsAt": "0001-01-01T00:00:00Z", "generatorURL": "http://prometheus:9090/graph",
			  "fingerprint": "1a2b3c4d5e6f7a8b"}],
			 "groupLabels": {}, "commonLabels": {}, "commonAnnotations": {}, "externalURL": "http://alertmanager:9093",
			 "version": "4", "groupKey": "{}:{}", "truncatedAlerts": 0}""";

	private static final String HOOK = """
			{"dedup_key": "bad-input", "title": "Backup failed", "message": "exit 2", "severity": "warning",
			 "state": "triggered"}""";

	/** The request body; {@code key} is the routing key, for bodies that carry it. */
	@FunctionalInterface
	interface Body {

		byte[] bytes(String key);
	}

	private static Body json(String text) {
		return key -> text.replace("KEY", key).getBytes(StandardCharsets.UTF_8);
	}

	/** The template with parts replaced (part, replacement, …); each must be there, or the case would test nothing. */
	private static Body json(String template, String... edits) {
		var text = template;
		for (var i = 0; i < edits.length; i += 2) {
			assertThat(text).as("template of a test case").contains(edits[i]);
			text = text.replace(edits[i], edits[i + 1]);
		}
		return json(text);
	}

	/** The template with one part replaced by raw bytes, which need not be UTF-8. */
	private static Body bytes(String template, String part, byte... replacement) {
		assertThat(template).as("template of a test case").contains(part);
		var at = template.indexOf(part);
		return key -> {
			var out = new ByteArrayOutputStream();
			out.writeBytes(template.substring(0, at).replace("KEY", key).getBytes(StandardCharsets.UTF_8));
			out.writeBytes(replacement);
			out.writeBytes(template.substring(at + part.length()).replace("KEY", key).getBytes(StandardCharsets.UTF_8));
			return out.toByteArray();
		};
	}

	private static byte[] b(int... values) {
		var bytes = new byte[values.length];
		for (var i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

	/** {@code {"a":{"a":…1…}}}, {@code depth} objects deep. */
	private static String nested(int depth) {
		return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
	}

	/** {@code "l0": "v0", "l1": "v1", …}: that many labels or details. */
	private static String many(int count) {
		var entries = new StringBuilder();
		for (var i = 0; i < count; i++) {
			entries.append(i == 0 ? "" : ", ").append("\"l").append(i).append("\": \"v").append(i).append('"');
		}
		return entries.toString();
	}

	// ---------------------------------------------------------------- refused: the answer, and nothing stored

	/**
	 * A request that must be refused.
	 *
	 * @param status the HTTP status
	 * @param kind Events v2's {@code status} field ({@code invalid event} or {@code Unrecognized object});
	 *        {@code error} for the other endpoints
	 * @param says what the answer must name (the field, the limit, the problem)
	 * @param path the path to call when it is not the endpoint's own with the integration's key
	 */
	record Refusal(Endpoint endpoint, Body body, String contentType, int status, String kind, String says,
			String path) {
	}

	private static Arguments refused(String name, Endpoint endpoint, Body body, int status, String kind, String says) {
		return refused(name, endpoint, body, JSON, status, kind, says);
	}

	private static Arguments refused(String name, Endpoint endpoint, Body body, String contentType, int status,
			String kind, String says) {
		return Arguments.of(Named.of(endpoint + ": " + name,
				new Refusal(endpoint, body, contentType, status, kind, says, null)));
	}

	private static Arguments refusedAt(String name, Endpoint endpoint, String path, Body body, int status, String says) {
		return Arguments.of(Named.of(endpoint + ": " + name,
				new Refusal(endpoint, body, JSON, status, "error", says, path)));
	}

	static Stream<Arguments> refusals() {
		var invalid = "invalid event";
		var unrecognized = "Unrecognized object";
		var error = "error";
		var e = Endpoint.EVENTS;
		var c = Endpoint.CHANGE;
		var am = Endpoint.ALERTMANAGER;
		var gr = Endpoint.GRAFANA;
		var wh = Endpoint.WEBHOOK;
		var hundredKb = "x".repeat(100 * 1024);
		return Stream.of(
				// ---- Events v2 alert events
				refused("malformed JSON", e, json("{\"routing_key\": \"KEY\", \"event_action\": \"trigger\","), 400,
						unrecognized, "not valid JSON"),
				refused("two objects back to back", e, json(EVENT + EVENT), 400, unrecognized, "not valid JSON"),
				refused("a field given twice", e, json(EVENT, "\"dedup_key\": \"bad-input\",",
						"\"dedup_key\": \"a\", \"dedup_key\": \"b\","), 400, unrecognized, "not valid JSON"),
				refused("a list", e, json("[" + EVENT + "]"), 400, unrecognized, "must be a JSON object"),
				refused("a string", e, json("\"trigger\""), 400, unrecognized, "must be a JSON object"),
				refused("null", e, json("null"), 400, unrecognized, "must be a JSON object"),
				refused("a number", e, json("42"), 400, unrecognized, "must be a JSON object"),
				refused("an empty object", e, json("{}"), 400, invalid, "'routing_key' is missing"),
				refused("severity as a number", e, json(EVENT, "\"severity\": \"critical\"", "\"severity\": 3"), 400,
						invalid, "'payload.severity' must be a string"),
				refused("summary as an object", e, json(EVENT, "\"summary\": \"Disk full on db-1\"", "\"summary\": {}"),
						400, invalid, "'payload.summary' must be a string"),
				refused("source as a list", e, json(EVENT, "\"source\": \"db-1\"", "\"source\": [\"db-1\"]"), 400,
						invalid, "'payload.source' must be a string"),
				refused("routing_key as a number", e, json(EVENT, "\"KEY\"", "12345678901234567890123456789012"), 400,
						invalid, "'routing_key' must be a string"),
				refused("timestamp as a number", e, json(EVENT, "\"severity\": \"critical\"",
						"\"severity\": \"critical\", \"timestamp\": 1772445600"), 400, invalid, "'payload.timestamp'"),
				refused("payload as a list", e, json(EVENT, "\"payload\": {", "\"payload\": [{", "}}}", "}}]}"),
						400, invalid, "'payload' is required and must be an object"),
				refused("custom_details as a list", e, json(EVENT, "{\"free\": \"0 B\"}", "[\"0 B\"]"), 400, invalid,
						"'payload.custom_details' must be an object"),
				refused("links as an object", e, json(EVENT, "\"dedup_key\"", "\"links\": {\"href\": \"x\"}, \"dedup_key\""),
						400, invalid, "'links' must be a list"),
				refused("images as a string", e, json(EVENT, "\"dedup_key\"", "\"images\": \"x.png\", \"dedup_key\""), 400,
						invalid, "'images' must be a list"),
				refused("an unknown routing key of 32 characters", e,
						json(EVENT, "\"KEY\"", "\"" + "z".repeat(32) + "\""), 400, invalid, "does not belong"),
				refused("invalid UTF-8: a bad continuation byte", e, bytes(EVENT, "Disk full", b('D', 0xC3, 0x28)), 400,
						unrecognized, "not valid UTF-8"),
				refused("invalid UTF-8: a lone continuation byte", e, bytes(EVENT, "Disk full", b(0x80)), 400,
						unrecognized, "not valid UTF-8"),
				refused("invalid UTF-8: an overlong slash", e, bytes(EVENT, "Disk full", b(0xC0, 0xAF)), 400,
						unrecognized, "not valid UTF-8"),
				refused("invalid UTF-8: a surrogate encoded in three bytes", e,
						bytes(EVENT, "Disk full", b(0xED, 0xA0, 0x80)), 400, unrecognized, "not valid UTF-8"),
				refused("invalid UTF-8: a sequence cut short", e, bytes(EVENT, "Disk full", b(0xE2, 0x82)), 400,
						unrecognized, "not valid UTF-8"),
				refused("invalid UTF-8: the byte FF", e, bytes(EVENT, "Disk full", b(0xFF)), 400, unrecognized,
						"not valid UTF-8"),
				refused("Latin-1 bytes declared as Latin-1", e, bytes(EVENT, "Disk full", b('D', 0xE9, 'j', 0xE0)),
						"application/json; charset=ISO-8859-1", 400, unrecognized, "not valid UTF-8"),
				refused("an unescaped control character in a string", e, bytes(EVENT, "Disk full", b('D', 0x01)), 400,
						unrecognized, "not valid JSON"),
				refused("NUL in the summary", e, json(EVENT, "Disk full", "Disk\\u0000full"), 400, invalid,
						"'payload.summary' contains the control character U+0000"),
				refused("ESC in the source", e, json(EVENT, "\"source\": \"db-1\"", "\"source\": \"db\\u001b[31m-1\""),
						400, invalid, "'payload.source' contains the control character U+001B"),
				refused("NUL in the dedup_key", e, json(EVENT, "bad-input", "bad\\u0000input"), 400, invalid,
						"'dedup_key' contains the control character U+0000"),
				refused("an unpaired surrogate in the summary", e, json(EVENT, "Disk full", "Disk \\ud800 full"), 400,
						invalid, "'payload.summary' contains an unpaired surrogate"),
				refused("a 100 KB summary", e, json(EVENT, "Disk full on db-1", hundredKb), 400, invalid,
						"'payload.summary' must be at most 1024 characters"),
				refused("a 100 KB source", e, json(EVENT, "\"source\": \"db-1\"", "\"source\": \"" + hundredKb + "\""), 400,
						invalid, "'payload.source' must be at most 1024 characters"),
				refused("a 100 KB dedup_key", e, json(EVENT, "bad-input", hundredKb), 400, invalid,
						"'dedup_key' must be at most 255 characters"),
				refused("custom_details nested 1,000 levels deep", e, json(EVENT, "{\"free\": \"0 B\"}", nested(1000)), 400,
						unrecognized, "nesting deeper than 500"),
				refused("a field name of 60,000 characters", e,
						json(EVENT, "{\"free\": \"0 B\"}", "{\"" + "n".repeat(60_000) + "\": 1}"), 400, unrecognized,
						"a name longer than 50000"),
				refused("Content-Type text/plain", e, json(EVENT), "text/plain", 415, unrecognized,
						"Content-Type must be application/json"),
				refused("Content-Type of a form", e, json(EVENT), "application/x-www-form-urlencoded", 415, unrecognized,
						"Content-Type must be application/json"),

				// ---- Events v2 change events
				refused("malformed JSON", c, json("{\"routing_key\": \"KEY\", \"payload\": {"), 400, unrecognized,
						"not valid JSON"),
				refused("a list", c, json("[" + CHANGE + "]"), 400, unrecognized, "must be a JSON object"),
				refused("a string", c, json("\"deployed\""), 400, unrecognized, "must be a JSON object"),
				refused("null", c, json("null"), 400, unrecognized, "must be a JSON object"),
				refused("no routing_key", c, json(CHANGE, "\"routing_key\": \"KEY\",", ""), 400, invalid,
						"'routing_key' is missing"),
				refused("an unknown routing key", c, json(CHANGE, "\"KEY\"", "\"" + "0".repeat(32) + "\""), 400, invalid,
						"does not belong"),
				refused("summary as a number", c, json(CHANGE, "\"Deployed checkout v42\"", "42"), 400, invalid,
						"'payload.summary' must be a string"),
				refused("source as a number", c, json(CHANGE, "\"source\": \"ci\"", "\"source\": 7"), 400, invalid,
						"'payload.source' must be a string"),
				refused("payload as a string", c, json("{\"routing_key\": \"KEY\", \"payload\": \"deployed\"}"), 400,
						invalid, "'payload' is required and must be an object"),
				refused("custom_details as a list", c, json(CHANGE, "{\"sha\": \"abc\"}", "[\"abc\"]"), 400, invalid,
						"'payload.custom_details' must be an object"),
				refused("links as an object", c, json(CHANGE, "[{\"href\": \"https://ci.example/run/1\", \"text\": \"build\"}]",
						"{\"href\": \"x\"}"), 400, invalid, "'links' must be a list"),
				refused("invalid UTF-8", c, bytes(CHANGE, "Deployed", b('D', 0xC3, 0x28)), 400, unrecognized,
						"not valid UTF-8"),
				refused("NUL in the summary", c, json(CHANGE, "Deployed checkout", "Deployed\\u0000checkout"), 400, invalid,
						"'payload.summary' contains the control character U+0000"),
				refused("NUL in the source", c, json(CHANGE, "\"source\": \"ci\"", "\"source\": \"c\\u0000i\""), 400, invalid,
						"'payload.source' contains the control character U+0000"),
				refused("a 100 KB summary", c, json(CHANGE, "Deployed checkout v42", hundredKb), 400, invalid,
						"'payload.summary' must be at most 1024 characters"),
				refused("a 5,000-character source", c, json(CHANGE, "\"source\": \"ci\"",
						"\"source\": \"" + "s".repeat(5000) + "\""), 400, invalid,
						"'payload.source' must be at most 1024 characters"),
				refused("a timestamp past the year 9999", c, json(CHANGE, "2026-03-02T09:00:00Z", "+300000-01-01T00:00:00Z"),
						400, invalid, "'payload.timestamp' must be between the years 1 and 9999"),
				refused("custom_details nested 1,000 levels deep", c, json(CHANGE, "{\"sha\": \"abc\"}", nested(1000)), 400,
						unrecognized, "nesting deeper than 500"),
				refused("Content-Type text/plain", c, json(CHANGE), "text/plain", 415, unrecognized,
						"Content-Type must be application/json"),

				// ---- Alertmanager
				refusedAt("an unknown key", am, "/integrations/alertmanager/" + "0".repeat(32), json(NOTIFICATION), 404,
						"No alertmanager integration has this key"),
				refusedAt("a key of 5,000 characters", am, "/integrations/alertmanager/" + "k".repeat(5000),
						json(NOTIFICATION), 404, "No alertmanager integration has this key"),
				refused("malformed JSON", am, json("{\"alerts\": [{\"status\": "), 400, error, "not valid JSON"),
				refused("a list", am, json("[" + NOTIFICATION + "]"), 400, error, "'alerts'"),
				refused("a string", am, json("\"firing\""), 400, error, "'alerts'"),
				refused("null", am, json("null"), 400, error, "'alerts'"),
				refused("no alerts", am, json("{\"receiver\": \"firebreak\", \"status\": \"firing\"}"), 400, error,
						"'alerts'"),
				refused("alerts as an object", am, json(NOTIFICATION, "\"alerts\": [", "\"alerts\": {\"a\": ", "}],", "}},"), 400, error, "'alerts'"),
				refused("labels as a list", am, json(NOTIFICATION,
						"{\"alertname\": \"DiskFull\", \"severity\": \"critical\", \"instance\": \"db-1\"}",
						"[\"alertname\", \"DiskFull\"]"), 400, error, "alerts[0] needs"),
				refused("status as a number", am, json(NOTIFICATION, "\"status\": \"firing\",\n  \"labels\"",
						"\"status\": 1,\n  \"labels\""), 400, error, "alerts[0] needs"),
				refused("no fingerprint", am, json(NOTIFICATION, ",\n  \"fingerprint\": \"1a2b3c4d5e6f7a8b\"", ""), 400,
						error, "alerts[0] needs"),
				refused("the severity label as a number", am, json(NOTIFICATION, "\"severity\": \"critical\"",
						"\"severity\": 1"), 400, error, "alerts[0]: label 'severity' must be a string"),
				refused("annotations as a list", am, json(NOTIFICATION, "{\"summary\": \"Disk full on db-1\"}",
						"[\"Disk full on db-1\"]"), 400, error, "alerts[0]: 'annotations' must be an object"),
				refused("a fingerprint of 300 characters", am, json(NOTIFICATION, "1a2b3c4d5e6f7a8b", "f".repeat(300)), 400,
						error, "alerts[0]: 'fingerprint' must be at most 255 characters"),
				refused("NUL in the fingerprint", am, json(NOTIFICATION, "1a2b3c4d5e6f7a8b", "1a2b\\u00003c4d"), 400, error,
						"alerts[0]: 'fingerprint' contains the control character U+0000"),
				refused("NUL in the summary annotation", am, json(NOTIFICATION, "\"summary\": \"Disk full on db-1\"",
						"\"summary\": \"Disk\\u0000full\""), 400, error,
						"alerts[0]: annotation 'summary' contains the control character U+0000"),
				refused("NUL in the instance label", am, json(NOTIFICATION, "\"instance\": \"db-1\"",
						"\"instance\": \"db\\u0000-1\""), 400, error,
						"alerts[0]: label 'instance' contains the control character U+0000"),
				refused("invalid UTF-8", am, bytes(NOTIFICATION, "Disk full", b('D', 0xC3, 0x28)), 400, error,
						"not valid UTF-8"),
				refused("annotations nested 1,000 levels deep", am, json(NOTIFICATION,
						"{\"summary\": \"Disk full on db-1\"}", "{\"summary\": \"Disk full\", \"deep\": " + nested(1000) + "}"),
						400, error, "nesting deeper than 500"),
				refused("Content-Type text/plain", am, json(NOTIFICATION), "text/plain", 415, error,
						"Content-Type must be application/json"),

				// ---- Grafana (the same controller: the cases that reach it another way)
				refusedAt("an unknown key", gr, "/integrations/grafana/" + "0".repeat(32), json(NOTIFICATION), 404,
						"No grafana integration has this key"),
				refused("malformed JSON", gr, json("{\"alerts\": "), 400, error, "not valid JSON"),
				refused("a list", gr, json("[]"), 400, error, "'alerts'"),
				refused("NUL in the summary annotation", gr, json(NOTIFICATION, "\"summary\": \"Disk full on db-1\"",
						"\"summary\": \"Disk\\u0000full\""), 400, error, "annotation 'summary' contains the control character U+0000"),
				refused("invalid UTF-8", gr, bytes(NOTIFICATION, "Disk full", b(0xFF)), 400, error, "not valid UTF-8"),
				refused("Content-Type text/plain", gr, json(NOTIFICATION), "text/plain", 415, error,
						"Content-Type must be application/json"),

				// ---- the generic webhook
				refusedAt("a key of 5,000 characters", wh, "/integrations/webhook/" + "k".repeat(5000), json(HOOK), 404,
						"No webhook integration has this key"),
				refused("malformed JSON", wh, json("{\"title\": "), 400, error, "not valid JSON"),
				refused("a string", wh, json("\"Backup failed\""), 400, error, "must be a JSON object"),
				refused("null", wh, json("null"), 400, error, "must be a JSON object"),
				refused("title as a number", wh, json(HOOK, "\"Backup failed\"", "42"), 400, error,
						"'title' must be a string"),
				refused("state as a number", wh, json(HOOK, "\"state\": \"triggered\"", "\"state\": 1"), 400, error,
						"'state' must be a string"),
				refused("dedup_key as a number", wh, json(HOOK, "\"bad-input\"", "7"), 400, error,
						"'dedup_key' must be a string"),
				refused("severity as a number", wh, json(HOOK, "\"warning\"", "2"), 400, error,
						"'severity' must be a string"),
				refused("invalid UTF-8", wh, bytes(HOOK, "Backup", b('B', 0xC3, 0x28)), 400, error, "not valid UTF-8"),
				refused("NUL in the title", wh, json(HOOK, "Backup failed", "Backup\\u0000failed"), 400, error,
						"'title' contains the control character U+0000"),
				refused("a bell in the dedup_key", wh, json(HOOK, "bad-input", "bad\\u0007input"), 400, error,
						"'dedup_key' contains the control character U+0007"),
				refused("a 100 KB title", wh, json(HOOK, "Backup failed", hundredKb), 400, error,
						"'title' must be at most 1024 characters"),
				refused("a 100 KB dedup_key", wh, json(HOOK, "bad-input", hundredKb), 400, error,
						"'dedup_key' must be at most 255 characters"),
				refused("nested 1,000 levels deep", wh, json(HOOK, "\"exit 2\"", nested(1000)), 400, error,
						"nesting deeper than 500"),
				refused("Content-Type text/plain", wh, json(HOOK), "text/plain", 415, error,
						"Content-Type must be application/json"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusals")
	void badInputIsRefusedInTheClientsWordsAndStoresNothing(Refusal refusal) throws Exception {
		var target = integration(refusal.endpoint());
		var before = stored();
		var path = refusal.path() != null ? refusal.path() : refusal.endpoint().uri(target.key());
		var response = send(path, refusal.contentType(), refusal.body().bytes(target.key()));

		assertRefusal(refusal.endpoint(), response, refusal.status(), refusal.kind(), refusal.says());
		assertThat(stored()).as("rows of alert and catalog_change").isEqualTo(before);
		assertThat(alertsOf(target)).as("alerts of the service").isZero();
	}

	// ---------------------------------------------------------------- hostile but valid: stored within the columns

	record Acceptance(Endpoint endpoint, Body body, String contentType, int alerts, Consumer<JsonNode> stored) {
	}

	private static Arguments accepted(String name, Endpoint endpoint, Body body, Consumer<JsonNode> stored) {
		return accepted(name, endpoint, body, JSON, stored);
	}

	private static Arguments accepted(String name, Endpoint endpoint, Body body, String contentType,
			Consumer<JsonNode> stored) {
		return Arguments.of(Named.of(endpoint + ": " + name, new Acceptance(endpoint, body, contentType, 1, stored)));
	}

	static Stream<Arguments> acceptances() {
		var e = Endpoint.EVENTS;
		var c = Endpoint.CHANGE;
		var am = Endpoint.ALERTMANAGER;
		var wh = Endpoint.WEBHOOK;
		var hundredKb = "x".repeat(100 * 1024);
		return Stream.of(
				accepted("NUL in custom_details, kept in the payload", e,
						json(EVENT, "\"free\": \"0 B\"", "\"free\": \"0\\u0000B\""),
						alert -> assertThat(alert.at("/payload/payload/custom_details/free").asString()).isEqualTo("0\u0000B")),
				accepted("tabs and line breaks in the summary", e, json(EVENT, "Disk full on db-1", "Disk full\\ton\\r\\ndb-1"),
						alert -> assertThat(alert.get("summary").asString()).isEqualTo("Disk full\ton\r\ndb-1")),
				accepted("an emoji in the summary", e, json(EVENT, "Disk full", "Disk \\ud83d\\udd25 full"),
						alert -> assertThat(alert.get("summary").asString()).isEqualTo("Disk \ud83d\udd25 full on db-1")),
				accepted("10,000 custom_details", e, json(EVENT, "{\"free\": \"0 B\"}", "{" + many(10_000) + "}"),
						alert -> assertThat(alert.at("/payload/payload/custom_details").size()).isEqualTo(10_000)),
				accepted("a 100 KB custom_details value", e, json(EVENT, "\"0 B\"", "\"" + hundredKb + "\""),
						alert -> assertThat(alert.at("/payload/payload/custom_details/free").asString()).hasSize(100 * 1024)),
				accepted("custom_details nested 400 levels deep", e, json(EVENT, "{\"free\": \"0 B\"}", nested(400)),
						alert -> assertThat(alert.at("/payload/payload/custom_details" + "/a".repeat(400)).asInt()).isEqualTo(1)),
				accepted("an unknown severity, as error", e, json(EVENT, "\"critical\"", "\"sev0\""),
						alert -> assertThat(alert.get("severity").asString()).isEqualTo("error")),
				accepted("no Content-Type", e, json(EVENT), null,
						alert -> assertThat(alert.get("summary").asString()).isEqualTo("Disk full on db-1")),
				accepted("Content-Type with a charset", e, json(EVENT), "application/json; charset=utf-8",
						alert -> assertThat(alert.get("summary").asString()).isEqualTo("Disk full on db-1")),
				accepted("a byte order mark", e, key -> {
					var body = json(EVENT).bytes(key);
					var marked = new byte[body.length + 3];
					marked[0] = (byte) 0xEF;
					marked[1] = (byte) 0xBB;
					marked[2] = (byte) 0xBF;
					System.arraycopy(body, 0, marked, 3, body.length);
					return marked;
				}, alert -> assertThat(alert.get("summary").asString()).isEqualTo("Disk full on db-1")),
				accepted("a change with NUL in custom_details", c, json(CHANGE, "\"sha\": \"abc\"", "\"sha\": \"a\\u0000bc\""),
						change -> assertThat(change.at("/payload/payload/custom_details/sha").asString()).isEqualTo("a\u0000bc")),
				accepted("a change with a 1,024-character source", c,
						json(CHANGE, "\"source\": \"ci\"", "\"source\": \"" + "s".repeat(1024) + "\""),
						change -> assertThat(change.get("source").asString()).hasSize(1024)),
				accepted("a change at the last second of the year 9999", c,
						json(CHANGE, "2026-03-02T09:00:00Z", "9999-12-31T23:59:59Z"),
						change -> assertThat(change.at("/payload/payload/timestamp").asString()).isEqualTo("9999-12-31T23:59:59Z")),
				accepted("10,000 labels", am, json(NOTIFICATION, "\"instance\": \"db-1\"",
						"\"instance\": \"db-1\", " + many(10_000)),
						alert -> assertThat(alert.at("/payload/labels").size()).isEqualTo(10_003)),
				accepted("a 100 KB alertname and no annotations: the summary is cut to 1,024", am,
						json(NOTIFICATION, "\"annotations\": {\"summary\": \"Disk full on db-1\"}", "\"annotations\": {}",
								"\"alertname\": \"DiskFull\"", "\"alertname\": \"" + hundredKb + "\""),
						alert -> {
							assertThat(alert.get("summary").asString()).isEqualTo("x".repeat(1024));
							assertThat(alert.at("/payload/labels/alertname").asString()).hasSize(100 * 1024);
						}),
				accepted("a 5,000-character instance: the source is cut to 1,024", am,
						json(NOTIFICATION, "\"instance\": \"db-1\"", "\"instance\": \"" + "i".repeat(5000) + "\""),
						alert -> {
							assertThat(alert.get("source").asString()).isEqualTo("i".repeat(1024));
							assertThat(alert.at("/payload/labels/instance").asString()).hasSize(5000);
						}),
				accepted("a 100 KB instance", am,
						json(NOTIFICATION, "\"instance\": \"db-1\"", "\"instance\": \"" + hundredKb + "\""),
						alert -> assertThat(alert.get("source").asString()).hasSize(1024)),
				accepted("a long summary is cut between characters, not inside one", am,
						json(NOTIFICATION, "Disk full on db-1", "a".repeat(1023) + "\\ud83d\\udd25"),
						alert -> assertThat(alert.get("summary").asString()).isEqualTo("a".repeat(1023))),
				accepted("NUL in a label it does not store apart, kept in the payload", am,
						json(NOTIFICATION, "\"instance\": \"db-1\"", "\"instance\": \"db-1\", \"team\": \"o\\u0000ps\""),
						alert -> assertThat(alert.at("/payload/labels/team").asString()).isEqualTo("o\u0000ps")),
				Arguments.of(Named.of("ALERTMANAGER: an empty list of alerts stores nothing",
						new Acceptance(am, json(NOTIFICATION, "\"alerts\": [{", "\"alerts\": [], \"x\": [{"), JSON, 0,
								alert -> {
								}))),
				accepted("NUL in the message, kept in the payload", wh, json(HOOK, "exit 2", "exit\\u00002"),
						alert -> assertThat(alert.at("/payload/message").asString()).isEqualTo("exit\u00002")),
				accepted("a 1,024-character title", wh, json(HOOK, "Backup failed", "t".repeat(1024)),
						alert -> assertThat(alert.get("summary").asString()).hasSize(1024)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("acceptances")
	void hostileButValidInputIsStoredWithinItsColumns(Acceptance acceptance) throws Exception {
		var target = integration(acceptance.endpoint());
		var before = stored();
		var response = send(acceptance.endpoint().uri(target.key()), acceptance.contentType(),
				acceptance.body().bytes(target.key()));

		assertThat(response.status()).as("status of a response with body %s", response.body())
			.isEqualTo(acceptance.endpoint().accepted());
		assertThat(json.readTree(response.body()).get("status").asString()).isEqualTo("success");
		if (acceptance.endpoint() == Endpoint.CHANGE) {
			assertThat(stored()).isEqualTo(new Rows(before.alerts(), before.changes() + 1));
			acceptance.stored().accept(change(target));
		}
		else {
			assertThat(stored()).isEqualTo(new Rows(before.alerts() + acceptance.alerts(), before.changes()));
			assertThat(alertsOf(target)).isEqualTo(acceptance.alerts());
			if (acceptance.alerts() > 0) {
				acceptance.stored().accept(alert(target));
			}
		}
	}

	// ---------------------------------------------------------------- sizes, over a real connection

	static Stream<Arguments> sizes() {
		return Stream.of(Endpoint.values())
			.flatMap(endpoint -> Stream.of(Arguments.of(endpoint, "Content-Length"), Arguments.of(endpoint, "chunked")));
	}

	/** A valid body of exactly {@code size} bytes: a trigger padded with a long detail. */
	private static String padded(Endpoint endpoint, String key, int size) {
		var template = switch (endpoint) {
			case EVENTS -> EVENT.replace("\"0 B\"", "\"PAD\"");
			case CHANGE -> CHANGE.replace("\"abc\"", "\"PAD\"");
			case ALERTMANAGER, GRAFANA -> NOTIFICATION.replace("\"DiskFull\"", "\"DiskFull\", \"pad\": \"PAD\"");
			case WEBHOOK -> HOOK.replace("\"exit 2\"", "\"PAD\"");
		};
		var body = template.replace("KEY", key);
		var padding = size - body.getBytes(StandardCharsets.UTF_8).length + "PAD".length();
		return body.replace("PAD", "p".repeat(padding));
	}

	private static int limit(Endpoint endpoint) {
		return endpoint == Endpoint.ALERTMANAGER || endpoint == Endpoint.GRAFANA ? ALERTMANAGER_LIMIT : EVENTS_LIMIT;
	}

	@ParameterizedTest(name = "{0} with {1}")
	@MethodSource("sizes")
	void aBodyOverTheLimitIsRefusedWith413WithOrWithoutContentLength(Endpoint endpoint, String framing) throws Exception {
		var target = integration(endpoint);
		var before = stored();
		var body = padded(endpoint, target.key(), limit(endpoint) + 64 * 1024).getBytes(StandardCharsets.UTF_8);
		var response = overTheWire(endpoint.uri(target.key()), body, framing.equals("chunked"));

		assertRefusal(endpoint, response, 413, endpoint.speaksEventsV2() ? "invalid event" : "error",
				endpoint == Endpoint.ALERTMANAGER || endpoint == Endpoint.GRAFANA ? "larger than 4 MB" : "larger than 512 KB");
		assertThat(stored()).isEqualTo(before);
		assertThat(alertsOf(target)).isZero();
	}

	@ParameterizedTest(name = "{0} with {1}")
	@MethodSource("sizes")
	void aBodyOfExactlyTheLimitIsTaken(Endpoint endpoint, String framing) throws Exception {
		var target = integration(endpoint);
		var before = stored();
		var body = padded(endpoint, target.key(), limit(endpoint)).getBytes(StandardCharsets.UTF_8);
		assertThat(body).hasSize(limit(endpoint));
		var response = overTheWire(endpoint.uri(target.key()), body, framing.equals("chunked"));

		assertThat(response.status()).as("status of a response with body %s", response.body())
			.isEqualTo(endpoint.accepted());
		assertThat(stored()).isEqualTo(endpoint == Endpoint.CHANGE ? new Rows(before.alerts(), before.changes() + 1)
				: new Rows(before.alerts() + 1, before.changes()));
	}

	/** The event doors take POST only; another method is told so, in JSON, and changes nothing. */
	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "GET, /v2/enqueue", "PUT, /v2/change/enqueue", "GET, /integrations/alertmanager/{key}",
			"DELETE, /integrations/grafana/{key}", "PATCH, /integrations/webhook/{key}" })
	void anEventDoorTakesPostOnly(String method, String path) throws Exception {
		var target = integration(Endpoint.WEBHOOK);
		var before = stored();
		var response = mvc.perform(request(HttpMethod.valueOf(method), URI.create(path.replace("{key}", target.key())))
			.contentType(JSON).content("{}")).andReturn().getResponse();
		var body = response.getContentAsString(StandardCharsets.UTF_8);

		assertThat(response.getStatus()).as("status of a response with body %s", body).isEqualTo(405);
		assertThat(response.getHeader("Allow")).isEqualTo("POST");
		assertThat(response.getContentType()).startsWith(JSON);
		assertThat(json.readTree(body).get("errors").get(0).asString())
			.isEqualTo(path.replace("{key}", target.key()) + " takes POST only, not " + method + ".");
		assertThat(stored()).isEqualTo(before);
	}

	// ---------------------------------------------------------------- heartbeat pings

	static Stream<Arguments> badPings() {
		return Stream.of(
				Arguments.of("GET", "{ping}/-1", 404, "not found"),
				Arguments.of("GET", "{ping}/1e3", 404, "not found"),
				Arguments.of("GET", "{ping}/000000256", 400, "invalid url format"),
				Arguments.of("POST", "{ping}/256", 400, "invalid url format"),
				Arguments.of("GET", "/ping/" + "a".repeat(10_000), 400, "invalid uuid format"),
				Arguments.of("GET", "{ping}?rid=" + "0".repeat(10_000), 400, "invalid uuid format"),
				Arguments.of("GET", "{ping}?rid=%00", 400, "invalid uuid format"),
				Arguments.of("GET", "{ping}/start/extra", 404, null),
				Arguments.of("PUT", "{ping}", 405, null),
				Arguments.of("GET", "/ping/" + UUID.randomUUID().toString().toUpperCase(), 404, "not found"));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("badPings")
	void badPingsAreRefusedAndChangeNothing(String method, String path, int status, String text) throws Exception {
		var target = integration("heartbeat");
		var before = stored();
		MockHttpServletRequestBuilder request = switch (method) {
			case "POST" -> post(URI.create(path.replace("{ping}", target.key()))).content("done");
			case "PUT" -> put(URI.create(path.replace("{ping}", target.key()))).content("done");
			default -> get(URI.create(path.replace("{ping}", target.key())));
		};
		var response = mvc.perform(request.with(r -> {
			r.setRemoteAddr("192.0.2.7");
			return r;
		})).andReturn().getResponse();
		var body = response.getContentAsString(StandardCharsets.UTF_8);

		assertThat(response.getStatus()).as("status of a response with body %s", body).isEqualTo(status);
		if (text != null) {
			assertThat(body).isEqualTo(text);
		}
		assertNothingInternal(body);
		var heartbeat = heartbeat(target);
		assertThat(heartbeat.get("state").asString()).isEqualTo("new");
		assertThat(heartbeat.get("pings").isEmpty()).isTrue();
		assertThat(stored()).isEqualTo(before);
		assertThat(alertsOf(target)).isZero();
	}

	/** A ping's body past its limit is cut, not refused: the ping counts, with or without a Content-Length. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("framings")
	void aPingBodyOverTheLimitIsCutAndThePingCounts(String framing) throws Exception {
		var target = integration("heartbeat");
		var body = "é".repeat(512 * 1024).getBytes(StandardCharsets.UTF_8);
		var response = overTheWire(target.key() + "/fail", body, framing.equals("chunked"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("OK");
		var heartbeat = heartbeat(target);
		assertThat(heartbeat.get("state").asString()).isEqualTo("down");
		// 10,000 bytes are 5,000 two-byte characters
		assertThat(heartbeat.get("pings").get(0).get("body").asString()).isEqualTo("é".repeat(5000));
		assertThat(alertsOf(target)).isEqualTo(1);
	}

	/**
	 * {@code curl --data-raw "$output"}, as Healthchecks.io tells jobs to send their output, posts it
	 * as a form: the body is still the job's text, kept as sent (not parsed into parameters).
	 */
	@Test
	void aPingBodySentAsAFormIsKeptAsItWasSent() throws Exception {
		var target = integration("heartbeat");
		var output = "tar: /var/backups: Cannot open: Permission denied\nexit=2&retry=1+1 100%25";
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target.key() + "/fail"))
			.timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(output)).build();
		var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(heartbeat(target).get("pings").get(0).get("body").asString()).isEqualTo(output);
	}

	static Stream<String> framings() {
		return Stream.of("Content-Length", "chunked");
	}

	// ---------------------------------------------------------------- the templates themselves

	@Test
	void aFullyValidEventStillPassesEveryCheck() throws Exception {
		// the templates the cases above break are themselves accepted: a refusal above is the change's doing
		for (var endpoint : Endpoint.values()) {
			var target = integration(endpoint);
			var body = switch (endpoint) {
				case EVENTS -> EVENT;
				case CHANGE -> CHANGE;
				case ALERTMANAGER, GRAFANA -> NOTIFICATION;
				case WEBHOOK -> HOOK;
			};
			var response = send(endpoint.uri(target.key()), JSON, json(body).bytes(target.key()));
			assertThat(response.status()).as("%s answered %s", endpoint, response.body()).isEqualTo(endpoint.accepted());
		}
	}

	// ---------------------------------------------------------------- helpers

	record Target(String service, String integration, String key) {
	}

	record Rows(long alerts, long changes) {
	}

	record Answer(int status, String contentType, String body) {
	}

	private static String admin;

	private String admin() {
		if (admin == null) {
			admin = adminToken();
		}
		return admin;
	}

	private Target integration(Endpoint endpoint) {
		return integration(endpoint.type);
	}

	/** A service of its own with one integration of this type; for a heartbeat, the key is its ping path. */
	private Target integration(String type) {
		var service = api.post("/api/v1/services", admin(), "{\"name\": \"bad-input-%s\"}".formatted(UUID.randomUUID()))
			.expectStatus(201).json().get("id").asString();
		var integration = api.post("/api/v1/services/" + service + "/integrations", admin(),
				"{\"type\": \"%s\"}".formatted(type)).expectStatus(201).json();
		var id = integration.get("id").asString();
		var key = "heartbeat".equals(type)
				? api.get("/api/v1/integrations/" + id + "/heartbeat", admin()).expectStatus(200).json().get("ping_path").asString()
				: integration.get("routing_key").asString();
		return new Target(service, id, key);
	}

	/**
	 * Rows of alert and catalog_change. Heartbeat alerts are left out: other tests leave heartbeats
	 * behind on the shared clock, and the scheduled watch may raise theirs at any moment.
	 */
	private Rows stored() {
		return new Rows(
				jdbc.sql("select count(*) from alert where not (source = 'heartbeat' and dedup_key = 'heartbeat')")
					.query(Long.class).single(),
				jdbc.sql("select count(*) from catalog_change").query(Long.class).single());
	}

	private long alertsOf(Target target) {
		return api.get("/api/v1/alerts?service=" + target.service(), admin()).expectStatus(200).json().get("total").asLong();
	}

	private JsonNode alert(Target target) {
		var id = api.get("/api/v1/alerts?service=" + target.service(), admin()).expectStatus(200).json()
			.get("items").get(0).get("id").asString();
		return api.get("/api/v1/alerts/" + id, admin()).expectStatus(200).json();
	}

	/** The change a change event stored, shaped like an alert: summary, source, payload. */
	private JsonNode change(Target target) {
		var row = jdbc.sql("select summary, source, payload from catalog_change where service_id = :service")
			.param("service", UUID.fromString(target.service())).query().singleRow();
		var change = json.createObjectNode();
		change.put("summary", (String) row.get("summary"));
		change.put("source", (String) row.get("source"));
		change.set("payload", json.readTree((String) row.get("payload")));
		return change;
	}

	private JsonNode heartbeat(Target target) {
		return api.get("/api/v1/integrations/" + target.integration() + "/heartbeat", admin()).expectStatus(200).json();
	}

	private Answer send(String path, String contentType, byte[] body) throws Exception {
		var request = post(path).content(body).with(r -> {
			r.setRemoteAddr("192.0.2.7");
			return r;
		});
		if (contentType != null) {
			request.contentType(contentType);
		}
		var response = Api.answered(mvc.perform(request).andReturn());
		return new Answer(response.getStatus(), response.getContentType(), response.getContentAsString(StandardCharsets.UTF_8));
	}

	/** Through the server's socket: with a Content-Length, or chunked with none. */
	private Answer overTheWire(String path, byte[] body, boolean chunked) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(60)).header("Content-Type", JSON)
			.POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
					: HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
				response.body());
	}

	private void assertRefusal(Endpoint endpoint, Answer response, int status, String kind, String says) {
		assertThat(response.status()).as("status of a response with body %s", response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith(JSON);
		assertNothingInternal(response.body());
		var answer = json.readTree(response.body());
		assertThat(answer.get("status").asString()).isEqualTo(kind);
		if (endpoint.speaksEventsV2()) {
			assertThat(answer.get("message").asString()).isEqualTo("invalid event".equals(kind) ? "Event object is invalid"
					: "Event object format is unrecognized");
			assertThat(answer.get("errors").isArray()).isTrue();
			if (status == 400 && "Unrecognized object".equals(kind)) {
				assertThat(answer.get("errors").get(0).asString()).isEqualTo("JSON parse error");
			}
			assertThat(answer.get("errors").toString()).contains(says);
		}
		else {
			assertThat(answer.toString()).contains(says);
		}
	}

	/** No stack trace, exception or class name, SQL or parser internals: a person reads this. */
	private static void assertNothingInternal(String body) {
		assertThat(body).doesNotContain("Exception", "exception", "\tat ", "java.", "tools.jackson", "com.fasterxml",
				"org.springframework", "org.h2", "org.postgresql", "SQL", "insert into", "[Source", "StreamReadConstraints");
	}
}
