package dev.firebreak.oncall.internal;

import org.springframework.web.bind.annotation.ControllerAdvice;

import dev.firebreak.platform.PageProblems;

/** What the on-call pages answer when something is wrong: a page in words, never a stack trace. */
@ControllerAdvice(assignableTypes = { SchedulePages.class, HandoffPages.class })
class OnCallPageProblems extends PageProblems {

	OnCallPageProblems() {
		super("/oncall", "Back to who is on call");
	}
}
