package dev.firebreak.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Looks up services and teams for the capabilities that refer to them. */
public interface Catalog {

	Optional<Service> service(UUID id);

	/** The services among {@code ids} that exist, by id. */
	Map<UUID, Service> services(Collection<UUID> ids);

	Optional<Team> team(UUID id);

	/** Every service, by name: for choosing the ones an incident affects. */
	List<Service> allServices();
}
