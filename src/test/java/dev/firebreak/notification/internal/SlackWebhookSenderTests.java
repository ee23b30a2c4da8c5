package dev.firebreak.notification.internal;

import static dev.firebreak.notification.internal.WebhookFixtures.NOTICE;
import static dev.firebreak.notification.internal.WebhookFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import dev.firebreak.notification.ChannelType;
import mockwebserver3.MockWebServer;
import tools.jackson.databind.json.JsonMapper;

/** Posts against a fake Slack incoming webhook, answering with Slack's plain-text codes. */
class SlackWebhookSenderTests {

	private final MockWebServer slack = new MockWebServer();

	private final SlackWebhookSender sender = new SlackWebhookSender(
			new SlackProperties("https://slack.example/api", "", Duration.ofSeconds(2), Duration.ofMillis(500)),
			RestClient.builder());

	private String url;

	@BeforeEach
	void start() throws Exception {
		slack.start();
		url = slack.url("/services/T000/B000/XXXX").toString();
	}

	@AfterEach
	void stop() {
		slack.close();
	}

	@Test
	void postsTextAndBlocksAndTakesOk() throws Exception {
		slack.enqueue(text(200, "ok"));

		var answer = sender.post(ChannelType.SLACK_WEBHOOK, url, null, NOTICE);

		assertThat(answer).isEqualTo("ok");
		var request = slack.takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/services/T000/B000/XXXX");
		assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json;charset=UTF-8");
		assertThat(request.getHeaders().get("Authorization")).isNull();
		var body = JsonMapper.shared().readTree(request.getBody().utf8());
		assertThat(body.propertyNames()).containsExactly("text", "blocks");
		assertThat(body.get("text").asString()).isEqualTo(NOTICE.title());
		assertThat(body.get("blocks").get(0).get("text").get("text").asString())
			.isEqualTo("*" + NOTICE.title() + "*\n" + NOTICE.text());
		assertThat(body.get("blocks").get(1).get("elements").get(0).get("text").asString())
			.isEqualTo("<https://firebreak.example/schedules/payments|Open in Firebreak>");
	}

	@Test
	void slacksErrorCodesAreRefusalsForGood() {
		for (var answer : new Object[][] { { 400, "invalid_payload" }, { 400, "no_text" }, { 404, "channel_not_found" },
				{ 404, "no_service" }, { 403, "action_prohibited" }, { 410, "channel_is_archived" } }) {
			slack.enqueue(text((int) answer[0], (String) answer[1]));

			assertThatThrownBy(() -> sender.post(ChannelType.SLACK_WEBHOOK, url, null, NOTICE))
				.asInstanceOf(type(DeliveryException.class))
				.satisfies(e -> {
					assertThat(e.retryable()).isFalse();
					assertThat(e.getMessage()).contains((String) answer[1]).contains("HTTP " + answer[0]);
				});
		}
	}

	@Test
	void throttlingAndServerErrorsAreRetryable() {
		slack.enqueue(text(429, "rate_limited").newBuilder().addHeader("Retry-After", "60").build());
		slack.enqueue(text(500, "rollup_error"));

		assertThatThrownBy(() -> sender.post(ChannelType.SLACK_WEBHOOK, url, null, NOTICE))
			.asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> {
				assertThat(e.retryable()).isTrue();
				assertThat(e.getMessage()).contains("retry after 60 s");
			});
		assertThatThrownBy(() -> sender.post(ChannelType.SLACK_WEBHOOK, url, null, NOTICE))
			.asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> assertThat(e.retryable()).isTrue());
	}

	@Test
	void aTimeoutIsRetryableAndTheMessageDoesNotQuoteTheSecretUrl() {
		slack.enqueue(WebhookFixtures.stall());

		assertThatThrownBy(() -> sender.post(ChannelType.SLACK_WEBHOOK, url, null, NOTICE))
			.asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> {
				assertThat(e.retryable()).isTrue();
				assertThat(e.getMessage()).doesNotContain("XXXX");
			});
	}

	@Test
	void aRefusedConnectionIsRetryable() throws Exception {
		var unreachable = WebhookFixtures.refusingUrl() + "services/T000/B000/XXXX";

		assertThatThrownBy(() -> sender.post(ChannelType.SLACK_WEBHOOK, unreachable, null, NOTICE))
			.asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> {
				assertThat(e.retryable()).isTrue();
				assertThat(e.getMessage()).doesNotContain("XXXX");
			});
	}

	@Test
	void anAddressThatIsNoHttpUrlIsRefusedForGood() {
		assertThatThrownBy(() -> sender.post(ChannelType.SLACK_WEBHOOK, "hooks.slack.example/services/x", null, NOTICE))
			.asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> assertThat(e.retryable()).isFalse());
		assertThat(slack.getRequestCount()).isZero();
	}
}
