package dev.firebreak.statuspage.internal;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every change to what the page shows goes through here, inside its transaction: it takes the
 * page's lock (so changes from all instances line up) and counts a revision; once the change
 * commits, this instance renders again on the next request. Other instances see the revision move
 * ({@link StatusPageRefresh}).
 */
@Component
class PageChanges {

	private final StatusPageStore store;

	private final Clock clock;

	/** Bumped when a change is known; the snapshot records the value it was built after. */
	private final AtomicLong known = new AtomicLong();

	PageChanges(StatusPageStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/** Takes the page's lock and counts the change; the caller must be in a transaction. */
	PageSettings change() {
		var settings = store.change(clock.instant());
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					known.incrementAndGet();
				}
			});
		}
		else {
			known.incrementAndGet();
		}
		return settings;
	}

	/** Something changed that this instance did not do itself (another instance, or time). */
	void noticed() {
		known.incrementAndGet();
	}

	long known() {
		return known.get();
	}
}
