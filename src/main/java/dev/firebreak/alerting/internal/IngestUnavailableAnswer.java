package dev.firebreak.alerting.internal;

import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Events that could not be stored are answered 503 with {@code Retry-After} on every inbound
 * endpoint: the one answer that Events v2 clients, Alertmanager and Grafana all retry.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = { EventsV2Controller.class, AlertmanagerController.class,
		WebhookController.class })
class IngestUnavailableAnswer {

	@ExceptionHandler(IngestUnavailable.class)
	ResponseEntity<Map<String, Object>> unavailable(IngestUnavailable e) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("status", "unavailable", "message", "Event not stored; retry", "errors",
					List.of("Not stored: " + e.getMessage() + ".")));
	}
}
