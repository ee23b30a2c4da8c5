package dev.firebreak.postmortem.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import dev.firebreak.notification.Notice;
import dev.firebreak.notification.Notifications;
import dev.firebreak.postmortem.ActionItem;
import dev.firebreak.platform.Text;

/**
 * Reminds an action item's owner {@code remind-before} ahead of the due day (its start, UTC) and
 * again when it is overdue (the start of the next day), on durable timers set with the item. A
 * timer checks the item when it fires: done, or due on another day since (its own timer was set
 * then), it stays silent. A notice goes out once per item, due day, kind and owner.
 */
@Component
class ActionItemReminders {

	static final TaskDescriptor<Reminder> REMINDER = TaskDescriptor.of("postmortem-action-item-reminder", Reminder.class);

	private final ActionItemStore store;

	private final Notifications notifications;

	private final SchedulerClient timers;

	private final ActionItemPolicy policy;

	private final Clock clock;

	private final String baseUrl;

	ActionItemReminders(ActionItemStore store, Notifications notifications, @Lazy SchedulerClient timers,
			ActionItemPolicy policy, Clock clock, @Value("${firebreak.base-url}") String baseUrl) {
		this.store = store;
		this.notifications = notifications;
		this.timers = timers;
		this.policy = policy;
		this.clock = clock;
		this.baseUrl = Text.withoutTrailingSlash(baseUrl);
	}

	enum Kind {
		DUE, OVERDUE
	}

	/** A timer's data: which item, for which due day. */
	record Reminder(UUID itemId, LocalDate dueOn, Kind kind) {
	}

	/** Sets both timers for the item's due day; call in the transaction that set it. */
	void schedule(ActionItem item) {
		if (!item.isOpen()) {
			return;
		}
		var dayStarts = item.dueOn().atStartOfDay(ZoneOffset.UTC).toInstant();
		set(new Reminder(item.id(), item.dueOn(), Kind.DUE), dayStarts.minus(policy.remindBefore()));
		set(new Reminder(item.id(), item.dueOn(), Kind.OVERDUE), item.dueOn().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
	}

	private void set(Reminder reminder, java.time.Instant at) {
		var id = reminder.itemId() + ":" + reminder.kind().name().toLowerCase(Locale.ROOT) + ":" + reminder.dueOn();
		timers.scheduleIfNotExists(REMINDER.instance(id).data(reminder).scheduledTo(at));
	}

	void fire(Reminder reminder) {
		var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		var item = store.find(reminder.itemId(), today).orElse(null);
		if (item == null || !item.isOpen() || !item.dueOn().equals(reminder.dueOn())) {
			return;
		}
		var overdue = reminder.kind() == Kind.OVERDUE;
		var title = "[" + item.incident() + "] " + (overdue ? "Overdue action item (due " + item.dueOn() + "): "
				: "Action item due on " + item.dueOn() + ": ") + item.title();
		var text = (overdue ? "This action item was due on " + item.dueOn() + " and is still open."
				: "This action item is due on " + item.dueOn() + ".") + " Priority " + item.priority() + ". Done when: "
				+ item.definitionOfDone() + ". Mark it done with its evidence, or move its due day, on " + item.incident()
				+ ".";
		notifications.tell(item.ownerId(), new Notice("action-item:" + item.id() + ":" + item.dueOn() + ":"
				+ reminder.kind().name().toLowerCase(Locale.ROOT), title, text, baseUrl + "/action-items"));
	}

	@Configuration(proxyBeanMethods = false)
	static class Timers {

		@Bean
		Task<Reminder> postmortemActionItemReminder(@Lazy ActionItemReminders reminders) {
			return Tasks.oneTime(REMINDER).execute((instance, context) -> reminders.fire(instance.getData()));
		}
	}
}
