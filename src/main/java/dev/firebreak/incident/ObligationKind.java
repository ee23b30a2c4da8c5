package dev.firebreak.incident;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an incident owes, by the book. Every timing comes from {@code firebreak.policy}. */
public enum ObligationKind {

	/** Choose a severity from user impact; past due the policy's default severity is given. */
	CLASSIFY,
	/** Fill a role the severity requires; past due the next escalation level and the commander are paged. */
	ROLE,
	/** Mitigate: past due a SEV2 opens a war room, later it runs with SEV1 procedures. */
	MITIGATE,
	/** Show mitigation progress after the acknowledgement; past due the escalation moves up one level. */
	PROGRESS,
	/** Answer the war room's checkpoint questions. */
	CHECKPOINT,
	/** Consider handing the command to a fresh incident commander. */
	IC_ROTATION,
	/** Post a status update to one audience on its cadence (owned by the communication capability). */
	UPDATE,
	/** Write, review and publish the post-mortem, and review its action items. */
	POSTMORTEM;

	@JsonValue
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
