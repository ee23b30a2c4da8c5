package dev.firebreak.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A production problem and its response, addressed by its human number ({@code INC-42}).
 *
 * @param severity null while unclassified
 * @param roles the holder of each single-holder role that is filled
 * @param subjectMatterExperts the experts brought in
 * @param procedures the severity whose procedures apply: its own, or SEV1 once a SEV2 went unmitigated
 *        past the policy's time (obligations, cadences and paging follow it); null while unclassified
 * @param unacknowledgedAfterEscalationAt when it was flagged "unacknowledged after escalation" (every level
 *        and repeat of a policy paged, nobody acknowledged); null when it is not flagged, and again once acknowledged
 * @param drill a fire drill's incident: it runs the real response, never reaches the status page, and
 *        gathers only drill alerts
 */
public record Incident(long number, String title, String summary, Severity severity, IncidentStatus status,
		IncidentSource source, List<UUID> affectedServiceIds, String customerImpact, boolean customerReported,
		boolean dataLossSuspected, boolean security, boolean isPrivate, UUID declaredBy, Milestones milestones,
		Map<IncidentRole, UUID> roles, List<UUID> subjectMatterExperts, Severity procedures,
		Instant unacknowledgedAfterEscalationAt, boolean drill) {

	public static final String PREFIX = "INC-";

	/** A real incident (not a drill). */
	public Incident(long number, String title, String summary, Severity severity, IncidentStatus status,
			IncidentSource source, List<UUID> affectedServiceIds, String customerImpact, boolean customerReported,
			boolean dataLossSuspected, boolean security, boolean isPrivate, UUID declaredBy, Milestones milestones,
			Map<IncidentRole, UUID> roles, List<UUID> subjectMatterExperts, Severity procedures,
			Instant unacknowledgedAfterEscalationAt) {
		this(number, title, summary, severity, status, source, affectedServiceIds, customerImpact, customerReported,
				dataLossSuspected, security, isPrivate, declaredBy, milestones, roles, subjectMatterExperts, procedures,
				unacknowledgedAfterEscalationAt, false);
	}

	public String id() {
		return PREFIX + number;
	}

	/** Whether it is still being responded to: not resolved, not closed. */
	public boolean isActive() {
		return status.isActive();
	}

	/** Whether this person holds any role on the incident. */
	public boolean involves(UUID accountId) {
		return roles.containsValue(accountId) || subjectMatterExperts.contains(accountId);
	}

	/** Parses {@code INC-42} (or a bare {@code 42}) into 42; -1 when it is neither. */
	public static long parseNumber(String id) {
		var digits = id.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) ? id.substring(PREFIX.length()) : id;
		try {
			var number = Long.parseLong(digits);
			return number > 0 ? number : -1;
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}
}
