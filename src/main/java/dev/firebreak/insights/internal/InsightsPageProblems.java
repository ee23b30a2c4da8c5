package dev.firebreak.insights.internal;

import org.springframework.web.bind.annotation.ControllerAdvice;

import dev.firebreak.platform.PageProblems;

/** What the insights pages answer to a period they cannot show: a page in words, never a stack trace. */
@ControllerAdvice(assignableTypes = InsightsPages.class)
class InsightsPageProblems extends PageProblems {

	InsightsPageProblems() {
		super("/insights", "Back to insights");
	}
}
