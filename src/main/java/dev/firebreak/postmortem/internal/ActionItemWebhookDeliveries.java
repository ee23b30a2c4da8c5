package dev.firebreak.postmortem.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import dev.firebreak.platform.Secrets;
import dev.firebreak.platform.StandardWebhooks;

/**
 * Posts each delivery to its tracker on a durable timer of its own: added in the transaction that
 * decided it, sent outside any transaction (a tracker may take its read timeout), and on a failure
 * (no 2xx) tried again after the policy's waits until given up. The {@code webhook-id} is the same
 * on every attempt, so a receiver that got a message whose answer was lost tells it is a repeat.
 */
@Component
class ActionItemWebhookDeliveries {

	static final TaskDescriptor<Attempt> ATTEMPT = TaskDescriptor.of("postmortem-action-item-webhook", Attempt.class);

	private static final Logger log = LoggerFactory.getLogger(ActionItemWebhookDeliveries.class);

	/** How much of a refusal's body the delivery keeps. */
	private static final int QUOTED = 200;

	private final ActionItemWebhookStore store;

	private final Secrets secrets;

	private final SchedulerClient timers;

	private final TransactionTemplate transaction;

	private final ActionItemPolicy policy;

	private final Clock clock;

	private final RestClient client;

	ActionItemWebhookDeliveries(ActionItemWebhookStore store, Secrets secrets, @Lazy SchedulerClient timers,
			PlatformTransactionManager transactions, ActionItemPolicy policy, Clock clock,
			ObjectProvider<RestClient.Builder> builders) {
		this.store = store;
		this.secrets = secrets;
		this.timers = timers;
		this.transaction = new TransactionTemplate(transactions);
		this.policy = policy;
		this.clock = clock;
		// HTTP/1.1 for receivers behind older proxies; no redirects: a moved endpoint is registered again
		var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(policy.webhookConnectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
		var factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(policy.webhookReadTimeout());
		this.client = builders.getIfAvailable(RestClient::builder).requestFactory(factory).build();
	}

	/** A timer's data: the delivery and which attempt this is (from 1). */
	record Attempt(UUID deliveryId, int number) {
	}

	/** Adds the delivery and sets its first attempt for now, unless this endpoint has this event already. */
	void add(UUID webhookId, String eventKey, String payload) {
		var id = UUID.randomUUID();
		if (store.addDelivery(id, webhookId, eventKey, payload, clock.instant())) {
			schedule(id, 1, clock.instant());
		}
	}

	private record Work(ActionItemWebhookStore.Delivery delivery, String url, String secret) {
	}

	void attempt(Attempt attempt) {
		var work = transaction.execute(tx -> {
			var delivery = store.delivery(attempt.deliveryId()).orElse(null);
			if (delivery == null || delivery.status() != ActionItemWebhookStore.Status.PENDING
					|| delivery.attempts() != attempt.number() - 1) {
				return null; // sent, given up, endpoint removed, or a stale timer
			}
			var endpoint = store.find(delivery.webhookId()).orElse(null);
			var secret = store.encryptedSecret(delivery.webhookId()).orElse(null);
			return endpoint == null || secret == null ? null : new Work(delivery, endpoint.url(), secrets.decrypt(secret));
		});
		if (work == null) {
			return;
		}
		var error = send(work);
		var now = clock.instant();
		transaction.executeWithoutResult(tx -> {
			if (error == null) {
				store.attempted(work.delivery().id(), ActionItemWebhookStore.Status.SENT, null, now);
				return;
			}
			var wait = policy.waitAfter(attempt.number());
			log.info("Action-item webhook delivery {} ({}) attempt {} failed: {}", work.delivery().id(),
					work.delivery().eventKey(), attempt.number(), error);
			store.attempted(work.delivery().id(), wait == null ? ActionItemWebhookStore.Status.FAILED
					: ActionItemWebhookStore.Status.PENDING,
					error + (wait == null ? "; given up after " + attempt.number() + " attempts" : ""), now);
			if (wait != null) {
				schedule(work.delivery().id(), attempt.number() + 1, now.plus(wait));
			}
		});
	}

	/** Posts it signed; null when the receiver took it (2xx), else why not. */
	private String send(Work work) {
		var messageId = "msg_" + work.delivery().id().toString().replace("-", "");
		var timestamp = clock.instant().truncatedTo(ChronoUnit.SECONDS).getEpochSecond();
		var body = work.delivery().payload().getBytes(StandardCharsets.UTF_8);
		try {
			var answer = client.post().uri(URI.create(work.url()))
				.header(StandardWebhooks.ID, messageId)
				.header(StandardWebhooks.TIMESTAMP, Long.toString(timestamp))
				.header(StandardWebhooks.SIGNATURE, StandardWebhooks.sign(work.secret(), messageId, timestamp, body))
				.header("User-Agent", "Firebreak action items")
				.contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
				.body(body)
				.exchange((request, response) -> {
					var status = response.getStatusCode().value();
					if (status >= 200 && status <= 299) {
						return null;
					}
					var quoted = new String(response.getBody().readNBytes(QUOTED), StandardCharsets.UTF_8).strip();
					return "the receiver answered HTTP " + status + (quoted.isEmpty() ? "" : ": " + quoted);
				});
			return answer;
		}
		catch (ResourceAccessException e) {
			var cause = e.getCause();
			return "the receiver could not be reached: " + (cause instanceof IOException && cause.getMessage() != null
					? cause.getClass().getSimpleName() + " " + cause.getMessage()
					: cause == null ? "I/O error" : cause.getClass().getSimpleName());
		}
		catch (IllegalArgumentException e) {
			return "the endpoint URL is not usable: " + e.getMessage();
		}
	}

	private void schedule(UUID delivery, int number, Instant at) {
		timers.scheduleIfNotExists(ATTEMPT.instance(delivery + ":" + number).data(new Attempt(delivery, number))
			.scheduledTo(at));
	}

	@Configuration(proxyBeanMethods = false)
	static class Timers {

		@Bean
		Task<Attempt> postmortemActionItemWebhook(@Lazy ActionItemWebhookDeliveries deliveries) {
			return Tasks.oneTime(ATTEMPT).execute((instance, context) -> deliveries.attempt(instance.getData()));
		}
	}
}
