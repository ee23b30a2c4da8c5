package dev.firebreak.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import dev.firebreak.identity.Accounts;
import dev.firebreak.incident.Incidents;
import dev.firebreak.notification.ContactType;
import dev.firebreak.notification.DeliveryStatus;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.notification.NotificationDelivered;
import dev.firebreak.notification.NotificationFailed;
import dev.firebreak.platform.Secrets;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Sends what is due. Each row is claimed (queued → sending, a compare-and-set) before anything
 * goes out, so two instances never send the same row; it is marked sent with the provider's
 * answer before its timer completes. A throttled contact method's rows wait, and go out together
 * as one message when the window allows. A failure is retried with backoff; the last failure
 * fails the row and the person's next rule is sent at once.
 *
 * <p>A crash between the claim and the mark leaves the row "sending": it is not sent again. No
 * provider offers exactly-once; this errs towards at-most-once for one row, and the person's
 * later rules (and the escalation policy) still reach them.
 */
@Component
class DeliveryDispatcher {

	private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

	private final DeliveryStore store;

	private final ContactMethodStore methods;

	private final ChatChannelStore chats;

	private final ChannelDirectory directory;

	private final MessageWriter writer;

	private final NotificationSettings settings;

	private final SchedulerClient timers;

	private final TransactionOperations transactions;

	private final ApplicationEventPublisher events;

	private final Secrets secrets;

	private final Accounts accounts;

	private final Incidents incidents;

	private final Clock clock;

	/** Page asked for → handed over, per contact type ({@code null}: a chat channel). */
	private final Map<ContactType, Timer> latencies = new HashMap<>();

	private final Timer eventToPage;

	DeliveryDispatcher(DeliveryStore store, ContactMethodStore methods, ChatChannelStore chats, ChannelDirectory directory,
			MessageWriter writer, NotificationSettings settings, @Lazy SchedulerClient timers,
			TransactionOperations transactions, ApplicationEventPublisher events, Secrets secrets, Accounts accounts,
			Incidents incidents, Clock clock, MeterRegistry meters) {
		this.store = store;
		this.methods = methods;
		this.chats = chats;
		this.directory = directory;
		this.writer = writer;
		this.settings = settings;
		this.timers = timers;
		this.transactions = transactions;
		this.events = events;
		this.secrets = secrets;
		this.accounts = accounts;
		this.incidents = incidents;
		this.clock = clock;
		for (var type : ContactType.values()) {
			latencies.put(type, latency(meters, type.toString()));
		}
		latencies.put(null, latency(meters, "chat"));
		this.eventToPage = Timer.builder("firebreak.paging.latency")
			.description("From the alert event being accepted to the first page about its incident being handed to a channel")
			.publishPercentileHistogram()
			.register(meters);
	}

	/** A timer fired for this delivery. */
	void run(UUID deliveryId) {
		var row = store.find(deliveryId).orElse(null);
		var now = clock.instant();
		if (row == null || row.status() != DeliveryStatus.QUEUED || row.dueAt().isAfter(now)) {
			return;
		}
		if (row.toPerson()) {
			sendToPerson(row, now);
		}
		else {
			postToChannel(row, now);
		}
	}

	private void sendToPerson(DeliveryRow row, Instant now) {
		var rules = settings.throttles(row.contactType());
		var sent = store.messagesSince(row.contactType(), row.address(), now.minus(Throttles.longestWindow(rules)));
		var allowed = Throttles.nextAllowed(rules, sent, now);
		if (allowed.isAfter(now)) {
			transactions.executeWithoutResult(tx -> {
				store.reschedule(row.id(), allowed);
				NotificationTasks.schedule(timers, row.id(), "throttle-" + allowed.toEpochMilli(), allowed);
			});
			return;
		}
		var claimed = new ArrayList<DeliveryRow>();
		for (var due : store.dueFor(row.contactType(), row.address(), now)) {
			if (store.claim(due.id())) {
				claimed.add(due);
			}
		}
		if (claimed.isEmpty()) {
			return;
		}
		var channel = directory.channel(row.contactType());
		if (channel.isEmpty()) {
			claimed.forEach(r -> failed(r, ChannelDirectory.noChannel(r.contactType()), false));
			return;
		}
		var message = claimed.size() == 1 ? writer.write(claimed.get(0)) : writer.bundle(claimed);
		var destination = new Destination(row.contactType(), row.address(), secretOf(row));
		handOver(claimed, () -> channel.get().send(destination, message));
	}

	private void postToChannel(DeliveryRow row, Instant now) {
		if (!store.claim(row.id())) {
			return;
		}
		var channel = chats.find(row.channelId()).orElse(null);
		if (channel == null) {
			failed(row, "The channel was deleted before this could be posted", false);
			return;
		}
		var sender = directory.sender(channel.type());
		if (sender.isEmpty()) {
			failed(row, ChannelDirectory.noSender(channel.type()), false);
			return;
		}
		var message = writer.write(row);
		var secret = channel.secret() == null ? null : secrets.decrypt(channel.secret());
		handOver(List.of(row), () -> sender.get().post(channel.type(), secrets.decrypt(channel.url()), secret, message));
	}

	private void handOver(List<DeliveryRow> claimed, Send send) {
		var handedOverAt = clock.instant();
		eventToPage(claimed, handedOverAt);
		claimed.stream().filter(row -> row.kind() == DeliveryRow.Kind.PAGE)
			.forEach(row -> latencies.get(row.contactType()).record(Duration.between(row.createdAt(), handedOverAt)));
		String answer;
		try {
			answer = send.send();
		}
		catch (DeliveryException e) {
			claimed.forEach(row -> failed(row, e.getMessage(), e.retryable()));
			return;
		}
		catch (RuntimeException e) {
			log.warn("Sending deliveries {} failed unexpectedly", claimed.stream().map(DeliveryRow::id).toList(), e);
			claimed.forEach(row -> failed(row, "Unexpected failure: " + e.getMessage(), true));
			return;
		}
		var messageId = UUID.randomUUID();
		var sentAt = clock.instant();
		var ids = claimed.stream().map(DeliveryRow::id).toList();
		transactions.executeWithoutResult(tx -> {
			store.sent(ids, answer, messageId, sentAt);
			for (var row : claimed) {
				events.publishEvent(new NotificationDelivered(row.id(), row.key(), row.incidentNumber(), row.accountId(),
						row.contactType(), row.createdAt(), sentAt));
			}
		});
		claimed.stream().filter(row -> row.kind() == DeliveryRow.Kind.PAGE && row.incidentNumber() != null)
			.forEach(this::onTimeline);
	}

	/**
	 * A failed attempt: tried again after the backoff while attempts remain and the provider may
	 * recover; otherwise the row has failed, and a page falls through to the person's next rule.
	 */
	void failed(DeliveryRow row, String reason, boolean retryable) {
		var now = clock.instant();
		var attempts = row.attempts() + 1;
		transactions.executeWithoutResult(tx -> {
			if (retryable && attempts < settings.retry().attempts()) {
				var due = now.plus(settings.backoff(attempts));
				store.requeue(row.id(), due, "attempt " + attempts + " failed: " + reason);
				NotificationTasks.schedule(timers, row.id(), "retry-" + attempts, due);
				return;
			}
			if (!store.failed(row.id(), DeliveryStatus.SENDING, reason)) {
				return;
			}
			events.publishEvent(new NotificationFailed(row.id(), row.key(), row.incidentNumber(), row.accountId(),
					row.contactType(), reason, now));
			fallThrough(row, now);
		});
	}

	/** A provider reported later that a message it took did not arrive. */
	boolean failedAfterSending(DeliveryRow row, String reason) {
		var now = clock.instant();
		return Boolean.TRUE.equals(transactions.execute(tx -> {
			if (!store.undelivered(row.id(), reason)) {
				return false;
			}
			events.publishEvent(new NotificationFailed(row.id(), row.key(), row.incidentNumber(), row.accountId(),
					row.contactType(), reason, now));
			fallThrough(row, now);
			return true;
		}));
	}

	private void fallThrough(DeliveryRow row, Instant now) {
		if (row.kind() != DeliveryRow.Kind.PAGE || row.pageKey() == null) {
			return;
		}
		store.nextQueuedStep(row.pageKey(), row.step()).filter(next -> next.dueAt().isAfter(now)).ifPresent(next -> {
			store.reschedule(next.id(), now);
			NotificationTasks.schedule(timers, next.id(), "fall-through", now);
		});
	}

	private String secretOf(DeliveryRow row) {
		if (row.contactType() != ContactType.WEBHOOK || row.contactMethodId() == null) {
			return null;
		}
		return methods.find(row.contactMethodId()).map(ContactMethod::secret).map(secrets::decrypt).orElse(null);
	}

	private void onTimeline(DeliveryRow row) {
		try {
			var who = accounts.find(row.accountId()).map(account -> account.displayName()).orElse("a removed account");
			incidents.recordPaging(row.incidentNumber(), "Paged " + who + " by " + row.contactType().toString().replace('_', ' ')
					+ " (" + Addresses.mask(row.contactType(), row.address()) + ")" + (row.reason() == null ? "" : ": " + row.reason()));
		}
		catch (RuntimeException e) {
			// the page went out; a timeline that cannot take the line must not make it look unsent
			log.warn("Could not write the page {} on the timeline of INC-{}", row.id(), row.incidentNumber(), e);
		}
	}

	/**
	 * The number that matters to the person woken up: from the monitoring event being accepted
	 * (the detection time of an incident an alert opened) to the first page about it being handed to
	 * a channel. Incidents declared by people are left out: their detection time is a person's estimate.
	 */
	private void eventToPage(List<DeliveryRow> claimed, Instant handedOverAt) {
		claimed.stream().filter(row -> row.kind() == DeliveryRow.Kind.PAGE && row.incidentNumber() != null)
			.map(DeliveryRow::incidentNumber).distinct()
			.filter(number -> !store.anyPageSent(number))
			.forEach(number -> incidents.find(number)
				.filter(incident -> incident.source() == IncidentSource.ALERT)
				.ifPresent(incident -> eventToPage.record(Duration.between(incident.milestones().detectedAt(), handedOverAt))));
	}

	private static Timer latency(MeterRegistry meters, String contactType) {
		return Timer.builder("firebreak.notification.latency")
			.description("From the page being asked for to its hand-over to the channel")
			.tag("contact_type", contactType)
			.publishPercentileHistogram()
			.register(meters);
	}

	@FunctionalInterface
	private interface Send {

		String send() throws DeliveryException;
	}
}
