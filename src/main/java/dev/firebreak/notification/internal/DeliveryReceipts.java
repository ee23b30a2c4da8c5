package dev.firebreak.notification.internal;

/**
 * What a provider reports later about a message it accepted (Twilio's status callback): the
 * delivery whose provider answer is {@code providerId} becomes delivered, or failed.
 */
interface DeliveryReceipts {

	/** @return false when no delivery has that provider id */
	boolean delivered(String providerId);

	/** @return false when no delivery has that provider id */
	boolean failed(String providerId, String reason);
}
