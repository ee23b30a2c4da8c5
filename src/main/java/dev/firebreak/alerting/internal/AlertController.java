package dev.firebreak.alerting.internal;

import java.util.Set;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

	AlertController(AlertStore alerts) {
		this.alerts = alerts;
	}

	@GetMapping("/api/v1/alerts")
	Page<Alert> list(@RequestParam(required = false) Set<AlertStatus> status,
			@RequestParam(required = false) UUID service, @RequestParam(required = false) UUID integration,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return alerts.list(status == null ? Set.of() : status, service, integration, Page.Request.of(page, size));
	}

	/** One alert with the payload of its latest event, as it was sent (less the routing key). */
	@GetMapping("/api/v1/alerts/{id}")
	AlertView get(@PathVariable UUID id) {
		var alert = alerts.find(id)
			.orElseThrow(() -> Problems.notFound("No alert " + id + "; GET /api/v1/alerts lists them"));
		return new AlertView(alert, alerts.payload(id).orElse("null"));
	}

	record AlertView(@JsonUnwrapped Alert alert, @JsonRawValue String payload) {
	}
}
