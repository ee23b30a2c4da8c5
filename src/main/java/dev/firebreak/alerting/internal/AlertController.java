package dev.firebreak.alerting.internal;

import java.util.Set;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.firebreak.alerting.Alert;
import dev.firebreak.alerting.AlertStatus;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Problems;

/** Alerts as the monitoring tools reported them, newest activity first. */
@RestController
class AlertController {

	private final AlertStore alerts;

	private final AlertIngest ingest;

	AlertController(AlertStore alerts, AlertIngest ingest) {
		this.alerts = alerts;
		this.ingest = ingest;
	}

	/** Someone is on it. An alert already acknowledged or resolved stays as it is. */
	@PostMapping("/api/v1/alerts/{id}/acknowledge")
	AlertView acknowledge(@PathVariable UUID id) {
		alert(id);
		ingest.acknowledge(id);
		return get(id);
	}

	@PostMapping("/api/v1/alerts/{id}/resolve")
	AlertView resolve(@PathVariable UUID id) {
		alert(id);
		ingest.resolve(id);
		return get(id);
	}

	@GetMapping("/api/v1/alerts")
	Page<Alert> list(@RequestParam(required = false) Set<AlertStatus> status,
			@RequestParam(required = false) UUID service, @RequestParam(required = false) UUID integration,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return alerts.list(status == null ? Set.of() : status, service, integration, Page.Request.of(page, size));
	}

	/**
	 * One alert with the payload of its latest event and of the event that opened it, as they were
	 * sent (less the routing key).
	 */
	@GetMapping("/api/v1/alerts/{id}")
	AlertView get(@PathVariable UUID id) {
		return new AlertView(alert(id), alerts.payload(id).orElse("null"), alerts.originalPayload(id).orElse("null"));
	}

	private Alert alert(UUID id) {
		return alerts.find(id)
			.orElseThrow(() -> Problems.notFound("No alert " + id + "; GET /api/v1/alerts lists them"));
	}

	record AlertView(@JsonUnwrapped Alert alert, @JsonRawValue String payload, @JsonRawValue String originalPayload) {
	}
}
