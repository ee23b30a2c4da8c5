package dev.firebreak.incident;

/**
 * How much users are hurt right now, never how frightening the suspected cause sounds. An
 * incident may have none yet (unclassified) while the first responder looks.
 */
public enum Severity {

	/** Complete outage, major functionality broken, data loss or integrity at risk, security breach. */
	SEV1,
	/** Degraded core functionality, some customers affected, revenue impact. */
	SEV2,
	/** Limited impact, a workaround exists, a small group of users. */
	SEV3,
	/** Cosmetic, an edge case, internal only. */
	SEV4
}
