package dev.firebreak.alerting.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import dev.firebreak.alerting.Alert;
import dev.firebreak.alerting.AlertAcknowledged;
import dev.firebreak.alerting.AlertResolved;
import dev.firebreak.alerting.AlertStatus;
import dev.firebreak.alerting.AlertsChanged;
import dev.firebreak.identity.AuditLog;

/**
 * A person's acknowledgement or resolution of an alert, each its own audited change. (Monitoring
 * tools' events go through the {@link IngestBatcher} and the {@link AlertFold}, committed before
 * the client hears 2xx.)
 */
@Component
class AlertIngest {

	private final AlertStore alerts;

	private final ApplicationEventPublisher events;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final AuditLog audit;

	AlertIngest(AlertStore alerts, ApplicationEventPublisher events,
			TransactionOperations transactions, Clock clock, AuditLog audit) {
		this.alerts = alerts;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.audit = audit;
	}

	/**
	 * A person acknowledges an alert from the API or the pages, audited with the change; false
	 * when it is not triggered. (A monitoring tool's own acknowledgements are alert events, not
	 * audit rows: a storm would flood the audit log.)
	 */
	boolean acknowledge(UUID alertId) {
		return acknowledge(alertId, null);
	}

	/**
	 * The same, for a person named in the audit row rather than signed in: the one who followed a
	 * signed link or replied to a page ({@code how}: "by Alice via one-click link").
	 */
	boolean acknowledge(UUID alertId, String how) {
		return Boolean.TRUE.equals(transactions.execute(status -> alerts.find(alertId)
			.flatMap(alert -> alerts.lockOpen(alert.integrationId(), alert.dedupKey()))
			.filter(open -> open.id().equals(alertId))
			.filter(this::acknowledgeOpen)
			.map(open -> {
				audit.record("alert.acknowledged", "alert", alertId.toString(),
						how == null ? open.summary() : open.summary() + " — acknowledged " + how);
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

	private boolean acknowledgeOpen(Alert open) {
		if (open.status() != AlertStatus.TRIGGERED) {
			return false;
		}
		Instant now = clock.instant();
		alerts.acknowledge(open.id(), now);
		events.publishEvent(new AlertsChanged(List.of(), List.of(new AlertAcknowledged(open.id(), open.serviceId(), now)),
				List.of()));
		return true;
	}

	private boolean resolveOpen(Alert open) {
		Instant now = clock.instant();
		alerts.resolve(open.id(), now);
		events.publishEvent(new AlertsChanged(List.of(), List.of(), List.of(new AlertResolved(open.id(), open.serviceId(),
				now))));
		return true;
	}
}
