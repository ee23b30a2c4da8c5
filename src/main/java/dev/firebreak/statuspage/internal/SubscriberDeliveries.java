package dev.firebreak.statuspage.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import dev.firebreak.platform.Secrets;

/**
 * Sends what subscribers are told, each delivery on a durable timer of its own: added in the
 * transaction that decided it (at most once per subscriber and topic), sent outside any
 * transaction (a webhook may take its 30 s), and on failure tried again after the policy's waits
 * until given up. A crash between sending and recording may send one twice; receivers tell by the
 * {@code webhook-id}, which is the same on every attempt.
 */
@Component
class SubscriberDeliveries {

	static final TaskDescriptor<Attempt> ATTEMPT = TaskDescriptor.of("statuspage-subscriber-delivery", Attempt.class);

	private static final Logger log = LoggerFactory.getLogger(SubscriberDeliveries.class);

	private final SubscriberStore store;

	private final StatusPageStore page;

	private final SubscriberMail mail;

	private final SubscriberWebhooks webhooks;

	private final SubscriberLinks links;

	private final Secrets secrets;

	private final SchedulerClient timers;

	private final TransactionTemplate transaction;

	private final SubscriberPolicy policy;

	private final Clock clock;

	SubscriberDeliveries(SubscriberStore store, StatusPageStore page, SubscriberMail mail, SubscriberWebhooks webhooks,
			SubscriberLinks links, Secrets secrets, @Lazy SchedulerClient timers, PlatformTransactionManager transactions,
			SubscriberPolicy policy, Clock clock) {
		this.store = store;
		this.page = page;
		this.mail = mail;
		this.webhooks = webhooks;
		this.links = links;
		this.secrets = secrets;
		this.timers = timers;
		this.transaction = new TransactionTemplate(transactions);
		this.policy = policy;
		this.clock = clock;
	}

	/** A timer's data: the delivery and which attempt this is (from 1). */
	record Attempt(UUID deliveryId, int number) {
	}

	/** Adds the delivery and sets its first attempt for now, unless told already; call in a transaction. */
	boolean add(Delivery delivery) {
		if (!store.addDelivery(delivery)) {
			return false;
		}
		schedule(delivery.id(), 1, clock.instant());
		return true;
	}

	/** What an attempt needs, read in one short transaction. */
	private record Work(Delivery delivery, Subscriber subscriber, String secret, PageSettings page) {
	}

	void attempt(Attempt attempt) {
		var work = transaction.execute(tx -> {
			var delivery = store.delivery(attempt.deliveryId()).orElse(null);
			if (delivery == null || delivery.status() != Delivery.Status.PENDING
					|| delivery.attempts() != attempt.number() - 1) {
				return null; // sent, given up, unsubscribed meanwhile, or a stale timer
			}
			var subscriber = store.get(delivery.subscriberId()).orElse(null);
			if (subscriber == null) {
				return null;
			}
			if (delivery.kind() == Delivery.Kind.CONFIRMATION && (subscriber.pending() == null
					|| !delivery.topic().equals("confirm:" + subscriber.pending().nonce()))) {
				store.drop(delivery.id(), "a newer request, or the confirmation itself, replaced it", clock.instant());
				return null;
			}
			var encrypted = subscriber.kind() == Subscriber.Kind.WEBHOOK ? store.encryptedSecret(subscriber.id()) : null;
			return new Work(delivery, subscriber, encrypted == null ? null : secrets.decrypt(encrypted), page.settings());
		});
		if (work == null) {
			return;
		}
		String error = null;
		try {
			send(work);
		}
		catch (SubscriberWebhooks.Refused e) {
			error = e.getMessage();
		}
		catch (MailException | IllegalStateException e) {
			error = "the mail did not go out: " + e.getMessage();
		}
		var failure = error;
		transaction.executeWithoutResult(tx -> recorded(work.delivery(), attempt.number(), failure));
	}

	private void send(Work work) throws SubscriberWebhooks.Refused {
		var delivery = work.delivery();
		var subscriber = work.subscriber();
		if (delivery.kind() == Delivery.Kind.CONFIRMATION) {
			var pending = subscriber.pending();
			var names = page.components().stream().filter(c -> pending.componentIds().contains(c.id()))
				.map(PageComponent::name).toList();
			mail.sendConfirmation(work.page(), subscriber.email(), names,
					links.confirmUrl(subscriber.id(), pending.nonce()), pending.expiresAt());
		}
		else if (subscriber.kind() == Subscriber.Kind.EMAIL) {
			mail.send(subscriber.email(), delivery.subject(), delivery.payload(), links.unsubscribeUrl(subscriber.id()));
		}
		else {
			webhooks.post(subscriber.endpointUrl(), work.secret(), "msg_" + delivery.id().toString().replace("-", ""),
					delivery.payload().getBytes(StandardCharsets.UTF_8));
		}
	}

	private void recorded(Delivery delivery, int number, String error) {
		var now = clock.instant();
		if (error == null) {
			store.attempted(delivery.id(), Delivery.Status.SENT, null, now);
			return;
		}
		var wait = policy.waitAfter(number);
		log.info("Status page delivery {} ({}) attempt {} failed: {}", delivery.id(), delivery.topic(), number, error);
		store.attempted(delivery.id(), wait == null ? Delivery.Status.FAILED : Delivery.Status.PENDING,
				error + (wait == null ? "; given up after " + number + " attempts" : ""), now);
		if (wait != null) {
			schedule(delivery.id(), number + 1, now.plus(wait));
		}
	}

	private void schedule(UUID delivery, int number, Instant at) {
		timers.scheduleIfNotExists(ATTEMPT.instance(delivery + ":" + number).data(new Attempt(delivery, number))
			.scheduledTo(at));
	}

	/** Every delivery of a subscriber, newest first. */
	List<Delivery> of(UUID subscriber) {
		return store.deliveriesOf(subscriber);
	}

	@Configuration(proxyBeanMethods = false)
	static class Timers {

		@Bean
		Task<Attempt> statuspageSubscriberDelivery(@Lazy SubscriberDeliveries deliveries) {
			return Tasks.oneTime(ATTEMPT).execute((instance, context) -> deliveries.attempt(instance.getData()));
		}
	}
}
