package dev.firebreak.notification.internal;

import static dev.firebreak.notification.internal.WebhookFixtures.PAGE;
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
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;
import tools.jackson.databind.json.JsonMapper;

/** Posts against a fake Microsoft Teams incoming webhook, answering as connectors and Workflows do. */
class TeamsWebhookSenderTests {

	private final MockWebServer teams = new MockWebServer();

	private final TeamsWebhookSender sender = new TeamsWebhookSender(
			new WebhookProperties(Duration.ofSeconds(2), Duration.ofMillis(500)), RestClient.builder());

	private String url;

	@BeforeEach
	void start() throws Exception {
		teams.start();
		url = teams.url("/webhookb2/abc@def/IncomingWebhook/123/456").toString();
	}

	@AfterEach
	void stop() {
		teams.close();
	}

	@Test
	void postsAnAdaptiveCardMessageAndTakesOne() throws Exception {
		teams.enqueue(text(200, "1"));

		var answer = sender.post(ChannelType.TEAMS_WEBHOOK, url, null, PAGE);

		assertThat(answer).isEqualTo("1");
		var request = teams.takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/webhookb2/abc@def/IncomingWebhook/123/456");
		assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json;charset=UTF-8");
		var message = JsonMapper.shared().readTree(request.getBody().utf8());
		assertThat(message.get("type").asString()).isEqualTo("message");
		assertThat(message.get("attachments")).hasSize(1);
		var attachment = message.get("attachments").get(0);
		assertThat(attachment.get("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
		var card = attachment.get("content");
		assertThat(card.get("type").asString()).isEqualTo("AdaptiveCard");
		assertThat(card.get("version").asString()).isEqualTo("1.2");
		assertThat(card.get("body").get(0).get("type").asString()).isEqualTo("TextBlock");
		assertThat(card.get("body").get(0).get("text").asString()).isEqualTo(PAGE.title());
		assertThat(card.get("body").get(0).get("weight").asString()).isEqualTo("Bolder");
		assertThat(card.get("body").get(1).get("text").asString()).isEqualTo(PAGE.text());
		assertThat(card.get("body").get(1).get("wrap").asBoolean()).isTrue();
		var actions = card.get("actions");
		assertThat(actions).hasSize(2);
		assertThat(actions.get(0).get("type").asString()).isEqualTo("Action.OpenUrl");
		assertThat(actions.get(0).get("url").asString()).isEqualTo(PAGE.link());
		assertThat(actions.get(1).get("title").asString()).isEqualTo("Acknowledge");
		assertThat(actions.get(1).get("url").asString()).isEqualTo(PAGE.acknowledgeUrl());
	}

	@Test
	void aNoticeHasNoAcknowledgeButton() throws Exception {
		teams.enqueue(text(200, "1"));

		sender.post(ChannelType.TEAMS_WEBHOOK, url, null, WebhookFixtures.NOTICE);

		var card = JsonMapper.shared().readTree(teams.takeRequest().getBody().utf8()).get("attachments").get(0)
			.get("content");
		assertThat(card.get("actions")).hasSize(1);
		assertThat(card.get("actions").get(0).get("title").asString()).isEqualTo("Open in Firebreak");
	}

	@Test
	void aWorkflowsWebhooksEmptyAcceptedIsTaken() throws Exception {
		teams.enqueue(new MockResponse(202, Headers.of(), ""));

		assertThat(sender.post(ChannelType.TEAMS_WEBHOOK, url, null, PAGE)).isEqualTo("HTTP 202");
	}

	@Test
	void throttlingReportedInTheBodyOfA200IsRetryable() {
		teams.enqueue(text(200, "Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP "
				+ "error 429 with ContextId tcid=0,server=msgapi-production-eus-azsc2-4-170,cv=deadbeef.0.."));

		assertThatThrownBy(() -> sender.post(ChannelType.TEAMS_WEBHOOK, url, null, PAGE))
			.asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> {
				assertThat(e.retryable()).isTrue();
				assertThat(e.getMessage()).contains("HTTP error 429");
			});
	}

	@Test
	void aRefusalReportedInTheBodyOfA200IsForGood() {
		teams.enqueue(text(200, "Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP "
				+ "error 413 with ContextId tcid=0"));

		assertThatThrownBy(() -> sender.post(ChannelType.TEAMS_WEBHOOK, url, null, PAGE))
			.asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> assertThat(e.retryable()).isFalse());
	}

	@Test
	void aBadRequestIsRefusedForGoodAndThrottlingOrServerErrorsAreRetryable() {
		teams.enqueue(text(400, "Summary or Text is required."));
		teams.enqueue(text(429, "Too many requests").newBuilder().addHeader("Retry-After", "10").build());
		teams.enqueue(text(502, "Bad Gateway"));

		assertThatThrownBy(() -> sender.post(ChannelType.TEAMS_WEBHOOK, url, null, PAGE))
			.asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> {
				assertThat(e.retryable()).isFalse();
				assertThat(e.getMessage()).contains("Summary or Text is required.");
			});
		assertThatThrownBy(() -> sender.post(ChannelType.TEAMS_WEBHOOK, url, null, PAGE))
			.asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> {
				assertThat(e.retryable()).isTrue();
				assertThat(e.getMessage()).contains("retry after 10 s");
			});
		assertThatThrownBy(() -> sender.post(ChannelType.TEAMS_WEBHOOK, url, null, PAGE))
			.asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> assertThat(e.retryable()).isTrue());
	}

	@Test
	void aTimeoutOrRefusedConnectionIsRetryable() throws Exception {
		teams.enqueue(WebhookFixtures.stall());
		var unreachable = WebhookFixtures.refusingUrl() + "webhookb2/x";

		assertThatThrownBy(() -> sender.post(ChannelType.TEAMS_WEBHOOK, url, null, PAGE))
			.asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> assertThat(e.getMessage()).isEqualTo("Microsoft Teams could not be reached: timed out"))
			.satisfies(e -> assertThat(e.retryable()).isTrue());
		assertThatThrownBy(() -> sender.post(ChannelType.TEAMS_WEBHOOK, unreachable, null, PAGE))
			.asInstanceOf(type(DeliveryException.class))
			.satisfies(e -> assertThat(e.retryable()).isTrue());
	}
}
