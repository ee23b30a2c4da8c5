package dev.firebreak.incident.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.firebreak.incident.Severity;
import dev.firebreak.platform.FirebreakPolicy;

/**
 * An incident nobody has classified is not left without urgency: once the policy's time has
 * passed since it was declared ({@code unclassified-after}, 10 minutes by default) it gets the
 * policy's severity (SEV2), on its timeline, until a person classifies it from user impact.
 * Every instance sweeps; the row lock and the re-check make the second one a no-op.
 */
@Component
class UnclassifiedIncidents {

	private static final Logger log = LoggerFactory.getLogger(UnclassifiedIncidents.class);

	private final IncidentStore store;

	private final IncidentService incidents;

	private final FirebreakPolicy policy;

	private final Clock clock;

	UnclassifiedIncidents(IncidentStore store, IncidentService incidents, FirebreakPolicy policy, Clock clock) {
		this.store = store;
		this.incidents = incidents;
		this.policy = policy;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${firebreak.incident.unclassified-sweep}",
			initialDelayString = "${firebreak.incident.unclassified-sweep}")
	void sweep() {
		var classified = classifyOverdue();
		if (classified > 0) {
			log.info("Gave {} unclassified incident(s) the default severity {}", classified, policy.unclassifiedSeverity());
		}
	}

	/** Classifies every overdue incident; answers how many it classified. */
	int classifyOverdue() {
		var after = policy.unclassifiedAfter();
		var severity = Severity.valueOf(policy.unclassifiedSeverity());
		var reason = "no severity " + SummaryWriter.human(after) + " after declaration, so " + severity
				+ " until someone classifies it from user impact";
		var count = 0;
		for (var number : store.unclassifiedSince(clock.instant().minus(after))) {
			if (incidents.classifyIfUnclassified(number, severity, reason)) {
				count++;
			}
		}
		return count;
	}
}
