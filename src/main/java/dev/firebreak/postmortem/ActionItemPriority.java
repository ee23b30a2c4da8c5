package dev.firebreak.postmortem;

/** How urgent an action item is: P0 first. Written {@code "P0"}..{@code "P2"} in JSON, like severities. */
public enum ActionItemPriority {

	/** Prevents a repeat of a severe incident: do it now. */
	P0,
	/** Should be done within the post-mortem's follow-up period. */
	P1,
	/** Worth doing; scheduled with the team's other work. */
	P2
}
