package dev.firebreak.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import dev.firebreak.catalog.Runbook;
import dev.firebreak.identity.Account;
import dev.firebreak.identity.Accounts;
import dev.firebreak.notification.ChatChannel;
import dev.firebreak.notification.ContactType;
import dev.firebreak.notification.Delivery;
import dev.firebreak.notification.DeliveryStatus;
import dev.firebreak.notification.Notice;
import dev.firebreak.notification.Notifications;
import dev.firebreak.notification.PageRecord;
import dev.firebreak.notification.PageRequest;
import dev.firebreak.notification.Subject;
import dev.firebreak.notification.Urgency;

/**
 * The public face at work: a page becomes one queued row per rule of the person (their own
 * minutes after the page), each with a durable timer; a stop cancels what has not gone out.
 */
@Component
class NotificationService implements Notifications {

	static final String FALLBACK_NOTE = "no verified contact method with a rule for this urgency: sent to the account's e-mail";

	private final DeliveryStore deliveries;

	private final ContactMethodStore methods;

	private final ChatChannelStore chats;

	private final Accounts accounts;

	private final SchedulerClient timers;

	private final PageRunbooks runbooks;

	private final Clock clock;

	NotificationService(DeliveryStore deliveries, ContactMethodStore methods, ChatChannelStore chats, Accounts accounts,
			@Lazy SchedulerClient timers, PageRunbooks runbooks, Clock clock) {
		this.runbooks = runbooks;
		this.deliveries = deliveries;
		this.methods = methods;
		this.chats = chats;
		this.accounts = accounts;
		this.timers = timers;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void page(PageRequest page) {
		Objects.requireNonNull(page.key(), "a page needs a key");
		Objects.requireNonNull(page.accountId(), "a page needs a person");
		Objects.requireNonNull(page.urgency(), "a page needs an urgency");
		Objects.requireNonNull(page.subject(), "a page needs a subject");
		var account = accounts.find(page.accountId())
			.orElseThrow(() -> new IllegalArgumentException("No account " + page.accountId() + " to page"));
		var now = clock.instant();
		var runbook = runbooks.of(page.subject()).map(Runbook::id).orElse(null);
		if (!deliveries.insertPage(page, now, runbook)) {
			return;
		}
		var byId = new HashMap<UUID, ContactMethod>();
		methods.of(account.id()).stream().filter(ContactMethod::verified).forEach(m -> byId.put(m.id(), m));
		var rules = methods.rules(account.id()).stream()
			.filter(rule -> rule.urgency() == page.urgency() && byId.containsKey(rule.contactMethodId()))
			.toList();
		if (rules.isEmpty()) {
			queue(page, 0, page.key() + "/account-email", null, ContactType.EMAIL, account.email(), Duration.ZERO,
					FALLBACK_NOTE);
			return;
		}
		var step = 0;
		for (var rule : rules) {
			var method = byId.get(rule.contactMethodId());
			var repeated = rules.stream().filter(r -> r.contactMethodId().equals(method.id())).count() > 1;
			var key = page.key() + "/" + method.id() + (repeated ? "@" + rule.delayMinutes() + "m" : "");
			queue(page, step++, key, method.id(), method.type(), method.address(),
					Duration.ofMinutes(rule.delayMinutes()), null);
		}
	}

	private void queue(PageRequest page, int step, String key, UUID methodId, ContactType type, String address,
			Duration delay, String note) {
		var now = clock.instant();
		var subject = page.subject();
		var row = new DeliveryRow(UUID.randomUUID(), key, DeliveryRow.Kind.PAGE, page.key(), step, subject.incidentNumber(),
				subject.alertId(), page.accountId(), null, methodId, type, address, null, null, null, page.reason(), note,
				DeliveryStatus.QUEUED, 0, null, null, now.plus(delay), now, null, null);
		if (deliveries.insert(row)) {
			NotificationTasks.schedule(timers, row.id(), null, row.dueAt());
		}
	}

	@Override
	@Transactional
	public void stop(Subject subject) {
		deliveries.cancel(subject.key(), clock.instant());
	}

	@Override
	@Transactional
	public void tell(UUID accountId, Notice notice) {
		Objects.requireNonNull(notice.key(), "a notice needs a key");
		var account = accounts.find(accountId)
			.orElseThrow(() -> new IllegalArgumentException("No account " + accountId + " to tell"));
		var verified = new HashMap<UUID, ContactMethod>();
		methods.of(accountId).stream().filter(ContactMethod::verified).forEach(m -> verified.put(m.id(), m));
		var first = methods.rules(accountId).stream()
			.filter(rule -> rule.urgency() == Urgency.HIGH && verified.containsKey(rule.contactMethodId()))
			.findFirst().map(rule -> verified.get(rule.contactMethodId()));
		var now = clock.instant();
		var row = new DeliveryRow(UUID.randomUUID(), "notice:" + notice.key() + "/" + accountId, DeliveryRow.Kind.NOTICE,
				null, 0, null, null, accountId, null, first.map(ContactMethod::id).orElse(null),
				first.map(ContactMethod::type).orElse(ContactType.EMAIL),
				first.map(ContactMethod::address).orElse(account.email()), notice.title(), notice.text(), notice.link(),
				null, first.isPresent() ? null : "no verified contact method with a high-urgency rule: sent to the account's e-mail",
				DeliveryStatus.QUEUED, 0, null, null, now, now, null, null);
		if (deliveries.insert(row)) {
			NotificationTasks.schedule(timers, row.id(), null, now);
		}
	}

	@Override
	@Transactional
	public void announce(UUID channelId, Notice notice) {
		Objects.requireNonNull(notice.key(), "a notice needs a key");
		var channel = chats.find(channelId)
			.orElseThrow(() -> new IllegalArgumentException("No chat channel " + channelId));
		var now = clock.instant();
		var row = new DeliveryRow(UUID.randomUUID(), "announce:" + notice.key() + "/" + channelId,
				DeliveryRow.Kind.ANNOUNCEMENT, null, 0, null, null, null, channelId, null, null, channel.urlHost(),
				notice.title(), notice.text(), notice.link(), null, "to " + channel.type() + " channel " + channel.name(),
				DeliveryStatus.QUEUED, 0, null, null, now, now, null, null);
		if (deliveries.insert(row)) {
			NotificationTasks.schedule(timers, row.id(), null, now);
		}
	}

	@Override
	public List<ChatChannel> channels() {
		return chats.all().stream().map(c -> new ChatChannel(c.id(), c.name(), c.type())).toList();
	}

	@Override
	public List<Delivery> deliveries(Subject subject) {
		return deliveries.bySubject(subject.key()).stream().map(DeliveryRow::delivery).toList();
	}

	@Override
	public List<PageRecord> pages(Instant from, Instant to) {
		return deliveries.pages(from, to);
	}

	static String name(Account account) {
		return account == null ? "a removed account" : account.displayName();
	}
}
