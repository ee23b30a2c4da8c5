package dev.firebreak.alerting;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Looks up alerts, for the capabilities that act on them (an incident shows its alerts, a page acknowledges one). */
public interface Alerts {

	Optional<Alert> find(UUID id);

	/** The alerts among {@code ids} that exist, by id. */
	Map<UUID, Alert> findAll(Collection<UUID> ids);

	/**
	 * The fields of an alert a runbook can be matched by, from the event that opened it: an
	 * Alertmanager or Grafana alert's labels ({@code alertname}, {@code severity}, …), an Events v2
	 * event's {@code class}, {@code component}, {@code group} and {@code source}. Empty for other
	 * integrations and for an alert that is not there.
	 */
	Map<String, String> matchFields(UUID alertId);

	/**
	 * The paged person takes a triggered alert on, from outside the alerting pages: a signed link in
	 * a page, an SMS reply. Audited as an acknowledgement that names the person and {@code via}
	 * ("one-click link", "SMS"), and announced as {@link AlertAcknowledged}, which stops its
	 * escalation. An alert already acknowledged or resolved (a second tap, a reply after the link)
	 * changes nothing.
	 *
	 * @param actor the person acknowledging; their account must exist
	 * @return true when this call acknowledged it; false when it is not there or not triggered
	 */
	boolean acknowledge(UUID alertId, UUID actor, String via);

	/**
	 * Raises a fire drill's alert on a service, as a monitoring tool would raise a real one: through
	 * the same fold, announced as {@link AlertTriggered} with {@code drill} set, so it pages through
	 * the service's real escalation policy. Joins the caller's transaction.
	 *
	 * @param dedupKey unique per drill
	 * @return the new alert
	 */
	Alert raiseDrill(UUID serviceId, String dedupKey, AlertSeverity severity, String summary);

	/** Resolves a drill's alert when the drill ends; false when it is not a drill alert or not open. */
	boolean resolveDrill(UUID alertId);

	/** The alerts first seen from {@code from} (inclusive) to {@code to} (exclusive), oldest first: for reports. */
	List<Alert> firstSeenBetween(Instant from, Instant to);
}
