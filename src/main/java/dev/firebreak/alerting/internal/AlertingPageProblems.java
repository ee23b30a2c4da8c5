package dev.firebreak.alerting.internal;

import java.util.Arrays;
import java.util.UUID;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** What the alerting pages answer when something is wrong: a page in words, never a stack trace. */
@ControllerAdvice(assignableTypes = { AlertPages.class, IntegrationPages.class })
class AlertingPageProblems {

	static final String PROBLEM_VIEW = "alerting/problem";

	@ExceptionHandler(NotFound.class)
	ModelAndView notFound(NotFound e) {
		return problem(HttpStatus.NOT_FOUND, e.title, e.detail);
	}

	@ExceptionHandler(ErrorResponseException.class)
	ModelAndView refused(ErrorResponseException e) {
		var title = e.getBody().getTitle();
		return problem(HttpStatus.valueOf(e.getStatusCode().value()), title == null ? "That did not work" : title,
				detail(e));
	}

	@ExceptionHandler(TypeMismatchException.class)
	ModelAndView mismatch(TypeMismatchException e) {
		var expected = e.getRequiredType();
		var choices = expected != null && expected.isEnum()
				? " Choose one of: " + String.join(", ",
						Arrays.stream(expected.getEnumConstants()).map(Object::toString).toList()) + "."
				: "";
		return problem(HttpStatus.BAD_REQUEST, "Not understood",
				"'" + e.getValue() + "' is not something Firebreak knows here." + choices);
	}

	@ExceptionHandler(ServletRequestBindingException.class)
	ModelAndView incomplete(ServletRequestBindingException e) {
		return problem(HttpStatus.BAD_REQUEST, "Incomplete form",
				"The form was sent without a value it needs. Go back, fill it in and send it again.");
	}

	static String detail(ErrorResponseException e) {
		var detail = e.getBody().getDetail();
		return detail == null || detail.isBlank() ? "Firebreak could not do that (" + e.getStatusCode() + ")." : detail;
	}

	/** An id from the address; null when it is not one, so the page answers "not found" rather than "bad request". */
	static UUID uuid(String text) {
		try {
			return text == null ? null : UUID.fromString(text);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static ModelAndView problem(HttpStatus status, String title, String detail) {
		var view = new ModelAndView(PROBLEM_VIEW, status);
		view.addObject("status", status.value());
		view.addObject("title", title);
		view.addObject("detail", detail);
		return view;
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
