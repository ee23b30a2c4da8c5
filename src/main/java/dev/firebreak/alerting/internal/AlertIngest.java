package dev.firebreak.alerting.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import dev.firebreak.alerting.Alert;
import dev.firebreak.alerting.AlertAcknowledged;
import dev.firebreak.alerting.AlertResolved;
import dev.firebreak.alerting.AlertSeverity;
import dev.firebreak.alerting.AlertStatus;
import dev.firebreak.alerting.AlertTriggered;
import dev.firebreak.alerting.Integration;
import dev.firebreak.identity.AuditLog;

/**
 * Folds inbound events into alerts, by (integration, dedup key): a trigger opens an alert or
 * counts a repeat of the open one; acknowledge and resolve act on the open one and are dropped
 * when there is none. Each event is committed before the client hears 202.
 */
@Component
class AlertIngest {

	private final AlertStore alerts;

	private final ApplicationEventPublisher events;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final AuditLog audit;

	AlertIngest(AlertStore alerts, ApplicationEventPublisher events, TransactionOperations transactions, Clock clock,
			AuditLog audit) {
		this.audit = audit;
		this.alerts = alerts;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The alert the trigger opened or repeated. */
	Alert trigger(Integration integration, String dedupKey, AlertSeverity severity, String summary, String source,
			String payload) {
		try {
			return transactions.execute(status -> triggerOnce(integration, dedupKey, severity, summary, source, payload));
		}
		catch (DuplicateKeyException raced) {
			// the same new key arrived twice at once and the other request opened the alert: repeat it
			return transactions.execute(status -> triggerOnce(integration, dedupKey, severity, summary, source, payload));
		}
	}

	private Alert triggerOnce(Integration integration, String dedupKey, AlertSeverity severity, String summary,
			String source, String payload) {
		var now = clock.instant();
		var open = alerts.lockOpen(integration.id(), dedupKey);
		if (open.isPresent()) {
			alerts.recordOccurrence(open.get().id(), now, severity, summary, payload);
			return alerts.find(open.get().id()).orElseThrow();
		}
		var alert = new Alert(UUID.randomUUID(), integration.id(), integration.serviceId(), dedupKey,
				AlertStatus.TRIGGERED, severity, summary, source, 1, now, now, null, null);
		alerts.insert(alert, payload);
		events.publishEvent(new AlertTriggered(alert.id(), alert.serviceId(), severity, summary, now));
		return alert;
	}

	/**
	 * A person acknowledges an alert from the API or the pages, audited with the change; false
	 * when it is not triggered. (A monitoring tool's own acknowledgements are alert events, not
	 * audit rows: a storm would flood the audit log.)
	 */
	boolean acknowledge(UUID alertId) {
		return Boolean.TRUE.equals(transactions.execute(status -> alerts.find(alertId)
			.flatMap(alert -> alerts.lockOpen(alert.integrationId(), alert.dedupKey()))
			.filter(open -> open.id().equals(alertId))
			.filter(this::acknowledgeOpen)
			.map(open -> {
				audit.record("alert.acknowledged", "alert", alertId.toString(), open.summary());
				return true;
			})
			.orElse(false)));
	}

	/** A person resolves an alert; false when it is already resolved. */
	boolean resolve(UUID alertId) {
		return Boolean.TRUE.equals(transactions.execute(status -> alerts.find(alertId)
			.flatMap(alert -> alerts.lockOpen(alert.integrationId(), alert.dedupKey()))
			.filter(open -> open.id().equals(alertId))
			.filter(this::resolveOpen)
			.map(open -> {
				audit.record("alert.resolved", "alert", alertId.toString(), open.summary());
				return true;
			})
			.orElse(false)));
	}

	/** Acknowledges the open alert of this key; false when there is none to acknowledge. */
	boolean acknowledge(Integration integration, String dedupKey) {
		return Boolean.TRUE.equals(transactions.execute(status -> {
			return alerts.lockOpen(integration.id(), dedupKey).map(this::acknowledgeOpen).orElse(false);
		}));
	}

	/** Resolves the open alert of this key; false when there is none. */
	boolean resolve(Integration integration, String dedupKey) {
		return Boolean.TRUE.equals(transactions.execute(status -> {
			return alerts.lockOpen(integration.id(), dedupKey).map(this::resolveOpen).orElse(false);
		}));
	}

	private boolean acknowledgeOpen(Alert open) {
		if (open.status() != AlertStatus.TRIGGERED) {
			return false;
		}
		Instant now = clock.instant();
		alerts.acknowledge(open.id(), now);
		events.publishEvent(new AlertAcknowledged(open.id(), open.serviceId(), now));
		return true;
	}

	private boolean resolveOpen(Alert open) {
		Instant now = clock.instant();
		alerts.resolve(open.id(), now);
		events.publishEvent(new AlertResolved(open.id(), open.serviceId(), now));
		return true;
	}
}
