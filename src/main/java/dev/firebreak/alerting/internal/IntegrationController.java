package dev.firebreak.alerting.internal;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.alerting.AlertSeverity;
import dev.firebreak.alerting.Integration;
import dev.firebreak.alerting.IntegrationType;
import dev.firebreak.catalog.Catalog;
import dev.firebreak.identity.AdminOnly;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.platform.Problems;

/**
 * A service's integrations. Everyone sees which exist; only administrators see and change their
 * routing keys, which are credentials.
 */
@RestController
class IntegrationController {

	private final IntegrationKeys integrations;

	private final IntegrationStore store;

	private final Catalog catalog;

	private final IngestRateLimiter limiter;

	IntegrationController(IntegrationKeys integrations, IntegrationStore store, Catalog catalog,
			IngestRateLimiter limiter) {
		this.integrations = integrations;
		this.store = store;
		this.catalog = catalog;
		this.limiter = limiter;
	}

	@PostMapping("/api/v1/services/{serviceId}/integrations")
	@AdminOnly
	ResponseEntity<IntegrationView> create(@PathVariable UUID serviceId, @Valid @RequestBody NewIntegration request) {
		var integration = integrations.create(serviceId, request.type(), request.name(), request.period(),
				request.grace(), request.severity());
		return ResponseEntity.created(URI.create("/api/v1/integrations/" + integration.id()))
			.body(view(integration, true));
	}

	@GetMapping("/api/v1/services/{serviceId}/integrations")
	List<IntegrationView> list(@PathVariable UUID serviceId, @AuthenticationPrincipal FirebreakUser user) {
		if (catalog.service(serviceId).isEmpty()) {
			throw Problems.notFound("No service " + serviceId + "; GET /api/v1/services lists them");
		}
		return store.forService(serviceId).stream().map(i -> view(i, user.isAdmin())).toList();
	}

	@GetMapping("/api/v1/integrations/{id}")
	IntegrationView get(@PathVariable UUID id, @AuthenticationPrincipal FirebreakUser user) {
		return view(integrations.get(id), user.isAdmin());
	}

	@PutMapping("/api/v1/integrations/{id}")
	@AdminOnly
	IntegrationView update(@PathVariable UUID id, @Valid @RequestBody IntegrationUpdate request) {
		return view(integrations.update(id, request.name(), request.ratePerSecond()), true);
	}

	@PostMapping("/api/v1/integrations/{id}/routing-key")
	@AdminOnly
	IntegrationView regenerate(@PathVariable UUID id) {
		return view(integrations.regenerate(id), true);
	}

	@DeleteMapping("/api/v1/integrations/{id}")
	@AdminOnly
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID id) {
		integrations.delete(id);
	}

	private IntegrationView view(Integration integration, boolean withKey) {
		return new IntegrationView(integration.id(), integration.serviceId(), integration.type(), integration.name(),
				integration.createdAt(), integration.keyRotatedAt(), integration.ratePerSecond() == null
						? limiter.defaultRatePerSecond() : integration.ratePerSecond(),
				withKey ? integrations.routingKey(integration.id()) : null);
	}

	/** {@code period}, {@code grace} (ISO-8601) and {@code severity} of a heartbeat's alert: heartbeats only. */
	record NewIntegration(@NotNull IntegrationType type, @Size(max = 100) String name, Duration period, Duration grace,
			AlertSeverity severity) {
	}

	/** {@code rate_per_second} null or absent: the installation's default. */
	record IntegrationUpdate(@Size(max = 100) String name,
			@Min(value = 1, message = "must be at least 1 event per second") @Max(value = 1_000_000, message = "must be at most 1,000,000 events per second") Integer ratePerSecond) {
	}

	/** {@code routing_key} is present for administrators only. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record IntegrationView(UUID id, UUID serviceId, IntegrationType type, String name, Instant createdAt,
			Instant keyRotatedAt, int ratePerSecond, String routingKey) {
	}
}
