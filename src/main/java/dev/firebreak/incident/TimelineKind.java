package dev.firebreak.incident;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a timeline entry records. Every change writes its own entry; people add notes and corrections. */
public enum TimelineKind {

	DECLARED, SEVERITY_CHANGED, STATUS_CHANGED, ROLE_ASSIGNED, ROLE_HANDED_OVER, ROLE_UNASSIGNED, MITIGATION, NOTE,
	CORRECTION, ALERT,
	/** A page sent, an escalation to the next level, an escalation that ran out: written by the paging capabilities. */
	PAGING,
	/** What the platform did by the book: a war room opened, SEV1 procedures applied, an obligation missed. */
	POLICY,
	/** A war-room checkpoint: the prompt, and the commander's answers to its questions. */
	CHECKPOINT,
	/** A decision, with who decided. */
	DECISION,
	/** A mitigation action: announced before it runs, then its result. */
	ACTION,
	/** A status update to one of the three audiences, written by the communication capability. */
	STATUS_UPDATE,
	/** The resolution: the gate's verdict, an override and its reason, the post-mortem requirement. */
	RESOLUTION;

	@JsonValue
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
