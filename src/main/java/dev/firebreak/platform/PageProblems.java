package dev.firebreak.platform;

import java.util.Arrays;
import java.util.UUID;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the pages answer when something is wrong: a page in words a person can act on, never a
 * stack trace. A module's page controller (or its advice) extends this with its own problem view
 * and adds handlers for what only it knows ("no such incident").
 */
public abstract class PageProblems {

	private static final String VIEW = "problem";

	private final String backHref;

	private final String backLabel;

	/** @param backHref where the page's one link leads (the module's list), with {@code backLabel} as its words */
	protected PageProblems(String backHref, String backLabel) {
		this.backHref = backHref;
		this.backLabel = backLabel;
	}

	@ExceptionHandler(ErrorResponseException.class)
	protected ModelAndView refused(ErrorResponseException e) {
		var title = e.getBody().getTitle();
		return problem(HttpStatus.valueOf(e.getStatusCode().value()), title == null ? "That did not work" : title,
				detail(e));
	}

	@ExceptionHandler(TypeMismatchException.class)
	protected ModelAndView mismatch(TypeMismatchException e) {
		var expected = e.getRequiredType();
		var choices = expected != null && expected.isEnum()
				? " Choose one of: " + String.join(", ",
						Arrays.stream(expected.getEnumConstants()).map(Object::toString).toList()) + "."
				: "";
		return problem(HttpStatus.BAD_REQUEST, "Not understood",
				"'" + e.getValue() + "' is not something Firebreak knows here." + choices);
	}

	@ExceptionHandler(ServletRequestBindingException.class)
	protected ModelAndView incomplete(ServletRequestBindingException e) {
		return problem(HttpStatus.BAD_REQUEST, "Incomplete form",
				"The form was sent without a value it needs. Go back, fill it in and send it again.");
	}

	@ExceptionHandler(NotFound.class)
	protected ModelAndView notFound(NotFound e) {
		return problem(HttpStatus.NOT_FOUND, e.title, e.detail);
	}

	/** An id from the address; null when it is not one, so the page answers "not found" rather than "bad request". */
	public static UUID uuid(String text) {
		try {
			return text == null ? null : UUID.fromString(text);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	/** Something a page's address names that is not there: answered with the module's problem page, 404. */
	public static final class NotFound extends RuntimeException {

		private final String title;

		private final String detail;

		public NotFound(String title, String detail) {
			super(title, null, false, false);
			this.title = title;
			this.detail = detail;
		}
	}

	/** The problem page with this status, title and explanation. */
	protected ModelAndView problem(HttpStatus status, String title, String detail) {
		var page = new ModelAndView(VIEW, status);
		page.addObject("backHref", backHref);
		page.addObject("backLabel", backLabel);
		page.addObject("status", status.value());
		page.addObject("title", title);
		page.addObject("detail", detail);
		return page;
	}

	/** What a refusal says to a person, or a plain sentence when it says nothing. */
	public static String detail(ErrorResponseException e) {
		var detail = e.getBody().getDetail();
		return detail == null || detail.isBlank() ? "Firebreak could not do that (" + e.getStatusCode() + ")." : detail;
	}
}
