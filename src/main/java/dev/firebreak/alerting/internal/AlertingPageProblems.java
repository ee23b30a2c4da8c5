package dev.firebreak.alerting.internal;

import org.springframework.web.bind.annotation.ControllerAdvice;

import dev.firebreak.platform.PageProblems;

/** What the alerting pages answer when something is wrong: a page in words, never a stack trace. */
@ControllerAdvice(assignableTypes = { AlertPages.class, IntegrationPages.class })
class AlertingPageProblems extends PageProblems {

	AlertingPageProblems() {
		super("/alerts", "Back to the alerts");
	}
}
