package dev.firebreak.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Something a service lets responders do to it during an incident: an HTTP call that pulls a
 * mitigation lever (turns a feature flag off, fails over), and the call that undoes it.
 *
 * @param lever one of {@link #LEVERS}
 * @param rollback the call that undoes {@code run}, or null when it cannot be undone this way
 */
public record MitigationAction(UUID id, UUID serviceId, String name, String lever, HttpCall run, HttpCall rollback,
		Instant createdAt) {

	/**
	 * The mitigation levers (PRODUCT §1.4), in the incident module's spelling, from the most to the
	 * least preferred. The catalog cannot name the incident module's type (incident depends on
	 * catalog), so the names are kept here as strings.
	 */
	public static final List<String> LEVERS = List.of("rollback", "feature_flag_off", "failover", "scale_up", "throttle",
			"graceful_degradation", "fail_closed", "read_only", "maintenance_mode");

	public boolean canRollBack() {
		return rollback != null;
	}
}
