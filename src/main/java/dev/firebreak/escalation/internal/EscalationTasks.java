package dev.firebreak.escalation.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/** The escalation's durable timer: a level's delay ran out. Instance ids are {@code <escalation>:c<cycle>:l<level>}. */
@Configuration(proxyBeanMethods = false)
class EscalationTasks {

	static final TaskDescriptor<EscalationEngine.LevelDue> LEVEL_DUE = TaskDescriptor.of("escalation-level-due",
			EscalationEngine.LevelDue.class);

	@Bean
	Task<EscalationEngine.LevelDue> escalationLevelDue(@Lazy EscalationEngine engine) {
		return Tasks.oneTime(LEVEL_DUE).execute((instance, context) -> engine.levelDue(instance.getData()));
	}
}
