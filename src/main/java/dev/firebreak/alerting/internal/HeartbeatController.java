package dev.firebreak.alerting.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.alerting.AlertSeverity;
import dev.firebreak.alerting.Integration;
import dev.firebreak.identity.AdminOnly;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.platform.Page;

/**
 * Heartbeats through the API: their schedule, state and latest pings. The ping URL carries the
 * routing key, so only administrators see it.
 */
@RestController
class HeartbeatController {

	private static final int PINGS_SHOWN = 20;

	private final Heartbeats heartbeats;

	private final HeartbeatStore store;

	private final IntegrationKeys integrations;

	private final IntegrationStore integrationStore;

	HeartbeatController(Heartbeats heartbeats, HeartbeatStore store, IntegrationKeys integrations,
			IntegrationStore integrationStore) {
		this.heartbeats = heartbeats;
		this.store = store;
		this.integrations = integrations;
		this.integrationStore = integrationStore;
	}

	@GetMapping("/api/v1/heartbeats")
	Page<HeartbeatView> list(@RequestParam(required = false) UUID service, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal FirebreakUser user) {
		var request = Page.Request.of(page, size);
		var matching = store.all().stream()
			.flatMap(heartbeat -> integrationStore.find(heartbeat.integrationId()).stream()
				.filter(integration -> service == null || integration.serviceId().equals(service))
				.map(integration -> new Found(integration, heartbeat)))
			.toList();
		// the page's keys only are decrypted (for admins), not every heartbeat's
		return Page.of(matching, request)
			.map(found -> view(found.integration(), found.heartbeat(), user.isAdmin(), List.of()));
	}

	private record Found(Integration integration, Heartbeat heartbeat) {
	}

	@GetMapping("/api/v1/integrations/{id}/heartbeat")
	HeartbeatView get(@PathVariable UUID id, @AuthenticationPrincipal FirebreakUser user) {
		var integration = integrations.get(id);
		return view(integration, heartbeats.get(id), user.isAdmin(), store.pings(id, PINGS_SHOWN));
	}

	@PutMapping("/api/v1/integrations/{id}/heartbeat")
	@AdminOnly
	HeartbeatView schedule(@PathVariable UUID id, @RequestBody Schedule request) {
		var integration = integrations.get(id);
		return view(integration, heartbeats.schedule(id, request.period(), request.grace(), request.severity()), true,
				store.pings(id, PINGS_SHOWN));
	}

	private HeartbeatView view(Integration integration, Heartbeat heartbeat, boolean admin,
			List<HeartbeatStore.Ping> pings) {
		return new HeartbeatView(integration.id(), integration.serviceId(), integration.name(), heartbeat.state(),
				heartbeat.period().toString(), heartbeat.grace().toString(), heartbeat.severity(), heartbeat.lastPingAt(),
				heartbeat.lastPingKind(), heartbeat.startedAt(), heartbeat.deadline(),
				admin ? pingPath(integrations.routingKey(integration.id())) : null,
				pings.stream().map(ping -> new PingView(ping.kind(), ping.exitCode(), ping.rid(), ping.durationMillis(),
						ping.method(), ping.address(), ping.body(), ping.at())).toList());
	}

	/** {@code /ping/} and the routing key written as a UUID. */
	static String pingPath(String routingKey) {
		return "/ping/" + routingKey.substring(0, 8) + "-" + routingKey.substring(8, 12) + "-"
				+ routingKey.substring(12, 16) + "-" + routingKey.substring(16, 20) + "-" + routingKey.substring(20);
	}

	/** Absent fields keep their value. Durations are ISO-8601, from PT1M to P365D. */
	record Schedule(Duration period, Duration grace, AlertSeverity severity) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record HeartbeatView(UUID integrationId, UUID serviceId, String name, Heartbeat.State state, String period,
			String grace, AlertSeverity severity, Instant lastPingAt, String lastPingKind, Instant startedAt,
			Instant deadline, String pingPath, List<PingView> pings) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record PingView(String kind, Integer exitCode, String rid, Long durationMs, String method, String address,
			String body, Instant at) {
	}
}
