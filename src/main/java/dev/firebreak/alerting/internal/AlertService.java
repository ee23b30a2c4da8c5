package dev.firebreak.alerting.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

import dev.firebreak.alerting.Alert;
import dev.firebreak.alerting.AlertSeverity;
import dev.firebreak.alerting.Alerts;
import dev.firebreak.alerting.Integration;
import dev.firebreak.alerting.IntegrationType;
import dev.firebreak.identity.Accounts;

/** The alerting capability's public face: alerts read from their store, acknowledged as {@link AlertIngest} does. */
@Component
class AlertService implements Alerts {

	private final AlertStore store;

	private final AlertIngest ingest;

	private final Accounts accounts;

	private final IntegrationStore integrations;

	private final AlertFold fold;

	private final JsonMapper json;

	private final Clock clock;

	AlertService(AlertStore store, AlertIngest ingest, Accounts accounts, IntegrationStore integrations, AlertFold fold,
			JsonMapper json, Clock clock) {
		this.store = store;
		this.ingest = ingest;
		this.accounts = accounts;
		this.integrations = integrations;
		this.fold = fold;
		this.json = json;
		this.clock = clock;
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
	public List<Alert> firstSeenBetween(Instant from, Instant to) {
		return store.firstSeenBetween(from, to);
	}

	@Override
	public boolean acknowledge(UUID alertId, UUID actor, String via) {
		var who = accounts.find(actor).map(account -> account.displayName() + " (" + account.email() + ")")
			.orElseThrow(() -> new IllegalArgumentException("No account " + actor + " to acknowledge alert " + alertId));
		var how = "by " + who + (via == null || via.isBlank() ? "" : " via " + via);
		return ingest.acknowledge(alertId, how);
	}

	@Override
	@Transactional
	public Alert raiseDrill(UUID serviceId, String dedupKey, AlertSeverity severity, String summary) {
		// a drill comes through no integration: its alerts share one per service, a name no real integration has
		var integration = new Integration(drillIntegration(serviceId), serviceId, IntegrationType.WEBHOOK, "Fire drill",
				clock.instant(), null, null);
		var payload = json.writeValueAsString(java.util.Map.of("drill", true, "summary", summary));
		fold.apply(List.of(new IngestCommand.Trigger(integration, dedupKey, severity, summary, "fire drill", payload, true)));
		return store.lockOpen(integration.id(), dedupKey)
			.orElseThrow(() -> new IllegalStateException("the drill alert " + dedupKey + " was not opened"));
	}

	@Override
	public boolean resolveDrill(UUID alertId) {
		return store.find(alertId).filter(Alert::drill).map(alert -> ingest.resolve(alertId)).orElse(false);
	}

	/** The integration id a service's drill alerts carry: stable, so a drill's alert is found by its key again. */
	static UUID drillIntegration(UUID serviceId) {
		return UUID.nameUUIDFromBytes(("firebreak-drill:" + serviceId).getBytes(StandardCharsets.UTF_8));
	}
}
