package dev.firebreak.comms.internal;

import org.springframework.web.bind.annotation.ControllerAdvice;

import dev.firebreak.platform.PageProblems;

/** What the composer answers when something is wrong: the shared problem page, in words. */
@ControllerAdvice(assignableTypes = CommsPages.class)
class CommsPageProblems extends PageProblems {

	CommsPageProblems() {
		super("/", "Back to the incidents");
	}
}
