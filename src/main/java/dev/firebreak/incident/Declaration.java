package dev.firebreak.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a person (or an alert) knows when declaring an incident.
 *
 * @param severity null when not yet classified
 * @param detectedAt when the problem was first noticed; null means now, never in the future
 * @param commanderId who leads; null makes the declarer the incident commander
 */
public record Declaration(String title, String summary, Severity severity, IncidentSource source,
		List<UUID> affectedServiceIds, String customerImpact, boolean customerReported, boolean dataLossSuspected,
		boolean security, boolean isPrivate, Instant detectedAt, UUID commanderId) {

	public Declaration {
		affectedServiceIds = affectedServiceIds == null ? List.of() : List.copyOf(affectedServiceIds);
		source = source == null ? IncidentSource.INTERNAL : source;
	}

	/** The short form: a title and a severity, declared from what someone saw. */
	public static Declaration of(String title, Severity severity) {
		return new Declaration(title, null, severity, IncidentSource.INTERNAL, List.of(), null, false, false, false,
				false, null, null);
	}
}
