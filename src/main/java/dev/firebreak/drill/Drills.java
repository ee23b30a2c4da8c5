package dev.firebreak.drill;

import java.util.Optional;
import java.util.UUID;

import dev.firebreak.incident.Severity;
import dev.firebreak.platform.Page;

/** The fire drills capability's public face: start and end drills, and read how they went. */
public interface Drills {

	/**
	 * Starts a drill on a service: raises its drill alert, which opens a drill incident of
	 * {@code severity} (the configured default when null) that pages the service's on-call through
	 * its escalation policy. Audited. Refused (nothing changes) for an unknown service, a service
	 * without an escalation policy (the drill would page nobody), or one already running a drill.
	 *
	 * @param summary what the drill's alert says; null for "Fire drill on &lt;service&gt;"
	 */
	Drill start(UUID serviceId, Severity severity, String summary, UUID actor);

	/**
	 * Ends a drill: its incident, if still open, is resolved through the resolution gate with the
	 * override reason "drill ended", and its alert is resolved. Audited. Ending an ended drill
	 * changes nothing.
	 */
	Drill end(UUID drillId, UUID actor);

	Optional<Drill> find(UUID drillId);

	/** Drills newest first, of one service when {@code serviceId} is given. */
	Page<Drill> list(UUID serviceId, Page.Request page);
}
