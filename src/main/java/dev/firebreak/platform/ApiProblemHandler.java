package dev.firebreak.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure of an API request into RFC 9457 problem details that say what was wrong
 * and where, so the person or script sending it can fix the request. Browser pages keep their
 * own error pages.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
		problem.setTitle("Unreadable request body");
		var cause = jacksonCause(ex);
		if (cause instanceof UnrecognizedPropertyException unknown) {
			var known = unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
			var pointer = pointer(unknown);
			var detail = "Unknown field '" + unknown.getPropertyName() + "'. Known fields here: "
					+ String.join(", ", known) + ".";
			problem.setDetail(detail);
			problem.setProperty("errors", List.of(new Problems.FieldProblem(pointer, detail)));
		}
		else if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class) {
			var pointer = pointer(invalid);
			var detail = "'" + pointer + "' " + invalid.getOriginalMessage() + ".";
			problem.setDetail(detail);
			problem.setProperty("errors", List.of(new Problems.FieldProblem(pointer, detail)));
		}
		else if (cause instanceof InvalidFormatException invalid) {
			var pointer = pointer(invalid);
			var detail = describeValue(invalid.getValue()) + " is not a valid " + describeType(invalid.getTargetType())
					+ " for '" + pointer + "'" + allowedValues(invalid.getTargetType()) + ".";
			problem.setDetail(detail);
			problem.setProperty("errors", List.of(new Problems.FieldProblem(pointer, detail)));
		}
		else if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
			var pointer = pointer(mismatched);
			var detail = "'" + pointer + "' must be " + article(describeType(mismatched.getTargetType()))
					+ allowedValues(mismatched.getTargetType()) + ".";
			problem.setDetail(detail);
			problem.setProperty("errors", List.of(new Problems.FieldProblem(pointer, detail)));
		}
		else if (cause instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
			// the body as a whole has the wrong shape, like a list where an object belongs
			problem.setDetail("The body must be " + article(describeType(mismatched.getTargetType())) + ".");
		}
		else if (cause instanceof StreamReadException malformed) {
			var location = malformed.getLocation();
			problem.setDetail("The body is not valid JSON"
					+ (location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")")
					+ ": " + malformed.getOriginalMessage() + ".");
		}
		else if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			var pointer = pointer(databind);
			var detail = "'" + pointer + "': " + databind.getOriginalMessage();
			problem.setDetail(detail);
			problem.setProperty("errors", List.of(new Problems.FieldProblem(pointer, detail)));
		}
		else if (cause instanceof JacksonException jackson) {
			problem.setDetail("The body could not be read: " + jackson.getOriginalMessage());
		}
		else {
			problem.setDetail("The request needs a JSON body (Content-Type: application/json).");
		}
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var errors = new ArrayList<Problems.FieldProblem>();
		ex.getBindingResult().getFieldErrors().forEach(error -> errors
				.add(new Problems.FieldProblem("/" + snakeCase(error.getField()).replace('.', '/'), error.getDefaultMessage())));
		ex.getBindingResult().getGlobalErrors()
				.forEach(error -> errors.add(new Problems.FieldProblem("", error.getDefaultMessage())));
		return handleExceptionInternal(ex, invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var errors = new ArrayList<Problems.FieldProblem>();
		ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors()
				.forEach(error -> errors.add(new Problems.FieldProblem(
						"/" + snakeCase(result.getMethodParameter().getParameterName()), error.getDefaultMessage()))));
		return handleExceptionInternal(ex, invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		var name = snakeCase(ex.getName());
		var cause = ex.getMostSpecificCause();
		// an enum converter's message lists the choices; other parsers' messages are noise to the reader
		var element = ResolvableType.forMethodParameter(ex.getParameter());
		var enumerated = element.resolve(Object.class).isEnum()
				|| (element.asCollection() != ResolvableType.NONE && element.asCollection().resolveGeneric(0) != null
						&& element.asCollection().resolveGeneric(0).isEnum());
		var choices = enumerated && cause instanceof IllegalArgumentException && cause.getMessage() != null;
		var detail = "'" + ex.getValue() + "' is not a valid " + name
				+ (choices ? ": " + cause.getMessage() : " (expected " + article(describeType(ex.getRequiredType())) + ")");
		var problem = invalid(List.of(new Problems.FieldProblem("/" + name, detail)));
		problem.setDetail(detail);
		return problem;
	}

	/** Two requests raced to save the same thing; the checks before the insert could not see the other one. */
	@ExceptionHandler(DuplicateKeyException.class)
	ProblemDetail duplicate(DuplicateKeyException ex) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"This conflicts with something saved at the same moment; look at what is there now and try again.");
		problem.setTitle("Conflict");
		return problem;
	}

	/**
	 * A failure nobody foresaw: logged in full with an id, answered with that id and nothing of
	 * the internals. Refusals of access go on to the security filters, which answer them.
	 */
	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) throws Exception {
		if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
			throw ex;
		}
		var id = UUID.randomUUID();
		log.error("Unexpected failure {} of an API request", id, ex);
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Firebreak failed to answer this request and changed nothing. The failure is logged as " + id
						+ "; an administrator can look it up. Trying again may work.");
		problem.setTitle("Internal error");
		problem.setProperty("failure_id", id.toString());
		return problem;
	}

	/** The outermost Jackson exception: it knows the path; the cause below it (a parser's) does not. */
	private static Throwable jacksonCause(HttpMessageNotReadableException ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException) {
				return cause;
			}
		}
		return ex.getMostSpecificCause();
	}

	private static ProblemDetail invalid(List<Problems.FieldProblem> errors) {
		var problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
		problem.setTitle("Invalid request");
		problem.setDetail(errors.stream()
				.map(e -> (e.pointer().isEmpty() ? "" : e.pointer() + ": ") + e.detail())
				.collect(Collectors.joining("; ")));
		problem.setProperty("errors", errors);
		return problem;
	}

	private static String pointer(DatabindException ex) {
		var pointer = new StringBuilder();
		for (var reference : ex.getPath()) {
			pointer.append('/');
			pointer.append(reference.getPropertyName() != null ? reference.getPropertyName() : reference.getIndex());
		}
		return pointer.toString();
	}

	private static String describeValue(Object value) {
		return value instanceof String ? "'" + value + "'" : String.valueOf(value);
	}

	private static String describeType(Class<?> type) {
		if (type == null) {
			return "value";
		}
		if (type.isEnum()) {
			return "choice";
		}
		if (type == String.class) {
			return "string";
		}
		if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
			return "number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "boolean (true or false)";
		}
		if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "list";
		}
		return switch (type.getSimpleName()) {
			case "UUID" -> "UUID";
			case "Instant" -> "UTC time like 2026-01-31T12:00:00Z";
			case "Duration" -> "ISO-8601 duration like PT15M";
			default -> type.isRecord() || Map.class.isAssignableFrom(type) ? "JSON object" : "value";
		};
	}

	private static String allowedValues(Class<?> type) {
		if (type == null || !type.isEnum()) {
			return "";
		}
		return " (one of: " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
				.collect(Collectors.joining(", ")) + ")";
	}

	private static String article(String noun) {
		return (noun.matches("^[aeiouAEIU].*") && !noun.startsWith("UTC") && !noun.startsWith("UUID") ? "an " : "a ") + noun;
	}

	static String snakeCase(String name) {
		return CAMEL_HUMP.matcher(name).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
	}

	/**
	 * A request under {@code /api} that reaches no controller (unknown path, method or media type)
	 * answers with problem details too. No controller means the advice above does not apply; other
	 * paths are left to the default error handling, so browsers keep their error pages.
	 */
	@RestControllerAdvice
	@Order(Ordered.LOWEST_PRECEDENCE)
	static class Unrouted {

		@ExceptionHandler({ NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
				HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class })
		ResponseEntity<ProblemDetail> unrouted(Exception ex, HttpServletRequest request) throws Exception {
			if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")
					|| !(ex instanceof ErrorResponse error)) {
				// rethrowing the same exception hands it on to the default handling, unlogged
				throw ex;
			}
			var problem = error.getBody();
			if (ex instanceof NoResourceFoundException) {
				problem.setTitle("Not found");
				problem.setDetail("No endpoint " + request.getMethod() + " " + request.getRequestURI()
						+ "; /v3/api-docs lists them.");
			}
			return ResponseEntity.status(error.getStatusCode()).headers(error.getHeaders()).body(problem);
		}
	}
}
