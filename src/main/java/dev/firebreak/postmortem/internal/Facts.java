package dev.firebreak.postmortem.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the record says about the incident, written by {@link RecordWriter}: live while the post-mortem
 * is a draft or in review, stored as it was at publication. Plain values only, so the stored copy
 * reads back whatever becomes of the enums it was made from.
 *
 * @param severity {@code SEV1}..{@code SEV4}; null when it was never classified
 * @param duration detection to resolution; null when it has no resolution time
 * @param detectionGap why our detection missed it (customers told us); null when it did not
 * @param escalations each escalation policy that ran for the incident: how far it got and how it ended
 * @param frozen true for the copy stored at publication
 */
record Facts(String incidentId, String title, String severity, String source, boolean customerReported,
		String customerImpact, String summary, Instant detectedAt, Instant resolvedAt, Duration duration,
		List<Milestone> milestones, List<Gap> gaps, String detectionGap, List<Line> timeline, List<Line> mitigations,
		List<Line> decisions, List<Line> statusUpdates, List<Line> pages, List<Line> escalations, Resolved resolution,
		Instant writtenAt, boolean frozen) {

	Facts {
		// a copy frozen before escalations were part of the facts reads back with none
		escalations = escalations == null ? List.of() : escalations;
	}

	Facts frozenAt(Instant at) {
		return new Facts(incidentId, title, severity, source, customerReported, customerImpact, summary, detectedAt,
				resolvedAt, duration, milestones, gaps, detectionGap, timeline, mitigations, decisions, statusUpdates, pages,
				escalations, resolution, at, true);
	}

	/** A moment of the response; {@code at} null when it was skipped. */
	record Milestone(String name, Instant at) {
	}

	/**
	 * How long from detection to a milestone (time to acknowledge, to mitigate, to resolve; null when
	 * skipped), or one step from a milestone reached to the next ("acknowledgement to mitigation").
	 */
	record Gap(String name, String from, String to, Duration length) {
	}

	/** One line of the record: when, who (a name, or "Firebreak"), what. */
	record Line(Instant at, String who, String text) {
	}

	/** What the resolution said. */
	record Resolved(String rootCause, boolean rootCauseDeferred, String containment, String guardrails, String followUps) {
	}
}
