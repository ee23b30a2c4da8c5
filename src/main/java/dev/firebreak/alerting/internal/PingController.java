package dev.firebreak.alerting.internal;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.alerting.IntegrationType;

/**
 * The ping URLs of heartbeats, as Healthchecks.io clients call them: {@code /ping/<uuid>} (the
 * integration's routing key written as a UUID) and its {@code /start}, {@code /fail}, {@code /log}
 * and {@code /<exit code>}, by HEAD, GET or POST, answered in plain text.
 */
@RestController
class PingController {

	/** Bytes of a POST body kept with the ping; the rest is cut off, and the ping still counts. */
	static final int BODY_LIMIT = 10_000;

	private static final Pattern UUID_FORMAT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final Pattern EXIT_CODE = Pattern.compile("[0-9]+");

	private final IntegrationKeys integrations;

	private final Heartbeats heartbeats;

	private final IngestRateLimiter limiter;

	PingController(IntegrationKeys integrations, Heartbeats heartbeats, IngestRateLimiter limiter) {
		this.integrations = integrations;
		this.heartbeats = heartbeats;
		this.limiter = limiter;
	}

	@RequestMapping(value = { "/ping/{uuid}", "/ping/{uuid}/{action}" },
			method = { RequestMethod.GET, RequestMethod.HEAD, RequestMethod.POST })
	ResponseEntity<String> ping(@PathVariable String uuid, @PathVariable(required = false) String action,
			HttpServletRequest request) throws IOException {
		var rid = rid(request);
		if (!UUID_FORMAT.matcher(uuid).matches() || (rid != null && !UUID_FORMAT.matcher(rid).matches())) {
			return answer(HttpStatus.BAD_REQUEST, "invalid uuid format");
		}
		String kind;
		Integer exitCode = null;
		if (action == null) {
			kind = "success";
		}
		else if (EXIT_CODE.matcher(action).matches()) {
			// any number is an exit code; past 255 (however many digits) it cannot be one
			var digits = action.replaceFirst("^0+(?=.)", "");
			if (digits.length() > 3 || Integer.parseInt(digits) > 255) {
				return answer(HttpStatus.BAD_REQUEST, "invalid url format");
			}
			exitCode = Integer.valueOf(digits);
			kind = exitCode == 0 ? "success" : "fail";
		}
		else if (action.equals("start") || action.equals("fail") || action.equals("log")) {
			kind = action;
		}
		else {
			return answer(HttpStatus.NOT_FOUND, "not found");
		}
		var integration = integrations.byRoutingKey(uuid.replace("-", "").toLowerCase(Locale.ROOT))
			.filter(found -> found.type() == IntegrationType.HEARTBEAT);
		if (integration.isEmpty()) {
			return answer(HttpStatus.NOT_FOUND, "not found");
		}
		if (!limiter.tryAcquire(integration.get())) {
			return answer(HttpStatus.TOO_MANY_REQUESTS, "rate limited");
		}
		heartbeats.ping(integration.get(), kind, exitCode, rid == null ? null : rid.toLowerCase(Locale.ROOT),
				request.getMethod(), request.getRemoteAddr(), body(request));
		return answer(HttpStatus.OK, "OK");
	}

	/**
	 * {@code ?rid=}, read from the query string itself: asking the request for a parameter makes
	 * the servlet container parse a form body as parameters, and {@code curl --data-raw "$output"}
	 * (how Healthchecks.io tells jobs to send their output) posts one, which would then be lost.
	 */
	private static String rid(HttpServletRequest request) {
		var query = request.getQueryString();
		if (query == null) {
			return null;
		}
		for (var pair : query.split("&")) {
			var equals = pair.indexOf('=');
			if ((equals < 0 ? pair : pair.substring(0, equals)).equals("rid")) {
				var value = equals < 0 ? "" : pair.substring(equals + 1);
				try {
					return URLDecoder.decode(value, StandardCharsets.UTF_8);
				}
				catch (IllegalArgumentException malformed) {
					// a broken %-escape is no UUID either; the caller says so
					return value;
				}
			}
		}
		return null;
	}

	/** Up to the limit, as text: bytes that are not UTF-8 become U+FFFD rather than refusing the ping. */
	private static String body(HttpServletRequest request) throws IOException {
		if (!"POST".equals(request.getMethod())) {
			return null;
		}
		var bytes = request.getInputStream().readNBytes(BODY_LIMIT);
		if (bytes.length == 0) {
			return null;
		}
		var text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
		// a database text column takes no NUL characters
		return text.replace('\u0000', '\uFFFD');
	}

	private static ResponseEntity<String> answer(HttpStatus status, String text) {
		return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN)
			.header("Ping-Body-Limit", String.valueOf(BODY_LIMIT)).body(text);
	}
}
