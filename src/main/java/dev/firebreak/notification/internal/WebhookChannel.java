package dev.firebreak.notification.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.json.JsonMapper;

import dev.firebreak.notification.ChannelType;
import dev.firebreak.notification.ContactType;
import dev.firebreak.platform.StandardWebhooks;

/**
 * Signed webhooks, per Standard Webhooks ({@link StandardWebhooks}, body {@link WebhookPayload}):
 * a person's push webhook (contact type {@code webhook}, its secret on the contact method) and a
 * webhook chat channel (channel type {@code webhook}). Any 2xx is taken; the answer kept is the
 * status and the message id the receiver saw.
 */
@Component
class WebhookChannel implements Channel, ChatSender {

	private final Clock clock;

	private final RestClient client;

	@Autowired
	WebhookChannel(WebhookProperties properties, Clock clock, ObjectProvider<RestClient.Builder> builders) {
		this(properties, clock, builders.getIfAvailable(RestClient::builder));
	}

	WebhookChannel(WebhookProperties properties, Clock clock, RestClient.Builder builder) {
		this.clock = clock;
		this.client = WebhookHttp.client(builder, properties.connectTimeout(), properties.readTimeout());
	}

	@Override
	public Set<ContactType> sendsTo() {
		return Set.of(ContactType.WEBHOOK);
	}

	@Override
	public Set<ChannelType> postsTo() {
		return Set.of(ChannelType.WEBHOOK);
	}

	@Override
	public String send(Destination to, OutboundMessage message) throws DeliveryException {
		return post(to.address(), to.secret(), message);
	}

	@Override
	public String post(ChannelType type, String url, String secret, OutboundMessage message) throws DeliveryException {
		return post(url, secret, message);
	}

	private String post(String url, String secret, OutboundMessage message) throws DeliveryException {
		var uri = WebhookHttp.webhookUrl(url);
		var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		var body = JsonMapper.shared().writeValueAsBytes(WebhookPayload.of(message, now));
		var id = "msg_" + UUID.randomUUID().toString().replace("-", "");
		var timestamp = now.getEpochSecond();
		String signature;
		try {
			signature = StandardWebhooks.sign(secret == null ? "" : secret, id, timestamp, body);
		}
		catch (IllegalArgumentException e) {
			throw new DeliveryException("the webhook's signing secret is not a whsec_<base64> secret", false, e);
		}
		var answer = WebhookHttp.exchange("the webhook",
				client.post()
					.uri(uri)
					.header(StandardWebhooks.ID, id)
					.header(StandardWebhooks.TIMESTAMP, Long.toString(timestamp))
					.header(StandardWebhooks.SIGNATURE, signature)
					.contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
					.body(body));
		if (!answer.ok()) {
			throw answer.failure("the webhook refused the message " + id
					+ (answer.body().isBlank() ? "" : ": " + answer.quoted()));
		}
		return "HTTP " + answer.status() + " " + id;
	}
}
