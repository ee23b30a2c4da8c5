package dev.firebreak.drill.internal;

import org.springframework.web.bind.annotation.ControllerAdvice;

import dev.firebreak.platform.PageProblems;

/** What the drill pages answer when something is wrong: a page in words, never a stack trace. */
@ControllerAdvice(assignableTypes = DrillPages.class)
class DrillPageProblems extends PageProblems {

	DrillPageProblems() {
		super("/drills", "Back to the drills");
	}
}
