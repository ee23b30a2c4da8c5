package dev.firebreak.platform;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;

import tools.jackson.databind.json.JsonMapper;

/**
 * Durable timers: db-scheduler, shared by every instance through the {@code scheduled_tasks} table,
 * so a timer set by one instance fires once, on whichever instance is alive when it is due.
 * Capabilities declare their {@link Task}s as beans and schedule through an injected
 * {@code @Lazy SchedulerClient} (lazy, because a task's handler usually needs the service that
 * schedules it). Scheduling joins the caller's transaction: a timer exists exactly when the change
 * that set it was committed. Task data is JSON, so a timer set by one version is read by the next.
 *
 * <p>A {@link RecurringTask} bean (a check every minute, say) is also a start task: on start each
 * instance makes sure its one execution row exists, and whichever instance picks it up runs it and
 * sets the next, so a recurring check runs once per interval across the cluster, not once per
 * instance, and survives restarts.
 *
 * <p>With {@code firebreak.timers.manual=true} (the tests) nothing polls: due timers run when a
 * test calls {@code ManualScheduler.runAnyDueExecutions()}, on its thread, at the injected clock's time.
 */
@Configuration(proxyBeanMethods = false)
class DurableTimers {

	/** Marks a transaction that will ask the scheduler to look for due timers once it commits. */
	private static final Object CHECK_AFTER_COMMIT = new Object();

	@Bean(destroyMethod = "stop")
	Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, Clock clock, JsonMapper json,
			@Value("${firebreak.timers.manual:false}") boolean manual,
			@Value("${firebreak.timers.poll-every:PT1S}") Duration pollEvery,
			@Value("${firebreak.timers.threads:4}") int threads,
			@Value("${firebreak.timers.heartbeat:PT5S}") Duration heartbeat) {
		var transactional = new TransactionAwareDataSourceProxy(dataSource);
		// startTasks also makes them known tasks: pass each task once, the recurring ones that way
		var recurring = tasks.stream().filter(RecurringTask.class::isInstance).map(task -> (RecurringTask<?>) task)
			.toList();
		var others = tasks.stream().filter(task -> !(task instanceof RecurringTask<?>)).toList();
		if (manual) {
			var manualBuilder = TestHelper.createManualScheduler(transactional, others).startTasks(recurring);
			var scheduler = manualBuilder.clock(new SettableClock() {
				@Override
				public Instant now() {
					return clock.instant();
				}
			}).serializer(new JsonTaskData(json)).build();
			scheduler.start();
			return scheduler;
		}
		SchedulerBuilder builder = Scheduler.create(transactional, others)
			.startTasks(recurring)
			.clock(clock::instant)
			.serializer(new JsonTaskData(json))
			.pollingInterval(pollEvery)
			.threads(threads)
			// an instance that dies while running a timer (a page being sent) stops its heartbeat;
			// after six missed beats another instance runs the timer again (db-scheduler's default
			// beat of 5 minutes would leave that page waiting half an hour)
			.heartbeatInterval(heartbeat)
			.enableImmediateExecution()
			.commitWhenAutocommitDisabled(false);
		builder = isPostgres(dataSource) ? builder.pollUsingLockAndFetch(0.5, 1.0) : builder.pollUsingFetch(0.5, 3.0);
		var scheduler = builder.build();
		scheduler.start();
		return scheduler;
	}

	/**
	 * The client the capabilities schedule through. db-scheduler's immediate execution looks for
	 * due timers as soon as one is scheduled for now, but scheduling joins the caller's transaction,
	 * which has not committed yet then, so the timer waited for the next poll (a page, up to a
	 * second). This client asks again once the transaction has committed.
	 */
	@Bean
	@Primary
	SchedulerClient timers(@Lazy Scheduler scheduler) {
		InvocationHandler handler = (proxy, method, arguments) -> {
			Object answer;
			try {
				answer = method.invoke(scheduler, arguments);
			}
			catch (InvocationTargetException e) {
				throw e.getCause();
			}
			// once per transaction, however many timers it set (a storm's listener sets hundreds)
			if (method.getName().startsWith("schedule") && TransactionSynchronizationManager.isSynchronizationActive()
					&& !TransactionSynchronizationManager.hasResource(CHECK_AFTER_COMMIT)) {
				TransactionSynchronizationManager.bindResource(CHECK_AFTER_COMMIT, Boolean.TRUE);
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCommit() {
						scheduler.triggerCheckForDueExecutions();
					}

					@Override
					public void afterCompletion(int status) {
						TransactionSynchronizationManager.unbindResourceIfPossible(CHECK_AFTER_COMMIT);
					}
				});
			}
			return answer;
		};
		return (SchedulerClient) Proxy.newProxyInstance(SchedulerClient.class.getClassLoader(),
				new Class<?>[] { SchedulerClient.class }, handler);
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot tell which database the timers run on", e);
		}
	}

	/** Task data as JSON rather than Java serialization: readable in the table, and stable across versions. */
	record JsonTaskData(JsonMapper json) implements Serializer {

		@Override
		public byte[] serialize(Object data) {
			return data == null ? null : json.writeValueAsBytes(data);
		}

		@Override
		public <T> T deserialize(Class<T> type, byte[] bytes) {
			return bytes == null ? null : json.readValue(bytes, type);
		}
	}
}
