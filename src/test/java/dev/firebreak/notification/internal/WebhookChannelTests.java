package dev.firebreak.notification.internal;

import static dev.firebreak.notification.internal.WebhookFixtures.NOTICE;
import static dev.firebreak.notification.internal.WebhookFixtures.PAGE;
import static dev.firebreak.notification.internal.WebhookFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import dev.firebreak.notification.ChannelType;
import dev.firebreak.notification.ContactType;
import dev.firebreak.platform.StandardWebhooks;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import tools.jackson.databind.json.JsonMapper;

/** Signed webhooks against a fake receiver that checks them as a Standard Webhooks library would. */
class WebhookChannelTests {

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private static final Instant NOW = Instant.parse("2026-11-26T13:00:00.750Z");

	private final MockWebServer receiver = new MockWebServer();

	private final WebhookChannel channel = new WebhookChannel(
			new WebhookProperties(Duration.ofSeconds(2), Duration.ofMillis(500)), Clock.fixed(NOW, ZoneOffset.UTC),
			RestClient.builder());

	private String url;

	@BeforeEach
	void start() throws Exception {
		receiver.start();
		url = receiver.url("/hooks/firebreak").toString();
	}

	@AfterEach
	void stop() {
		receiver.close();
	}

	@Test
	void aPushIsSignedPerStandardWebhooks() throws Exception {
		receiver.enqueue(text(204, ""));

		var answer = channel.send(new Destination(ContactType.WEBHOOK, url, SECRET), PAGE);

		var request = receiver.takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/hooks/firebreak");
		assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json;charset=UTF-8");
		var id = request.getHeaders().get("webhook-id");
		assertThat(id).matches("msg_[0-9a-f]{32}");
		assertThat(answer).isEqualTo("HTTP 204 " + id);
		assertThat(request.getHeaders().get("webhook-timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
		assertThat(request.getHeaders().get("webhook-signature"))
			.isEqualTo("v1," + independentHmac(id, NOW.getEpochSecond(), request.getBody().toByteArray()));
		assertThat(StandardWebhooks.verify(SECRET, id, request.getHeaders().get("webhook-timestamp"),
				request.getBody().toByteArray(), request.getHeaders().get("webhook-signature"), NOW,
				Duration.ofMinutes(5))).isTrue();
	}

	@Test
	void aPageCarriesTheDocumentedPayload() throws Exception {
		receiver.enqueue(text(200, "thanks"));

		channel.send(new Destination(ContactType.WEBHOOK, url, SECRET), PAGE);

		var payload = JsonMapper.shared().readTree(receiver.takeRequest().getBody().utf8());
		assertThat(payload.propertyNames()).containsExactly("type", "title", "text", "short_text", "link",
				"acknowledge_url", "reply_code", "timestamp", "drill");
		assertThat(payload.get("drill").asBoolean()).as("a real page, not a fire drill").isFalse();
		assertThat(payload.get("type").asString()).isEqualTo("page");
		assertThat(payload.get("title").asString()).isEqualTo(PAGE.title());
		assertThat(payload.get("text").asString()).isEqualTo(PAGE.text());
		assertThat(payload.get("short_text").asString()).isEqualTo(PAGE.shortText());
		assertThat(payload.get("link").asString()).isEqualTo(PAGE.link());
		assertThat(payload.get("acknowledge_url").asString()).isEqualTo(PAGE.acknowledgeUrl());
		assertThat(payload.get("reply_code").asString()).isEqualTo("42");
		assertThat(payload.get("timestamp").asString()).isEqualTo("2026-11-26T13:00:00Z");
	}

	@Test
	void aChatChannelsWebhookGetsANoticeSignedWithItsSecret() throws Exception {
		receiver.enqueue(text(200, ""));
		var secret = "whsec_" + Base64.getEncoder().encodeToString("another secret of 24+ bytes".getBytes(StandardCharsets.UTF_8));

		var answer = channel.post(ChannelType.WEBHOOK, url, secret, NOTICE);

		var request = receiver.takeRequest();
		assertThat(answer).startsWith("HTTP 200 msg_");
		var payload = JsonMapper.shared().readTree(request.getBody().utf8());
		assertThat(payload.get("type").asString()).isEqualTo("notice");
		assertThat(payload.get("acknowledge_url").isNull()).isTrue();
		assertThat(payload.get("reply_code").isNull()).isTrue();
		assertThat(StandardWebhooks.verify(secret, request.getHeaders().get("webhook-id"),
				request.getHeaders().get("webhook-timestamp"), request.getBody().toByteArray(),
				request.getHeaders().get("webhook-signature"), NOW, Duration.ofMinutes(5))).isTrue();
		assertThat(StandardWebhooks.verify(SECRET, request.getHeaders().get("webhook-id"),
				request.getHeaders().get("webhook-timestamp"), request.getBody().toByteArray(),
				request.getHeaders().get("webhook-signature"), NOW, Duration.ofMinutes(5))).isFalse();
	}

	@Test
	void everyAttemptHasItsOwnMessageId() throws Exception {
		receiver.enqueue(text(200, ""));
		receiver.enqueue(text(200, ""));
		var to = new Destination(ContactType.WEBHOOK, url, SECRET);

		channel.send(to, PAGE);
		channel.send(to, PAGE);

		assertThat(id(receiver.takeRequest())).isNotEqualTo(id(receiver.takeRequest()));
	}

	@Test
	void aClientErrorIsARefusalForGood() {
		receiver.enqueue(text(410, "gone"));

		assertThatThrownBy(() -> channel.send(new Destination(ContactType.WEBHOOK, url, SECRET), PAGE))
			.asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> {
				assertThat(e.retryable()).isFalse();
				assertThat(e.getMessage()).contains("HTTP 410").contains("gone");
			});
	}

	@Test
	void aRedirectIsNotFollowedAndIsARefusal() {
		receiver.enqueue(new MockResponse(301, Headers.of("Location", "https://elsewhere.example/"), ""));

		assertThatThrownBy(() -> channel.send(new Destination(ContactType.WEBHOOK, url, SECRET), PAGE))
			.asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> {
				assertThat(e.retryable()).isFalse();
				assertThat(e.getMessage()).contains("HTTP 301");
			});
		assertThat(receiver.getRequestCount()).isEqualTo(1);
	}

	@Test
	void throttlingAndServerErrorsAreRetryable() {
		receiver.enqueue(text(429, "slow down").newBuilder().addHeader("Retry-After", "120").build());
		receiver.enqueue(text(503, "maintenance"));
		var to = new Destination(ContactType.WEBHOOK, url, SECRET);

		assertThatThrownBy(() -> channel.send(to, PAGE)).asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> {
				assertThat(e.retryable()).isTrue();
				assertThat(e.getMessage()).contains("retry after 120 s");
			});
		assertThatThrownBy(() -> channel.send(to, PAGE)).asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> assertThat(e.retryable()).isTrue());
	}

	@Test
	void aTimeoutOrRefusedConnectionIsRetryable() throws Exception {
		receiver.enqueue(WebhookFixtures.stall());
		var unreachable = new Destination(ContactType.WEBHOOK, WebhookFixtures.refusingUrl() + "hooks", SECRET);

		assertThatThrownBy(() -> channel.send(new Destination(ContactType.WEBHOOK, url, SECRET), PAGE))
			.asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> {
				assertThat(e.retryable()).isTrue();
				assertThat(e.getMessage()).isEqualTo("the webhook could not be reached: timed out");
			});
		assertThatThrownBy(() -> channel.send(unreachable, PAGE)).asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> {
				assertThat(e.retryable()).isTrue();
				assertThat(e.getMessage()).isEqualTo("the webhook could not be reached: connection refused");
			});
	}

	@Test
	void aMissingOrMalformedSecretIsARefusalAndNothingIsSent() {
		for (var secret : new String[] { null, "", "whsec_", "whsec_not base64!" }) {
			assertThatThrownBy(() -> channel.send(new Destination(ContactType.WEBHOOK, url, secret), PAGE))
				.asInstanceOf(type(DeliveryException.class))
				.satisfies(e -> {
					assertThat(e.retryable()).isFalse();
					assertThat(e.getMessage()).contains("signing secret");
				});
		}
		assertThat(receiver.getRequestCount()).isZero();
	}

	@Test
	void anAddressThatIsNoHttpUrlIsRefusedForGood() {
		for (var address : new String[] { "ftp://files.example/x", "not a url", "/relative/path" }) {
			assertThatThrownBy(() -> channel.send(new Destination(ContactType.WEBHOOK, address, SECRET), PAGE))
				.asInstanceOf(type(DeliveryException.class))
				.satisfies(e -> assertThat(e.retryable()).isFalse());
		}
	}

	private static String id(RecordedRequest request) {
		return request.getHeaders().get("webhook-id");
	}

	private static String independentHmac(String id, long timestamp, byte[] body) throws Exception {
		var mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
		mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
		return Base64.getEncoder().encodeToString(mac.doFinal(body));
	}
}
