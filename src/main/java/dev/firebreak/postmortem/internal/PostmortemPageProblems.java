package dev.firebreak.postmortem.internal;

import org.springframework.web.bind.annotation.ControllerAdvice;

import dev.firebreak.platform.PageProblems;

/** What the post-mortem pages answer when something is wrong: the shared problem page, in words. */
@ControllerAdvice(assignableTypes = PostmortemPages.class)
class PostmortemPageProblems extends PageProblems {

	PostmortemPageProblems() {
		super("/postmortems", "Back to the post-mortems");
	}
}
