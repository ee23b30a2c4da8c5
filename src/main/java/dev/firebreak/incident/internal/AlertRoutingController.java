package dev.firebreak.incident.internal;

import java.time.Duration;
import java.util.UUID;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.alerting.AlertSeverity;
import dev.firebreak.catalog.Catalog;
import dev.firebreak.identity.AdminOnly;
import dev.firebreak.platform.Problems;

/**
 * {@code /api/v1/services/{id}/alert-routing}: what the service's alerts open. Everyone reads it;
 * administrators change it (it decides who is woken up).
 */
@RestController
class AlertRoutingController {

	private final AlertRoutings routings;

	private final Catalog catalog;

	AlertRoutingController(AlertRoutings routings, Catalog catalog) {
		this.routings = routings;
		this.catalog = catalog;
	}

	@GetMapping("/api/v1/services/{serviceId}/alert-routing")
	RoutingView get(@PathVariable UUID serviceId) {
		if (catalog.service(serviceId).isEmpty()) {
			throw Problems.notFound("No service " + serviceId + "; GET /api/v1/services lists them");
		}
		var own = routings.own(serviceId);
		return view(routings.of(serviceId), own.isPresent());
	}

	/** Fields absent keep their value; {@code none} opens no incident. */
	@PutMapping("/api/v1/services/{serviceId}/alert-routing")
	@AdminOnly
	RoutingView change(@PathVariable UUID serviceId, @RequestBody Change request) {
		return view(routings.change(serviceId, request.critical(), request.error(), request.warning(), request.info(),
				request.groupingWindow()), true);
	}

	@DeleteMapping("/api/v1/services/{serviceId}/alert-routing")
	@AdminOnly
	RoutingView reset(@PathVariable UUID serviceId) {
		return view(routings.reset(serviceId), false);
	}

	private static RoutingView view(AlertRouting routing, boolean own) {
		return new RoutingView(AlertRouting.name(routing.severityFor(AlertSeverity.CRITICAL)),
				AlertRouting.name(routing.severityFor(AlertSeverity.ERROR)),
				AlertRouting.name(routing.severityFor(AlertSeverity.WARNING)),
				AlertRouting.name(routing.severityFor(AlertSeverity.INFO)), routing.groupingWindow().toString(), !own);
	}

	record Change(String critical, String error, String warning, String info, Duration groupingWindow) {
	}

	/** {@code defaults}: the service made no choice of its own and follows the installation's. */
	record RoutingView(String critical, String error, String warning, String info, String groupingWindow,
			boolean defaults) {
	}
}
