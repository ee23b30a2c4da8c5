package dev.firebreak.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Events between modules are stored with the change that published them; a listener that failed
 * (a deadlock, a lost connection) is tried again here, every {@code firebreak.events.retry-failed-every},
 * rather than only at the next start. Listeners are idempotent, so a retry that races another
 * instance's does no harm.
 */
@Component
class FailedEventRetries {

	private static final Logger log = LoggerFactory.getLogger(FailedEventRetries.class);

	private final FailedEventPublications failed;

	FailedEventRetries(FailedEventPublications failed) {
		this.failed = failed;
	}

	@Scheduled(fixedDelayString = "${firebreak.events.retry-failed-every}",
			initialDelayString = "${firebreak.events.retry-failed-every}")
	void retry() {
		try {
			failed.resubmit(ResubmissionOptions.defaults());
		}
		catch (RuntimeException e) {
			log.warn("Could not resubmit failed event publications; trying again later", e);
		}
	}
}
