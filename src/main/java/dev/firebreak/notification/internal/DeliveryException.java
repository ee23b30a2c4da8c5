package dev.firebreak.notification.internal;

/**
 * A channel could not deliver. {@code retryable}: the provider was down or throttling (try again
 * with backoff); otherwise the address or message was refused (go on to the person's next rule).
 */
class DeliveryException extends Exception {

	private final boolean retryable;

	DeliveryException(String message, boolean retryable) {
		super(message);
		this.retryable = retryable;
	}

	DeliveryException(String message, boolean retryable, Throwable cause) {
		super(message, cause);
		this.retryable = retryable;
	}

	boolean retryable() {
		return retryable;
	}
}
