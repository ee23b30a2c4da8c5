package dev.firebreak.notification.internal;

import java.time.Instant;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The notification module's durable timer: "try to send this delivery now". One instance per
 * delivery and reason ({@code <id>}, {@code <id>:retry-2}, {@code <id>:throttle-<ms>}); a timer
 * that finds its delivery no longer queued, or not yet due, does nothing.
 */
@Configuration(proxyBeanMethods = false)
class NotificationTasks {

	static final TaskDescriptor<Send> SEND = TaskDescriptor.of("notification-send", Send.class);

	record Send(UUID deliveryId) {
	}

	@Bean
	Task<Send> notificationSend(DeliveryDispatcher dispatcher) {
		return Tasks.oneTime(SEND).execute((instance, context) -> dispatcher.run(instance.getData().deliveryId()));
	}

	/** Sets the timer in the caller's transaction, if there is one: it exists exactly when the row does. */
	static void schedule(SchedulerClient timers, UUID deliveryId, String reason, Instant at) {
		var id = reason == null ? deliveryId.toString() : deliveryId + ":" + reason;
		timers.scheduleIfNotExists(SEND.instance(id).data(new Send(deliveryId)).scheduledTo(at));
	}
}
