package dev.firebreak.escalation.internal;

import org.springframework.web.bind.annotation.ControllerAdvice;

import dev.firebreak.platform.PageProblems;

/** What the escalation pages answer when something is wrong: a page in words, never a stack trace. */
@ControllerAdvice(assignableTypes = { PolicyPages.class, EscalationFragments.class })
class EscalationPageProblems extends PageProblems {

	EscalationPageProblems() {
		super("/escalation-policies", "Back to the escalation policies");
	}
}
