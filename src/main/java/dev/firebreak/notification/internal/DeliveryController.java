package dev.firebreak.notification.internal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.platform.Page;

/** What was sent to whom about an incident, and how it went. */
@RestController
class DeliveryController {

	private final DeliveryLog log;

	DeliveryController(DeliveryLog log) {
		this.log = log;
	}

	@GetMapping("/api/v1/incidents/{id}/notifications")
	Page<DeliveryLog.Row> ofIncident(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user) {
		var rows = log.ofIncident(id, user);
		return new Page<>(rows, rows.size());
	}
}
