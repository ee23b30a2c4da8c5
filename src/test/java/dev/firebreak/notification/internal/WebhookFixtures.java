package dev.firebreak.notification.internal;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;

/** What the channel tests share: the messages sent, and the providers' answers as MockWebServer plays them. */
final class WebhookFixtures {

	static final OutboundMessage PAGE = new OutboundMessage("[SEV1] INC-42 Checkout fails — payments",
			"SEV1 · Checkout fails for all EU customers.\nServices: payments, checkout\nYou are level 1 of Payments on-call.",
			"SEV1 INC-42 Checkout fails — payments. Reply 42 to ack", "https://firebreak.example/incidents/INC-42",
			"https://firebreak.example/notifications/ack/tok-42", "42");

	static final OutboundMessage NOTICE = new OutboundMessage("On call: Alice takes over Payments",
			"Alice is on call for Payments from 09:00 UTC.", "Alice is on call for Payments from 09:00 UTC",
			"https://firebreak.example/schedules/payments", null, null);

	private WebhookFixtures() {
	}

	static MockResponse json(int status, String body) {
		return new MockResponse(status, Headers.of("Content-Type", "application/json"), body);
	}

	static MockResponse text(int status, String body) {
		return new MockResponse(status, Headers.of("Content-Type", "text/plain"), body);
	}

	/** An answer that never comes: the read timeout decides. */
	static MockResponse stall() {
		return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
	}

	/** The address of a port nothing listens on any more. */
	static String refusingUrl() throws IOException {
		try (var server = new MockWebServer()) {
			server.start();
			return server.url("/").toString();
		}
	}

	static Map<String, String> form(String body) {
		var form = new LinkedHashMap<String, String>();
		for (var pair : body.split("&")) {
			var parts = pair.split("=", 2);
			form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
					URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
		}
		return form;
	}
}
