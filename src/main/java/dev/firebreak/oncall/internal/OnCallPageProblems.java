package dev.firebreak.oncall.internal;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import dev.firebreak.platform.PageProblems;

/** What the on-call pages answer when something is wrong: a page in words, never a stack trace. */
@ControllerAdvice(assignableTypes = SchedulePages.class)
class OnCallPageProblems extends PageProblems {

	OnCallPageProblems() {
		super("oncall/problem");
	}

	@ExceptionHandler(NotFound.class)
	ModelAndView notFound(NotFound e) {
		return problem(HttpStatus.NOT_FOUND, e.title, e.detail);
	}

	/** An id from the address; null when it is not one, so the page answers "not found". */
	static UUID uuid(String text) {
		try {
			return text == null ? null : UUID.fromString(text);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	/** Something the address names that is not there. */
	static final class NotFound extends RuntimeException {

		private final String title;

		private final String detail;

		NotFound(String title, String detail) {
			super(title, null, false, false);
			this.title = title;
			this.detail = detail;
		}
	}
}
