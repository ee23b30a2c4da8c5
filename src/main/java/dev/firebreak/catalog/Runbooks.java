package dev.firebreak.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the runbook a responder needs for an alert or a service, for the capabilities that page
 * people and show incidents. Every runbook returned says whether it is stale.
 */
public interface Runbooks {

	Optional<Runbook> find(UUID id);

	/**
	 * The runbook for an alert of this service with these fields (see {@link RunbookMatcher}). A
	 * runbook with matchers matches only when the alert carries every one of them, as label
	 * matchers do, and — when it names services — only alerts of those services. Among matching
	 * runbooks the one with most matchers wins, then one that names the service, then the most
	 * recently reviewed. Without such a runbook, a general runbook of the service (one without
	 * matchers). Empty when neither exists: the alert has no runbook.
	 */
	Optional<Runbook> forAlert(UUID serviceId, Map<String, String> fields);

	/** A general runbook (without matchers) of one of these services, the most recently reviewed; empty when none. */
	Optional<Runbook> forServices(Collection<UUID> serviceIds);

	/** Every runbook that names one of these services, by title. */
	List<Runbook> ofServices(Collection<UUID> serviceIds);

	/** The address of a runbook's page, e.g. {@code /runbooks/<id>}; put the base URL in front for a message. */
	static String path(UUID runbookId) {
		return "/runbooks/" + runbookId;
	}
}
