package dev.firebreak.alerting;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Looks up alerts, for the capabilities that act on them (an incident shows its alerts). */
public interface Alerts {

	Optional<Alert> find(UUID id);

	/** The alerts among {@code ids} that exist, by id. */
	Map<UUID, Alert> findAll(Collection<UUID> ids);
}
