package dev.firebreak.incident;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a timeline entry records. Every change writes its own entry; people add notes and corrections. */
public enum TimelineKind {

	DECLARED, SEVERITY_CHANGED, STATUS_CHANGED, ROLE_ASSIGNED, ROLE_HANDED_OVER, ROLE_UNASSIGNED, MITIGATION, NOTE,
	CORRECTION, ALERT,
	/** A page sent, an escalation to the next level, an escalation that ran out: written by the paging capabilities. */
	PAGING;

	@JsonValue
	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
