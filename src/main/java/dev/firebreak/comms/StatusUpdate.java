package dev.firebreak.comms;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One update to one audience, as posted. Never edited: a correction is a new update.
 *
 * @param phase the public phase; null for the internal team and stakeholders
 * @param components the public components it concerns (public updates only; empty otherwise)
 * @param overriddenFindings the writing findings the author posted despite, with {@code overrideReason}
 * @param overrideReason why it was posted despite the findings; null when there were none
 */
public record StatusUpdate(UUID id, long incidentNumber, Audience audience, Phase phase, String text,
		List<String> components, UUID authorId, Instant postedAt, List<WritingFinding> overriddenFindings,
		String overrideReason) {

	/** A writing rule an update broke, as recorded: the rule, the offending words and the advice. */
	public record WritingFinding(String rule, String words, int start, int end, String message, String suggestion) {
	}
}
