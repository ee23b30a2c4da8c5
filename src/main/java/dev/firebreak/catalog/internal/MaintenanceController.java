package dev.firebreak.catalog.internal;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.catalog.MaintenanceWindow;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.platform.Page;

/**
 * Maintenance windows. Responders plan them (they do the work); while one is open, the service's
 * alerts are recorded but open no incident and page nobody.
 */
@RestController
@RequestMapping("/api/v1")
class MaintenanceController {

	private final MaintenanceWindows windows;

	MaintenanceController(MaintenanceWindows windows) {
		this.windows = windows;
	}

	/** {@code starts_at} absent: now. {@code ends_at} required, at most 7 days after the start. */
	@PostMapping("/services/{serviceId}/maintenance-windows")
	ResponseEntity<MaintenanceWindow> plan(@PathVariable UUID serviceId, @RequestBody Plan request,
			@AuthenticationPrincipal FirebreakUser user) {
		var window = windows.plan(serviceId, request.startsAt(), request.endsAt(), request.reason(), user.id());
		return ResponseEntity.created(URI.create("/api/v1/maintenance-windows/" + window.id())).body(window);
	}

	@GetMapping("/services/{serviceId}/maintenance-windows")
	Page<MaintenanceWindow> list(@PathVariable UUID serviceId, @RequestParam(defaultValue = "false") boolean past,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return Page.of(windows.of(serviceId, past), Page.Request.of(page, size));
	}

	@GetMapping("/maintenance-windows/{id}")
	MaintenanceWindow get(@PathVariable UUID id) {
		return windows.get(id);
	}

	/** Ends an open window now, or cancels a planned one. */
	@DeleteMapping("/maintenance-windows/{id}")
	MaintenanceWindow end(@PathVariable UUID id) {
		return windows.end(id);
	}

	record Plan(Instant startsAt, Instant endsAt, String reason) {
	}
}
