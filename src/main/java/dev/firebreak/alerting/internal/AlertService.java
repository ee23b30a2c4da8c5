package dev.firebreak.alerting.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import dev.firebreak.alerting.Alert;
import dev.firebreak.alerting.Alerts;
import dev.firebreak.identity.Accounts;

/** The alerting capability's public face: alerts read from their store, acknowledged as {@link AlertIngest} does. */
@Component
class AlertService implements Alerts {

	private final AlertStore store;

	private final AlertIngest ingest;

	private final Accounts accounts;

	private final IntegrationStore integrations;

	private final JsonMapper json;

	AlertService(AlertStore store, AlertIngest ingest, Accounts accounts, IntegrationStore integrations, JsonMapper json) {
		this.store = store;
		this.ingest = ingest;
		this.accounts = accounts;
		this.integrations = integrations;
		this.json = json;
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
	public Map<String, String> matchFields(UUID alertId) {
		var type = store.find(alertId).flatMap(alert -> integrations.find(alert.integrationId())).map(i -> i.type());
		if (type.isEmpty()) {
			return Map.of();
		}
		return AlertFields.of(type.get(), store.originalPayload(alertId).orElse(null), json);
	}

	@Override
	public boolean acknowledge(UUID alertId, UUID actor, String via) {
		var who = accounts.find(actor).map(account -> account.displayName() + " (" + account.email() + ")")
			.orElseThrow(() -> new IllegalArgumentException("No account " + actor + " to acknowledge alert " + alertId));
		var how = "by " + who + (via == null || via.isBlank() ? "" : " via " + via);
		return ingest.acknowledge(alertId, how);
	}
}
