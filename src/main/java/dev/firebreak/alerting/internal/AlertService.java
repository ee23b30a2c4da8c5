package dev.firebreak.alerting.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.firebreak.alerting.Alert;
import dev.firebreak.alerting.Alerts;
import dev.firebreak.identity.Accounts;

/** The alerting capability's public face: alerts read from their store, acknowledged as {@link AlertIngest} does. */
@Component
class AlertService implements Alerts {

	private final AlertStore store;

	private final AlertIngest ingest;

	private final Accounts accounts;

	AlertService(AlertStore store, AlertIngest ingest, Accounts accounts) {
		this.store = store;
		this.ingest = ingest;
		this.accounts = accounts;
	}

	@Override
	public Optional<Alert> find(UUID id) {
		return store.find(id);
	}

	@Override
	public Map<UUID, Alert> findAll(Collection<UUID> ids) {
		return store.findAll(ids);
	}

	@Override
	public java.util.List<Alert> firstSeenBetween(java.time.Instant from, java.time.Instant to) {
		return store.firstSeenBetween(from, to);
	}

	@Override
	public boolean acknowledge(UUID alertId, UUID actor, String via) {
		var who = accounts.find(actor).map(account -> account.displayName() + " (" + account.email() + ")")
			.orElseThrow(() -> new IllegalArgumentException("No account " + actor + " to acknowledge alert " + alertId));
		var how = "by " + who + (via == null || via.isBlank() ? "" : " via " + via);
		return ingest.acknowledge(alertId, how);
	}
}
