package dev.firebreak.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

import dev.firebreak.catalog.HttpCall;
import dev.firebreak.catalog.MitigationAction;
import dev.firebreak.incident.MitigationLever;

/** The HTTP side of a mitigation action, against a local server: what goes out, and how every kind of answer reads. */
class MitigationCallsTests {

	/** Short, so that a server that stalls is given up on quickly; nothing here depends on how fast a call is. */
	private static final Duration TIMEOUT = Duration.ofMillis(300);

	private MockWebServer server;

	private final MitigationCalls calls = new MitigationCalls(TIMEOUT);

	@BeforeEach
	void start() throws IOException {
		server = new MockWebServer();
		server.start(0);
	}

	@AfterEach
	void stop() {
		server.close();
	}

	@Test
	void sendsTheMethodHeadersAndBodyAndReadsTheAnswer() throws Exception {
		server.enqueue(new MockResponse.Builder().code(202).body("accepted").build());

		var outcome = calls.send(new HttpCall("PATCH", server.url("/flags/x").toString(),
				Map.of("X-Api-Key", "k-123"), "{\"on\": false}"));

		assertThat(outcome).isEqualTo(new MitigationCalls.Outcome(202, "accepted", null));
		assertThat(outcome.ok()).isTrue();
		var sent = server.takeRequest(1, TimeUnit.SECONDS);
		assertThat(sent.getMethod()).isEqualTo("PATCH");
		assertThat(sent.getHeaders().get("X-Api-Key")).isEqualTo("k-123");
		assertThat(sent.getBody().utf8()).isEqualTo("{\"on\": false}");
	}

	@Test
	void aCallWithoutBodySendsNone() throws Exception {
		server.enqueue(new MockResponse.Builder().code(204).build());

		var outcome = calls.send(new HttpCall("DELETE", server.url("/flags/x").toString(), Map.of(), null));

		assertThat(outcome).isEqualTo(new MitigationCalls.Outcome(204, "", null));
		assertThat(server.takeRequest(1, TimeUnit.SECONDS).getBodySize()).isZero();
	}

	@Test
	void aLongAnswerIsCutToItsFirstFiveHundredCharacters() {
		server.enqueue(new MockResponse.Builder().code(503).body("é".repeat(100_000)).build());

		var outcome = calls.send(new HttpCall("POST", server.url("/").toString(), Map.of(), null));

		assertThat(outcome.status()).isEqualTo(503);
		assertThat(outcome.ok()).isFalse();
		assertThat(outcome.excerpt()).isEqualTo("é".repeat(MitigationCalls.EXCERPT_CHARS));
	}

	@Test
	void aServerThatNeverAnswersTimesOut() {
		server.enqueue(new MockResponse.Builder().code(200).headersDelay(30, TimeUnit.SECONDS).body("late").build());

		var outcome = calls.send(new HttpCall("POST", server.url("/").toString(), Map.of(), null));

		assertThat(outcome).isEqualTo(new MitigationCalls.Outcome(null, null, "timed out after 300 ms"));
	}

	@Test
	void aServerThatStallsInTheMiddleOfItsBodyTimesOut() {
		server.enqueue(new MockResponse.Builder().code(200).bodyDelay(30, TimeUnit.SECONDS).body("late").build());

		var outcome = calls.send(new HttpCall("POST", server.url("/").toString(), Map.of(), null));

		assertThat(outcome.status()).isNull();
		assertThat(outcome.error()).isEqualTo("timed out after 300 ms");
	}

	@Test
	void aClosedPortIsAConnectionRefused() throws IOException {
		int port;
		try (var socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}

		var outcome = calls.send(new HttpCall("POST", "http://127.0.0.1:" + port + "/", Map.of(), null));

		assertThat(outcome).isEqualTo(new MitigationCalls.Outcome(null, null, "connection refused"));
	}

	@Test
	void theCatalogKnowsTheIncidentsLeversByTheirNames() {
		var levers = java.util.Arrays.stream(MitigationLever.values()).filter(l -> l != MitigationLever.OTHER)
			.map(l -> l.name().toLowerCase(Locale.ROOT)).toList();

		assertThat(MitigationAction.LEVERS).isEqualTo(levers);
	}
}
