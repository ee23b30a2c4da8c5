package dev.firebreak.alerting.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Group commit for inbound events. A request hands its events to a writer; the writer takes
 * everything that queued up while it was busy, applies it in one transaction and commits, then
 * every request of the batch answers. Under a storm one commit carries hundreds of events, and a
 * client still hears 2xx only after its events are in the database.
 *
 * <p>Events of one dedup key always go to the same writer, so an instance applies them in the
 * order they arrived. Past {@code max-waiting} waiting requests it refuses at once
 * ({@link IngestUnavailable}, a 503 that monitoring tools retry) rather than letting waits and
 * the memory their events hold grow without bound. A batch that fails is
 * retried one submission at a time, so one bad event fails only its own request.
 */
@Component
class IngestBatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(IngestBatcher.class);

	private static final int ATTEMPTS = 5;

	private final AlertFold fold;

	private final TransactionOperations transactions;

	private final List<BlockingQueue<Submission>> queues = new ArrayList<>();

	private final List<Thread> writers = new ArrayList<>();

	/**
	 * Committed batches whose requests are still to be answered. Answering (the response written,
	 * the connection handed back to the web server) took the writer a sixth of its time; the
	 * answerer does it while the writer goes on with the next batch. An empty list stops it.
	 */
	private final BlockingQueue<List<Submission>> committed = new LinkedBlockingQueue<>();

	private Thread answerer;

	private final int batchSize;

	private final Semaphore waiting;

	/** Past it the request answers 503 rather than hang. */
	private final Duration waitAtMost;

	private volatile boolean running;

	private final Counter storedEvents;

	private final Counter refusedEvents;

	private final Timer commits;

	IngestBatcher(AlertFold fold, TransactionOperations transactions, MeterRegistry meters,
			@Value("${firebreak.ingest.writers}") int writers, @Value("${firebreak.ingest.batch-size}") int batchSize,
			@Value("${firebreak.ingest.max-waiting}") int maxWaiting,
			@Value("${firebreak.ingest.wait-at-most}") Duration waitAtMost) {
		if (writers < 1 || batchSize < 1 || maxWaiting < 1 || waitAtMost.isNegative() || waitAtMost.isZero()) {
			throw new IllegalArgumentException("firebreak.ingest: writers, batch-size and max-waiting must be at least 1, "
					+ "wait-at-most positive");
		}
		this.fold = fold;
		this.transactions = transactions;
		// the event endpoints are not in http.server.requests (IngestEndpoints): these say what they take
		this.storedEvents = Counter.builder("firebreak.ingest.events").tag("outcome", "stored")
			.description("Inbound alert events committed").register(meters);
		this.refusedEvents = Counter.builder("firebreak.ingest.events").tag("outcome", "refused")
			.description("Inbound alert events answered 503 (retried by their senders)").register(meters);
		this.commits = Timer.builder("firebreak.ingest.commits").description("Group commits of inbound events")
			.register(meters);
		this.batchSize = batchSize;
		this.waiting = new Semaphore(maxWaiting);
		this.waitAtMost = waitAtMost;
		for (var i = 0; i < writers; i++) {
			queues.add(new ArrayBlockingQueue<>(maxWaiting));
		}
	}

	/**
	 * Queues these events and returns at once; the future completes when they are committed, all
	 * together or not at all. It fails with {@link IngestUnavailable} when they cannot be stored:
	 * more than {@code max-waiting} requests waiting, a database failure, a shutdown, or no commit
	 * within {@code wait-at-most} — events not yet written by then never will be (then the
	 * client's retry is their only copy; if the writer already had them, it counts as a repeat).
	 * Nothing waits on a thread: a storm of thousands of requests holds no web server thread.
	 */
	CompletableFuture<Void> submit(List<IngestCommand> commands) {
		if (commands.isEmpty()) {
			return CompletableFuture.completedFuture(null);
		}
		if (!running || !waiting.tryAcquire()) {
			refusedEvents.increment(commands.size());
			throw new IngestUnavailable(running ? "more events are waiting than this instance takes; retry shortly"
					: "this instance is shutting down; retry");
		}
		var submission = new Submission(List.copyOf(commands), new CompletableFuture<>());
		var first = commands.get(0);
		var queue = queues.get(Math.floorMod(31 * first.integration().id().hashCode() + first.dedupKey().hashCode(),
				queues.size()));
		if (!queue.offer(submission)) {
			submission.done().completeExceptionally(
					new IngestUnavailable("more events are waiting than this instance takes; retry shortly"));
		}
		// the place is given back and the events counted before the caller hears the answer
		return submission.done().orTimeout(waitAtMost.toMillis(), TimeUnit.MILLISECONDS)
			.whenComplete((stored, failure) -> {
				waiting.release();
				(failure == null ? storedEvents : refusedEvents).increment(commands.size());
			})
			.exceptionallyCompose(failure -> CompletableFuture.failedFuture(unavailable(failure)));
	}

	/** How long a request waits for its commit at most. */
	Duration waitAtMost() {
		return waitAtMost;
	}

	/** Why events were not stored, in words a client's log can show (the database's own words in parentheses). */
	private IngestUnavailable unavailable(Throwable failure) {
		if (failure instanceof CompletionException wrapped && wrapped.getCause() != null) {
			failure = wrapped.getCause();
		}
		if (failure instanceof IngestUnavailable unavailable) {
			return unavailable;
		}
		if (failure instanceof TimeoutException) {
			return new IngestUnavailable("the events were not stored within " + waitAtMost.toSeconds() + " s; retry");
		}
		return new IngestUnavailable("the events could not be stored (" + failure.getMessage() + "); retry");
	}

	private void write(BlockingQueue<Submission> queue) {
		var batch = new ArrayList<Submission>();
		while (running || !queue.isEmpty()) {
			try {
				var first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				var events = 0;
				for (var next = first; next != null; next = events < batchSize ? queue.poll() : null) {
					// a request that gave up waiting has answered 503: its events must not be stored now
					if (!next.done().isDone()) {
						batch.add(next);
						events += next.commands().size();
					}
				}
				if (!batch.isEmpty()) {
					commit(batch);
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (Throwable e) {
				// commit() answers every submission; this last guard keeps the writer alive whatever
				// happened (an OutOfMemoryError included), so later events are not left waiting
				log.error("Ingest writer failed; the batch is refused", e);
				batch.forEach(submission -> submission.done().completeExceptionally(e));
			}
			finally {
				batch.clear();
			}
		}
	}

	private void commit(List<Submission> batch) {
		try {
			store(batch.stream().flatMap(submission -> submission.commands().stream()).toList());
			committed.add(List.copyOf(batch));
		}
		catch (DataAccessResourceFailureException databaseDown) {
			// no connection, no database: every submission would fail the same way, one by one
			log.warn("Could not store {} inbound submission(s): the database is unavailable", batch.size(), databaseDown);
			batch.forEach(submission -> submission.done().completeExceptionally(databaseDown));
		}
		catch (RuntimeException batchFailed) {
			if (batch.size() == 1) {
				log.warn("Could not store {} inbound event(s)", batch.get(0).commands().size(), batchFailed);
				batch.get(0).done().completeExceptionally(batchFailed);
				return;
			}
			for (var submission : batch) {
				try {
					store(submission.commands());
					committed.add(List.of(submission));
				}
				catch (RuntimeException failed) {
					log.warn("Could not store {} inbound event(s)", submission.commands().size(), failed);
					submission.done().completeExceptionally(failed);
				}
			}
		}
	}

	/**
	 * One transaction, tried again when it lost a race with another writer or instance (a new key
	 * inserted at the same moment, a lock conflict): the next attempt sees the other's alert.
	 */
	private void store(List<IngestCommand> commands) {
		for (var attempt = 1;; attempt++) {
			try {
				commits.record(() -> transactions.executeWithoutResult(status -> fold.apply(commands)));
				return;
			}
			catch (DuplicateKeyException | TransientDataAccessException raced) {
				if (attempt == ATTEMPTS) {
					throw raced;
				}
			}
		}
	}

	private void answer() {
		while (true) {
			try {
				var batch = committed.take();
				if (batch.isEmpty()) {
					return;
				}
				batch.forEach(submission -> submission.done().complete(null));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException e) {
				// an answer that could not be written (the client gone) must not stop the others
				log.warn("Answering committed ingest requests failed", e);
			}
		}
	}

	@Override
	public void start() {
		running = true;
		answerer = new Thread(this::answer, "ingest-answerer");
		answerer.setDaemon(true);
		answerer.start();
		for (var i = 0; i < queues.size(); i++) {
			var queue = queues.get(i);
			var writer = new Thread(() -> write(queue), "ingest-writer-" + i);
			// daemon: a failed start must not keep the JVM alive; a normal shutdown drains through stop()
			writer.setDaemon(true);
			writer.start();
			writers.add(writer);
		}
	}

	/** Takes no more events, stores what is queued, then stops: a graceful shutdown loses nothing. */
	@Override
	public void stop() {
		running = false;
		for (var writer : writers) {
			try {
				writer.join(TimeUnit.SECONDS.toMillis(30));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		writers.clear();
		committed.add(List.of());
		try {
			answerer.join(TimeUnit.SECONDS.toMillis(30));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return;
		}
		// anything that slipped in as the writers stopped is refused, never left waiting
		var left = new ArrayList<Submission>();
		queues.forEach(queue -> queue.drainTo(left));
		left.forEach(submission -> submission.done()
			.completeExceptionally(new IngestUnavailable("this instance is shutting down; retry")));
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** After the web server: it stops first and lets waiting requests finish while writers still run. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	private record Submission(List<IngestCommand> commands, CompletableFuture<Void> done) {
	}
}
