package dev.firebreak.notification.internal;

import org.springframework.stereotype.Component;

import dev.firebreak.notification.DeliveryStatus;

/**
 * What providers say later about messages they took: delivered, or failed after all. A failure
 * counts like any other: it is published and a page falls through to the person's next rule.
 */
@Component
class ProviderReceipts implements DeliveryReceipts {

	private final DeliveryStore store;

	private final DeliveryDispatcher dispatcher;

	ProviderReceipts(DeliveryStore store, DeliveryDispatcher dispatcher) {
		this.store = store;
		this.dispatcher = dispatcher;
	}

	@Override
	public boolean delivered(String providerId) {
		if (providerId == null || providerId.isBlank()) {
			return false;
		}
		var sent = store.byProviderAnswer(providerId, DeliveryStatus.SENT);
		sent.forEach(store::delivered);
		return !sent.isEmpty() || !store.byProviderAnswer(providerId, DeliveryStatus.DELIVERED).isEmpty();
	}

	@Override
	public boolean failed(String providerId, String reason) {
		if (providerId == null || providerId.isBlank()) {
			return false;
		}
		var ids = new java.util.ArrayList<>(store.byProviderAnswer(providerId, DeliveryStatus.SENT));
		ids.addAll(store.byProviderAnswer(providerId, DeliveryStatus.DELIVERED));
		var why = reason == null || reason.isBlank() ? "the provider reported it undelivered" : reason;
		ids.forEach(id -> store.find(id).ifPresent(row -> dispatcher.failedAfterSending(row, why)));
		return !ids.isEmpty() || !store.byProviderAnswer(providerId, DeliveryStatus.FAILED).isEmpty();
	}
}
