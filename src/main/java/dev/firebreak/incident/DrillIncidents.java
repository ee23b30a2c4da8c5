package dev.firebreak.incident;

import java.util.UUID;

/**
 * Fire drills' incidents: a drill's alert opens a drill incident of the drill's severity at once
 * (so the drill knows its number), and ending the drill resolves it. A drill incident runs the real
 * response — paging, roles, war room — but never reaches the status page, needs no post-mortem, and
 * never gathers a real alert (nor a real incident a drill alert).
 */
public interface DrillIncidents {

	/**
	 * Opens the drill incident of a drill alert (a drill alert of {@code Alerts.raiseDrill}), with
	 * the drill's severity, declared by the platform like any incident an alert opens: the paged
	 * person who acknowledges it leads it. Idempotent: the incident it opened already, if any.
	 */
	Incident openDrill(UUID alertId, Severity severity);

	/**
	 * Ends a drill incident that is still open: resolved through the resolution gate, with "drill
	 * ended" as the recorded override reason of whatever the gate still misses (audited, on the
	 * timeline), by the person ending the drill. A drill incident already resolved or closed is left
	 * as it is. No post-mortem: the drill report takes its place.
	 *
	 * @throws org.springframework.web.ErrorResponseException 409 when the incident is not a drill
	 */
	Incident endDrill(long number, UUID actor);
}
