package dev.firebreak.statuspage.internal;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import dev.firebreak.platform.PageProblems;

/**
 * What the status page's administration answers when something is wrong: a page in words. A
 * person whose role does not allow a change is told which role does, rather than shown a bare 403.
 */
@ControllerAdvice(assignableTypes = { StatusPageAdminPages.class, MaintenancePages.class, PreviewPages.class })
class StatusPagePageProblems extends PageProblems {

	StatusPagePageProblems() {
		super("/status-page", "Back to the status page's administration");
	}

	@ExceptionHandler(AccessDeniedException.class)
	ModelAndView notAllowed(AccessDeniedException e) {
		return problem(HttpStatus.FORBIDDEN, "Not allowed",
				"Only administrators change the page's settings, groups and components; responders set a component's "
						+ "status, run scheduled maintenance and preview updates. Ask an administrator if you need this.");
	}
}
