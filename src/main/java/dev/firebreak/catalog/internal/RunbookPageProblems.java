package dev.firebreak.catalog.internal;

import org.springframework.web.bind.annotation.ControllerAdvice;

import dev.firebreak.platform.PageProblems;

/** What the runbook pages answer when something is wrong: a page in words, never a stack trace. */
@ControllerAdvice(assignableTypes = RunbookPages.class)
class RunbookPageProblems extends PageProblems {

	RunbookPageProblems() {
		super("/runbooks", "Back to the runbooks");
	}
}
