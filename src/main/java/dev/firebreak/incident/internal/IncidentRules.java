package dev.firebreak.incident.internal;

import java.time.Instant;
import java.util.Map;

import org.springframework.web.ErrorResponseException;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Milestones;
import dev.firebreak.platform.Problems;
import dev.firebreak.platform.Text;

/** The rules of the incident aggregate that need no database: limits, the status machine, milestones. */
final class IncidentRules {

	static final int TITLE_MAX = 200;

	static final int SUMMARY_MAX = 10_000;

	static final int NOTE_MAX = 20_000;

	static final int REASON_MAX = 2_000;

	/** More affected services than this is a description of the whole company, not of an incident. */
	static final int SERVICES_MAX = 100;

	private IncidentRules() {
	}

	static String title(String title) {
		return required("/title", title, TITLE_MAX, "a title says in a few words what users experience");
	}

	/** A text that must be there: trimmed, not blank, within its limit, plain. */
	static String required(String pointer, String text, int max, String hint) {
		return Text.required(pointer, text, max, hint);
	}

	static String optional(String pointer, String text, int max) {
		return Text.optional(pointer, text, max);
	}

	static void checkMove(long number, IncidentStatus from, IncidentStatus to) {
		if (from.mayMoveTo(to)) {
			return;
		}
		var allowed = from.next().stream().map(IncidentStatus::toString).toList();
		var detail = Incident.PREFIX + number + " is " + from + " and cannot move to " + to
				+ (allowed.isEmpty() ? "; a closed incident is final" : "; it may move to " + String.join(", ", allowed));
		throw Problems.conflict(detail, Map.of("current", from.toString(), "allowed", allowed));
	}

	static void notClosed(long number, IncidentStatus status) {
		if (status == IncidentStatus.CLOSED) {
			throw Problems.conflict(Incident.PREFIX + number
					+ " is closed and no longer changes; notes and corrections can still be added to its timeline",
					Map.of("current", status.toString()));
		}
	}

	/**
	 * The milestones after a status move: leaving triage acknowledges, monitoring means mitigated,
	 * resolved and closed stamp themselves, and a re-open clears the resolution.
	 */
	static Milestones milestonesAfterMove(Milestones m, IncidentStatus from, IncidentStatus to, Instant now) {
		var acknowledged = m.acknowledgedAt() == null && from == IncidentStatus.TRIAGE ? now : m.acknowledgedAt();
		var mitigated = m.mitigatedAt() == null && to == IncidentStatus.MONITORING ? now : m.mitigatedAt();
		var resolved = switch (to) {
			case RESOLVED -> now;
			case CLOSED -> m.resolvedAt();
			default -> null;
		};
		var closed = to == IncidentStatus.CLOSED ? now : null;
		return new Milestones(m.detectedAt(), m.declaredAt(), acknowledged, mitigated, resolved, closed);
	}

	static ErrorResponseException noSuchIncident(long number) {
		return Problems.notFound("No incident " + Incident.PREFIX + number + "; GET /api/v1/incidents lists them");
	}
}
