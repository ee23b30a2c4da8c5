package dev.firebreak;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.context.DynamicPropertyRegistry;

import tools.jackson.databind.json.JsonMapper;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Local stand-ins for the third-party services Firebreak calls and that cannot be reached from a
 * test: a Twilio-compatible REST API (Messages.json, Calls.json) and Slack's Web API and incoming
 * webhooks, answering as their documentation says. One server per test JVM, shared by every test
 * (each test looks only at the numbers and channels it made). {@link #down} makes them answer 503.
 */
public final class FakeProviders {

	public static final String TWILIO_SID = "AC00000000000000000000000000000000";

	public static final String TWILIO_TOKEN = "fake-twilio-auth-token";

	public static final String TWILIO_FROM = "+15005550006";

	public static final String SLACK_TOKEN = "xoxb-fake-bot-token";

	private static MockWebServer server;

	private static final List<Request> received = new CopyOnWriteArrayList<>();

	private static final AtomicInteger ids = new AtomicInteger();

	private static volatile boolean down;

	private FakeProviders() {
	}

	public static synchronized void register(DynamicPropertyRegistry registry) {
		start();
		var base = "http://localhost:" + server.getPort();
		registry.add("firebreak.notification.twilio.base-url", () -> base);
		registry.add("firebreak.notification.twilio.account-sid", () -> TWILIO_SID);
		registry.add("firebreak.notification.twilio.auth-token", () -> TWILIO_TOKEN);
		registry.add("firebreak.notification.twilio.from", () -> TWILIO_FROM);
		registry.add("firebreak.notification.slack.api-base-url", () -> base + "/slack/api");
		registry.add("firebreak.notification.slack.bot-token", () -> SLACK_TOKEN);
	}

	/** Where a chat channel's incoming webhook points, on the fake: {@code /hooks/<name>}. */
	public static String webhookUrl(String name) {
		start();
		return "http://localhost:" + server.getPort() + "/hooks/" + name;
	}

	/** Every SMS sent to this number, oldest first. */
	public static List<Request> smsTo(String number) {
		return received.stream().filter(r -> r.path().endsWith("/Messages.json") && number.equals(r.form().get("To"))).toList();
	}

	/** Every call placed to this number, oldest first. */
	public static List<Request> callsTo(String number) {
		return received.stream().filter(r -> r.path().endsWith("/Calls.json") && number.equals(r.form().get("To"))).toList();
	}

	/** Every {@code chat.postMessage} to this Slack user (a direct message), oldest first. */
	public static List<Request> slackMessagesTo(String user) {
		return received.stream().filter(r -> r.path().endsWith("/chat.postMessage"))
			.filter(r -> user.equals(JsonMapper.shared().readTree(r.body()).path("channel").asString(""))).toList();
	}

	/** Every post to this incoming webhook. */
	public static List<Request> postsTo(String name) {
		return received.stream().filter(r -> r.path().equals("/hooks/" + name)).toList();
	}

	public static void down(boolean isDown) {
		down = isDown;
	}

	private static synchronized void start() {
		if (server != null) {
			return;
		}
		server = new MockWebServer();
		server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				if (down) {
					return new MockResponse.Builder().code(503).body("{\"code\": 20503, \"message\": \"Service unavailable\"}").build();
				}
				var path = request.getUrl().encodedPath();
				var body = request.getBody() == null ? "" : request.getBody().utf8();
				var form = parseForm(request.getHeaders().get("Content-Type"), body);
				received.add(new Request(path, body, form, request.getHeaders().toMultimap()));
				var id = ids.incrementAndGet();
				if (path.endsWith("/Messages.json")) {
					return json(201, "{\"sid\": \"SM%032d\", \"status\": \"queued\"}".formatted(id));
				}
				if (path.endsWith("/Calls.json")) {
					return json(201, "{\"sid\": \"CA%032d\", \"status\": \"queued\"}".formatted(id));
				}
				if (path.endsWith("/chat.postMessage")) {
					return json(200, "{\"ok\": true, \"channel\": \"D0001\", \"ts\": \"1700000000.%06d\"}".formatted(id));
				}
				if (path.startsWith("/hooks/")) {
					return new MockResponse.Builder().code(200).body("ok").build();
				}
				return new MockResponse.Builder().code(404).body("not found").build();
			}
		});
		try {
			server.start(0);
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException("cannot start the fake providers", e);
		}
	}

	private static MockResponse json(int code, String body) {
		return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
	}

	private static Map<String, String> parseForm(String contentType, String body) {
		var form = new LinkedHashMap<String, String>();
		if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
			return form;
		}
		for (var pair : body.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			var at = pair.indexOf('=');
			var name = URLDecoder.decode(at < 0 ? pair : pair.substring(0, at), StandardCharsets.UTF_8);
			var value = at < 0 ? "" : URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8);
			form.put(name, value);
		}
		return form;
	}

	/** A request the fake received: its path, raw body, form fields (for Twilio) and headers. */
	public record Request(String path, String body, Map<String, String> form, Map<String, List<String>> headers) {
	}
}
