package dev.firebreak.notification;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a message is: waiting (for its minute, a throttle, a retry), being handed over by one
 * instance (claimed, so no other sends it), handed over, confirmed, given up on, or cancelled
 * because its page was {@linkplain Notifications#stop(Subject) stopped} before it was due.
 */
public enum DeliveryStatus {

	QUEUED, SENDING, SENT, DELIVERED, FAILED, CANCELLED;

	@JsonValue
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
