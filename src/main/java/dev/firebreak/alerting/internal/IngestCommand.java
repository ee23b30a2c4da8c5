package dev.firebreak.alerting.internal;

import dev.firebreak.alerting.AlertSeverity;
import dev.firebreak.alerting.Integration;

/** One event a monitoring tool sent about the alert of a dedup key, as ingestion applies it. */
sealed interface IngestCommand {

	Integration integration();

	String dedupKey();

	/** Opens an alert for the key, or counts a repeat of its open one. */
	record Trigger(Integration integration, String dedupKey, AlertSeverity severity, String summary, String source,
			String payload, boolean drill) implements IngestCommand {

		Trigger(Integration integration, String dedupKey, AlertSeverity severity, String summary, String source,
				String payload) {
			this(integration, dedupKey, severity, summary, source, payload, false);
		}
	}

	/** Acknowledges the key's open alert; nothing when there is none or it is acknowledged already. */
	record Acknowledge(Integration integration, String dedupKey) implements IngestCommand {
	}

	/** Resolves the key's open alert; nothing when there is none. */
	record Resolve(Integration integration, String dedupKey) implements IngestCommand {
	}
}
