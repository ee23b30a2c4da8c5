package dev.firebreak.alerting;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What one commit did to alerts: the alerts it opened, acknowledged and resolved. Ingestion
 * commits storms in batches, and publishes one of these per batch rather than one event per
 * alert, so that listeners handle a storm in a few transactions and write one timeline entry
 * for many alerts. Repeats of open alerts are not in it, unless a repeat made the alert more
 * severe (a warning that turned critical): then it is among the triggered again, with its new
 * severity.
 */
public record AlertsChanged(List<AlertTriggered> triggered, List<AlertAcknowledged> acknowledged,
		List<AlertResolved> resolved) {

	public AlertsChanged {
		triggered = List.copyOf(triggered);
		acknowledged = List.copyOf(acknowledged);
		resolved = List.copyOf(resolved);
	}

	@JsonIgnore // not a property: a stored event must read back for a retry
	public boolean isEmpty() {
		return triggered.isEmpty() && acknowledged.isEmpty() && resolved.isEmpty();
	}
}
