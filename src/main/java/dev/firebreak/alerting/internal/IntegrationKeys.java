package dev.firebreak.alerting.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.firebreak.alerting.AlertSeverity;
import dev.firebreak.alerting.Integration;
import dev.firebreak.alerting.IntegrationType;
import dev.firebreak.catalog.Catalog;
import dev.firebreak.identity.AuditLog;
import dev.firebreak.platform.Problems;
import dev.firebreak.platform.Secrets;
import dev.firebreak.platform.Text;

/**
 * Integrations and their routing keys: 32 hexadecimal characters like PagerDuty's, made from
 * 128 random bits, found by their hash, shown again by decrypting them, replaced on request.
 */
@Component
class IntegrationKeys {

	private static final SecureRandom RANDOM = new SecureRandom();

	static final Duration REMEMBERED = Duration.ofSeconds(10);

	private static final int REMEMBERED_AT_MOST = 10_000;

	private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

	/** Counts the times every key was forgotten: an answer read across one is not remembered. */
	private final AtomicLong forgotten = new AtomicLong();

	private final IntegrationStore store;

	private final Catalog catalog;

	private final Secrets secrets;

	private final AuditLog audit;

	private final Clock clock;

	private final Heartbeats heartbeats;

	IntegrationKeys(IntegrationStore store, Catalog catalog, Secrets secrets, AuditLog audit, Clock clock,
			Heartbeats heartbeats) {
		this.heartbeats = heartbeats;
		this.store = store;
		this.catalog = catalog;
		this.secrets = secrets;
		this.audit = audit;
		this.clock = clock;
	}

	Integration create(UUID serviceId, IntegrationType type, String name) {
		return create(serviceId, type, name, null, null, null);
	}

	/** A new integration; a heartbeat's period, grace and alert severity (defaults when null), refused for other types. */
	@Transactional
	Integration create(UUID serviceId, IntegrationType type, String name, Duration period, Duration grace,
			AlertSeverity severity) {
		var service = catalog.service(serviceId)
			.orElseThrow(() -> Problems.notFound("No service " + serviceId + "; GET /api/v1/services lists them"));
		if (type == null) {
			throw Problems.invalid("/type", "type must be one of events_v2, alertmanager, grafana, webhook, heartbeat");
		}
		var label = Text.optional("/name", name, 100);
		var now = clock.instant();
		var integration = new Integration(UUID.randomUUID(), serviceId, type,
				label == null || label.isEmpty() ? service.name() + " " + type.toString().replace('_', ' ') : label, now, now,
				null);
		var key = newKey();
		store.insert(integration, Secrets.fingerprint(key), secrets.encrypt(key));
		if (type == IntegrationType.HEARTBEAT) {
			heartbeats.create(integration.id(), period, grace, severity);
		}
		else if (period != null || grace != null || severity != null) {
			throw Problems.invalid(period != null ? "/period" : grace != null ? "/grace" : "/severity",
					"period, grace and severity belong to heartbeat integrations only");
		}
		audit.record("integration.created", "integration", integration.id().toString(),
				integration.name() + " (" + type + ") on " + service.name());
		return integration;
	}

	/** A new routing key; the old one stops working at once. */
	@Transactional
	Integration regenerate(UUID id) {
		var integration = get(id);
		var key = newKey();
		store.replaceKey(id, Secrets.fingerprint(key), secrets.encrypt(key), clock.instant());
		forgetKeysAfterCommit();
		audit.record("integration.key_regenerated", "integration", id.toString(), integration.name());
		return get(id);
	}

	/** Renames an integration and sets its rate limit (null: the installation's default). */
	@Transactional
	Integration update(UUID id, String name, Integer ratePerSecond) {
		var integration = get(id);
		var label = Text.optional("/name", name, 100);
		store.update(id, label == null || label.isEmpty() ? integration.name() : label, ratePerSecond);
		forgetKeysAfterCommit();
		audit.record("integration.updated", "integration", id.toString(),
				"rate " + (ratePerSecond == null ? "default" : ratePerSecond + "/s"));
		return get(id);
	}

	@Transactional
	void delete(UUID id) {
		var integration = get(id);
		heartbeats.forget(id);
		store.delete(id);
		forgetKeysAfterCommit();
		audit.record("integration.deleted", "integration", id.toString(), integration.name());
	}

	String routingKey(UUID id) {
		return secrets.decrypt(store.keyCiphertext(id).orElseThrow(() -> notFound(id)));
	}

	/**
	 * The integration a client's routing key opens, if any. Answers are remembered for
	 * {@link #REMEMBERED} (a storm sends the same key thousands of times a second): a key
	 * regenerated or deleted on this instance stops working at once, on other instances of a
	 * cluster within that time.
	 */
	Optional<Integration> byRoutingKey(String key) {
		if (key == null || key.isBlank() || key.length() > 64) {
			return Optional.empty();
		}
		var now = clock.millis();
		var hash = Secrets.fingerprint(key);
		var known = remembered.get(hash);
		if (known != null && known.until() > now) {
			return known.integration();
		}
		var generation = forgotten.get();
		var found = store.byKeyHash(hash);
		// unknown keys are not remembered (random keys sprayed at the endpoint must not push out the
		// real ones), nor an answer read while a key was being replaced or deleted
		if (found.isPresent() && forgotten.get() == generation) {
			if (remembered.size() >= REMEMBERED_AT_MOST) {
				remembered.clear();
			}
			remembered.put(hash, new Remembered(found, now + REMEMBERED.toMillis()));
		}
		return found;
	}

	/** After this transaction commits, every key is looked up again. */
	private void forgetKeysAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					forgotten.incrementAndGet();
					remembered.clear();
				}
			});
		}
		forgotten.incrementAndGet();
		remembered.clear();
	}

	private record Remembered(Optional<Integration> integration, long until) {
	}

	Integration get(UUID id) {
		return store.find(id).orElseThrow(() -> notFound(id));
	}

	private static RuntimeException notFound(UUID id) {
		return Problems.notFound("No integration " + id + "; GET /api/v1/services/{id}/integrations lists a service's");
	}

	private static String newKey() {
		var bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}
}
