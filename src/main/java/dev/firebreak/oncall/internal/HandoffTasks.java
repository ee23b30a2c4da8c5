package dev.firebreak.oncall.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * The on-call module's recurring durable timer: the hand-off check. One execution row, shared by
 * every instance, so each check runs once across the cluster; after it, the next is due
 * {@code check-every} later.
 */
@Configuration(proxyBeanMethods = false)
class HandoffTasks {

	@Bean
	RecurringTask<Void> handoffCheckTask(HandoffCheck check, OnCallSettings settings) {
		return Tasks.recurring("oncall-handoff-check", FixedDelay.of(settings.handoff().checkEvery()))
			.execute((instance, context) -> check.run());
	}
}
