package dev.firebreak.notification;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a message is: waiting (for its minute, a throttle, a retry), handed over, confirmed, or given up on. */
public enum DeliveryStatus {

	QUEUED, SENT, DELIVERED, FAILED;

	@JsonValue
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
