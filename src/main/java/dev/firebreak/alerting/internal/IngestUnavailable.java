package dev.firebreak.alerting.internal;

/**
 * Inbound events that were not stored: the instance is overloaded, shutting down, or its
 * database failed. Nothing of them was kept; the endpoints answer so that the client retries.
 */
class IngestUnavailable extends RuntimeException {

	IngestUnavailable(String message) {
		super(message);
	}
}
