package dev.firebreak.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Looks up services and teams for the capabilities that refer to them. */
public interface Catalog {

	Optional<Service> service(UUID id);

	/** The services among {@code ids} that exist, by id. */
	Map<UUID, Service> services(Collection<UUID> ids);

	Optional<Team> team(UUID id);

	/** The teams this account is a member of, by name. */
	List<Team> teamsOf(UUID accountId);

	/**
	 * Records a deploy or configuration change of a service, with the event that reported it.
	 *
	 * @param happenedAt when it happened, as reported; null means now
	 */
	Change recordChange(UUID serviceId, String summary, String source, Instant happenedAt, String payload);

	/** The latest change of any of these services at or before {@code instant}. */
	Optional<Change> lastChangeBefore(Collection<UUID> serviceIds, Instant instant);

	/** The services among {@code serviceIds} in a maintenance window at {@code instant}. */
	Set<UUID> inMaintenance(Collection<UUID> serviceIds, Instant instant);

	/** Every service, by name: for choosing the ones an incident affects. */
	List<Service> allServices();

	/** The mitigation actions of these services, by service and then name, with their real header values. */
	List<MitigationAction> mitigationActions(Collection<UUID> serviceIds);

	/** One mitigation action, with its real header values. */
	Optional<MitigationAction> mitigationAction(UUID id);
}
