package dev.firebreak.platform;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 9457 problems that any capability may raise. Each message says what was wrong and what
 * to do about it, because the reader is often a responder in the middle of an incident.
 */
public final class Problems {

	private Problems() {
	}

	public static ErrorResponseException notFound(String detail) {
		return problem(HttpStatus.NOT_FOUND, "Not found", detail, Map.of());
	}

	public static ErrorResponseException conflict(String detail) {
		return problem(HttpStatus.CONFLICT, "Conflict", detail, Map.of());
	}

	public static ErrorResponseException conflict(String detail, Map<String, Object> properties) {
		return problem(HttpStatus.CONFLICT, "Conflict", detail, properties);
	}

	/** A field of the request body that is well-formed but not acceptable. */
	public static ErrorResponseException invalid(String pointer, String detail) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", detail,
				Map.of("errors", List.of(new FieldProblem(pointer, detail))));
	}

	public static ErrorResponseException problem(HttpStatus status, String title, String detail,
			Map<String, Object> properties) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		properties.forEach(problem::setProperty);
		return new ErrorResponseException(status, problem, null);
	}

	/** One entry of a problem's {@code errors}: a JSON pointer into the request and what is wrong there. */
	public record FieldProblem(String pointer, String detail) {
	}
}
