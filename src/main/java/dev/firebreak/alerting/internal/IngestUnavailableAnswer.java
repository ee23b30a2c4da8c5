package dev.firebreak.alerting.internal;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Events that could not be stored are answered 503 with {@code Retry-After} on every inbound
 * endpoint: the one answer that Events v2 clients, Alertmanager and Grafana all retry. The
 * database's own words for a failure (its SQL, the driver's message), which the writer puts in
 * parentheses and logs, stay in the log.
 */
class IngestUnavailableAnswer {

	private static final Pattern CAUSE = Pattern.compile("\\s*\\(.*\\)", Pattern.DOTALL);

	ResponseEntity<Map<String, Object>> unavailable(IngestUnavailable e) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
			.body(Map.of("status", "unavailable", "message", "Event not stored; retry", "errors",
					List.of("Not stored: " + CAUSE.matcher(String.valueOf(e.getMessage())).replaceAll("") + ".")));
	}
}
