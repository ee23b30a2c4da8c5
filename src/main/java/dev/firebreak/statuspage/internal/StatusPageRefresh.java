package dev.firebreak.statuspage.internal;

import java.util.UUID;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's page in step: the page's revision is one number in the database, read every
 * {@code firebreak.statuspage.refresh-every}; a change made on another instance, or one made here
 * that nobody asked for yet, is rendered then, so readers rarely wait for a rendering.
 */
@Component
class StatusPageRefresh {

	private final StatusPageStore store;

	private final StatusSnapshots snapshots;

	private final PageChanges changes;

	StatusPageRefresh(StatusPageStore store, StatusSnapshots snapshots, PageChanges changes) {
		this.store = store;
		this.snapshots = snapshots;
		this.changes = changes;
	}

	/** The page keeps one id for ever, given when it is first started. */
	@EventListener(ApplicationReadyEvent.class)
	void started() {
		store.ensurePageId(UUID.randomUUID().toString().replace("-", "").substring(0, 12));
		changes.noticed();
	}

	@Scheduled(fixedDelayString = "${firebreak.statuspage.refresh-every}")
	void refresh() {
		if (store.revision() > snapshots.renderedRevision()) {
			changes.noticed();
		}
		snapshots.get(StatusSnapshots.BASE);
	}
}
