package dev.firebreak.notification.internal;

import static dev.firebreak.notification.internal.WebhookFixtures.PAGE;
import static dev.firebreak.notification.internal.WebhookFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import dev.firebreak.notification.ContactType;
import mockwebserver3.MockWebServer;
import tools.jackson.databind.json.JsonMapper;

/** Direct messages against a fake of Slack's Web API, answering as chat.postMessage documents. */
class SlackDirectMessagesTests {

	private static final Destination ALICE = new Destination(ContactType.SLACK_DM, "U024BE7LH", null);

	private final MockWebServer slack = new MockWebServer();

	private SlackDirectMessages channel;

	@BeforeEach
	void start() throws Exception {
		slack.start();
		channel = channel(slack.url("/api").toString(), "xoxb-bot-token");
	}

	@AfterEach
	void stop() {
		slack.close();
	}

	private static SlackDirectMessages channel(String apiBaseUrl, String token) {
		return new SlackDirectMessages(
				new SlackProperties(apiBaseUrl, token, Duration.ofSeconds(2), Duration.ofMillis(500)), RestClient.builder());
	}

	@Test
	void postsTheMessageToThePersonWithTheBotTokenAndKeepsItsTs() throws Exception {
		slack.enqueue(json(200, "{\"ok\": true, \"channel\": \"D024BE91L\", \"ts\": \"1503435956.000247\"}"));

		var answer = channel.send(ALICE, PAGE);

		assertThat(answer).isEqualTo("1503435956.000247");
		var request = slack.takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/api/chat.postMessage");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer xoxb-bot-token");
		assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json;charset=UTF-8");
		var body = JsonMapper.shared().readTree(request.getBody().utf8());
		assertThat(body.propertyNames()).containsExactly("channel", "text", "blocks");
		assertThat(body.get("channel").asString()).isEqualTo("U024BE7LH");
		assertThat(body.get("text").asString()).isEqualTo(PAGE.title());
		var section = body.get("blocks").get(0);
		assertThat(section.get("type").asString()).isEqualTo("section");
		assertThat(section.get("text").get("type").asString()).isEqualTo("mrkdwn");
		assertThat(section.get("text").get("text").asString()).isEqualTo("*" + PAGE.title() + "*\n" + PAGE.text());
		var links = body.get("blocks").get(1);
		assertThat(links.get("type").asString()).isEqualTo("context");
		assertThat(links.get("elements").get(0).get("text").asString())
			.isEqualTo("<https://firebreak.example/incidents/INC-42|Open in Firebreak>");
		assertThat(links.get("elements").get(1).get("text").asString())
			.isEqualTo("<https://firebreak.example/notifications/ack/tok-42|Acknowledge>");
	}

	@Test
	void markupInTheMessageIsEscapedAsSlackAsks() throws Exception {
		slack.enqueue(json(200, "{\"ok\": true, \"ts\": \"1.2\"}"));
		var message = new OutboundMessage("<!channel> & co", "a < b > c", "s", "https://l", null, null);

		channel.send(ALICE, message);

		var body = JsonMapper.shared().readTree(slack.takeRequest().getBody().utf8());
		assertThat(body.get("text").asString()).isEqualTo("&lt;!channel&gt; &amp; co");
		assertThat(body.get("blocks").get(0).get("text").get("text").asString())
			.isEqualTo("*&lt;!channel&gt; &amp; co*\na &lt; b &gt; c");
		assertThat(body.get("blocks").get(1).get("elements")).hasSize(1);
	}

	@Test
	void anUnknownUserIsRefusedForGood() {
		slack.enqueue(json(200, "{\"ok\": false, \"error\": \"channel_not_found\"}"));

		assertThatThrownBy(() -> channel.send(ALICE, PAGE)).asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> {
				assertThat(e.retryable()).isFalse();
				assertThat(e.getMessage()).contains("U024BE7LH").contains("channel_not_found");
			});
	}

	@Test
	void aRevokedTokenIsRefusedForGood() {
		slack.enqueue(json(200, "{\"ok\": false, \"error\": \"invalid_auth\"}"));

		assertThatThrownBy(() -> channel.send(ALICE, PAGE)).asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> assertThat(e.retryable()).isFalse());
	}

	@Test
	void rateLimitingIsRetryableAndSaysWhen() {
		slack.enqueue(json(429, "{\"ok\": false, \"error\": \"ratelimited\"}").newBuilder()
			.addHeader("Retry-After", "30").build());

		assertThatThrownBy(() -> channel.send(ALICE, PAGE)).asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> {
				assertThat(e.retryable()).isTrue();
				assertThat(e.getMessage()).contains("ratelimited").contains("retry after 30 s");
			});
	}

	@Test
	void aRateLimitErrorInAnOkAnswerIsRetryableToo() {
		slack.enqueue(json(200, "{\"ok\": false, \"error\": \"ratelimited\"}").newBuilder()
			.addHeader("Retry-After", "5").build());

		assertThatThrownBy(() -> channel.send(ALICE, PAGE)).asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> {
				assertThat(e.retryable()).isTrue();
				assertThat(e.getMessage()).endsWith("ratelimited; retry after 5 s");
			});
	}

	@Test
	void aServerErrorIsRetryable() {
		slack.enqueue(WebhookFixtures.text(503, "upstream connect error"));

		assertThatThrownBy(() -> channel.send(ALICE, PAGE)).asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> assertThat(e.retryable()).isTrue());
	}

	@Test
	void aTimeoutIsRetryable() {
		slack.enqueue(WebhookFixtures.stall());

		assertThatThrownBy(() -> channel.send(ALICE, PAGE)).asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> {
				assertThat(e.retryable()).isTrue();
				assertThat(e.getMessage()).isEqualTo("Slack could not be reached: timed out");
			});
	}

	@Test
	void aRefusedConnectionIsRetryable() throws Exception {
		var unreachable = channel(WebhookFixtures.refusingUrl() + "api", "xoxb-bot-token");

		assertThatThrownBy(() -> unreachable.send(ALICE, PAGE)).asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> {
				assertThat(e.retryable()).isTrue();
				assertThat(e.getMessage()).isEqualTo("Slack could not be reached: connection refused");
			});
	}

	@Test
	void withoutABotTokenNothingIsSentAndTheMessageSaysWhatToSet() {
		var unset = channel(slack.url("/api").toString(), " ");

		assertThatThrownBy(() -> unset.send(ALICE, PAGE)).asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> {
				assertThat(e.retryable()).isFalse();
				assertThat(e.getMessage()).contains("firebreak.notification.slack.bot-token");
			});
		assertThat(slack.getRequestCount()).isZero();
	}
}
