package dev.firebreak.notification;

import java.util.UUID;

/** What a page is about: an incident, or an alert that opened none. Exactly one of the two is set. */
public record Subject(Long incidentNumber, UUID alertId) {

	public Subject {
		if ((incidentNumber == null) == (alertId == null)) {
			throw new IllegalArgumentException("a page is about an incident or an alert");
		}
	}

	public static Subject incident(long number) {
		return new Subject(number, null);
	}

	public static Subject alert(UUID alertId) {
		return new Subject(null, alertId);
	}

	/** {@code INC-42} or {@code alert:<uuid>}: stable, for idempotency keys and the delivery log. */
	public String key() {
		return incidentNumber != null ? "INC-" + incidentNumber : "alert:" + alertId;
	}
}
