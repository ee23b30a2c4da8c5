package dev.firebreak.alerting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.firebreak.alerting.AlertSeverity;
import dev.firebreak.alerting.Integration;
import dev.firebreak.alerting.IntegrationType;

/** The group commit's limits: what waits, what is refused at once, what gives up and is then not stored. */
class IngestBatcherTests {

	private final Integration integration = new Integration(UUID.randomUUID(), UUID.randomUUID(),
			IntegrationType.EVENTS_V2, "test", Instant.EPOCH, Instant.EPOCH, null);

	private final CountDownLatch release = new CountDownLatch(1);

	private final List<String> stored = new CopyOnWriteArrayList<>();

	/** Stores by remembering the dedup keys; holds the first batch until released. */
	private final AlertFold fold = new AlertFold(null, null, null, null) {
		@Override
		void apply(List<IngestCommand> commands) {
			try {
				release.await();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			commands.forEach(command -> stored.add(command.dedupKey()));
		}
	};

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private IngestBatcher batcher;

	@AfterEach
	void stop() {
		release.countDown();
		if (batcher != null) {
			batcher.stop();
		}
	}

	private IngestBatcher batcher(int maxWaiting, Duration waitAtMost) {
		batcher = new IngestBatcher(fold, TransactionOperations.withoutTransaction(), meters, 1, 500, maxWaiting, waitAtMost);
		batcher.start();
		return batcher;
	}

	private IngestCommand trigger(String key) {
		return new IngestCommand.Trigger(integration, key, AlertSeverity.WARNING, "s", "src", "{}");
	}

	@Test
	void pastMaxWaitingRequestsAreRefusedAtOnceAndTheWaitingOnesAreStored() throws Exception {
		var batcher = batcher(2, Duration.ofSeconds(30));
		var first = batcher.submit(List.of(trigger("a")));
		var second = batcher.submit(List.of(trigger("b")));
		// both are waiting now: one in the writer's batch, one queued; neither holds a thread
		assertThatThrownBy(() -> batcher.submit(List.of(trigger("c")))).isInstanceOf(IngestUnavailable.class)
			.hasMessageContaining("more events are waiting");
		assertThat(first).isNotDone();
		release.countDown();
		first.get(10, TimeUnit.SECONDS);
		second.get(10, TimeUnit.SECONDS);
		assertThat(stored).containsExactlyInAnyOrder("a", "b");
		assertThat(meters.counter("firebreak.ingest.events", "outcome", "stored").count()).isEqualTo(2);
		assertThat(meters.counter("firebreak.ingest.events", "outcome", "refused").count()).isEqualTo(1);
		// answered requests give their places back
		batcher.submit(List.of(trigger("d"))).get(10, TimeUnit.SECONDS);
		assertThat(stored).contains("d");
	}

	@Test
	void aRequestThatGaveUpWaitingIsNotStoredLater() throws Exception {
		var batcher = batcher(10, Duration.ofMillis(300));
		// "a" occupies the writer; "b" queues behind it and gives up after 300 ms
		var first = batcher.submit(List.of(trigger("a")));
		Thread.sleep(100);
		var second = batcher.submit(List.of(trigger("b")));
		assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IngestUnavailable.class)
			.hasMessageContaining("not stored within");
		release.countDown();
		assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IngestUnavailable.class);
		batcher.submit(List.of(trigger("c"))).get(10, TimeUnit.SECONDS);
		assertThat(stored).as("a was being written when it gave up; b never was").containsExactly("a", "c");
	}

	@Test
	void aShutdownStoresWhatIsQueuedAndRefusesWhatComesAfter() throws Exception {
		var batcher = batcher(10, Duration.ofSeconds(30));
		var first = batcher.submit(List.of(trigger("a")));
		var second = batcher.submit(List.of(trigger("b")));
		release.countDown();
		batcher.stop();
		first.get(10, TimeUnit.SECONDS);
		second.get(10, TimeUnit.SECONDS);
		assertThat(stored).containsExactly("a", "b");
		assertThatThrownBy(() -> batcher.submit(List.of(trigger("c")))).isInstanceOf(IngestUnavailable.class)
			.hasMessageContaining("shutting down");
	}
}
