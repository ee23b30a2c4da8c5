package dev.firebreak.alerting.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import tools.jackson.databind.json.JsonMapper;

import dev.firebreak.alerting.AlertSeverity;
import dev.firebreak.alerting.Integration;
import dev.firebreak.identity.AuditLog;
import dev.firebreak.platform.Problems;

/**
 * Heartbeats, after the Healthchecks.io convention: a job pings when it succeeds (or starts,
 * fails, or just logs); a failure, or silence past its period and grace, raises an alert on the
 * integration's service, and the next success resolves it. Each change of state and the alert it
 * raises or resolves are one transaction, so a heartbeat is never down without its alert.
 */
@Component
class Heartbeats {

	static final Duration DEFAULT_PERIOD = Duration.ofDays(1);

	static final Duration DEFAULT_GRACE = Duration.ofHours(1);

	/** The dedup key of a heartbeat's alert: one open alert per heartbeat. */
	static final String ALERT_KEY = "heartbeat";

	private static final Duration SHORTEST = Duration.ofMinutes(1);

	private static final Duration LONGEST = Duration.ofDays(365);

	private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

	private final HeartbeatStore store;

	private final IntegrationStore integrations;

	private final AlertFold fold;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final JsonMapper json;

	private final AuditLog audit;

	Heartbeats(HeartbeatStore store, IntegrationStore integrations, AlertFold fold, TransactionOperations transactions,
			Clock clock, JsonMapper json, AuditLog audit) {
		this.store = store;
		this.integrations = integrations;
		this.fold = fold;
		this.transactions = transactions;
		this.clock = clock;
		this.json = json;
		this.audit = audit;
	}

	/** The period and grace a new heartbeat integration starts with, checked. */
	void create(UUID integrationId, Duration period, Duration grace, AlertSeverity severity) {
		store.insert(integrationId, checked("/period", period, DEFAULT_PERIOD), checked("/grace", grace, DEFAULT_GRACE),
				severity == null ? AlertSeverity.ERROR : severity);
	}

	Heartbeat schedule(UUID integrationId, Duration period, Duration grace, AlertSeverity severity) {
		return transactions.execute(status -> {
			var current = store.lock(integrationId).orElseThrow(() -> notAHeartbeat(integrationId));
			var newPeriod = checked("/period", period, current.period());
			var newGrace = checked("/grace", grace, current.grace());
			store.save(current.rescheduled(newPeriod, newGrace, severity == null ? current.severity() : severity));
			audit.record("heartbeat.updated", "integration", integrationId.toString(),
					"period " + newPeriod + ", grace " + newGrace);
			return store.find(integrationId).orElseThrow();
		});
	}

	/** Drops a deleted integration's heartbeat and its pings (nothing when it is not a heartbeat). */
	void forget(UUID integrationId) {
		store.delete(integrationId);
	}

	Heartbeat get(UUID integrationId) {
		return store.find(integrationId).orElseThrow(() -> notAHeartbeat(integrationId));
	}

	/**
	 * A ping: {@code success}, {@code start}, {@code fail} or {@code log}, with the job's exit code
	 * if it sent one, its run id, and up to {@link PingController#BODY_LIMIT} bytes of what it posted.
	 */
	void ping(Integration integration, String kind, Integer exitCode, String rid, String method, String address,
			String body) {
		transactions.executeWithoutResult(status -> {
			var now = clock.instant();
			var current = store.lock(integration.id()).orElseThrow(() -> notAHeartbeat(integration.id()));
			store.recordPing(integration.id(), new HeartbeatStore.Ping(kind, exitCode, rid,
					"success".equals(kind) || "fail".equals(kind) ? current.runMillis(now, rid) : null, method, address,
					body, now));
			switch (kind) {
				case "success" -> {
					store.save(current.succeeded(now));
					if (current.state() == Heartbeat.State.DOWN) {
						fold.apply(List.of(new IngestCommand.Resolve(integration, ALERT_KEY)));
					}
				}
				case "start" -> store.save(current.started(now, rid));
				case "fail" -> {
					store.save(current.failed(now));
					raise(integration, current, exitCode == null ? integration.name() + " reported a failure"
							: integration.name() + " failed with exit code " + exitCode, body);
				}
				default -> store.save(current.logged(now));
			}
		});
	}

	/**
	 * Heartbeats silent past their deadline go down and raise their alert. Every instance looks;
	 * the row lock and the state check make one of them do it.
	 */
	@Scheduled(fixedDelayString = "${firebreak.heartbeat.watch}", initialDelayString = "${firebreak.heartbeat.watch}")
	void watch() {
		var now = clock.instant();
		for (var id : store.overdue(now)) {
			try {
				transactions.executeWithoutResult(status -> store.lock(id)
					.filter(heartbeat -> heartbeat.state() != Heartbeat.State.DOWN && heartbeat.deadline() != null
							&& heartbeat.deadline().isBefore(now))
					.ifPresent(heartbeat -> integrations.find(id).ifPresent(integration -> {
						store.save(heartbeat.missed());
						raise(integration, heartbeat, heartbeat.startedAt() != null
								? integration.name() + " started at " + heartbeat.startedAt() + " and did not finish within "
										+ heartbeat.grace()
								: heartbeat.lastPingAt() == null ? integration.name() + " has not pinged"
										: integration.name() + " missed its ping: none since " + heartbeat.lastPingAt()
												+ " (every " + heartbeat.period() + ", grace " + heartbeat.grace() + ")",
								null);
					})));
			}
			catch (RuntimeException e) {
				log.warn("Could not mark heartbeat {} down; the next watch tries again", id, e);
			}
		}
	}

	private void raise(Integration integration, Heartbeat heartbeat, String summary, String body) {
		var payload = new LinkedHashMap<String, Object>();
		payload.put("heartbeat", integration.name());
		payload.put("period", heartbeat.period().toString());
		payload.put("grace", heartbeat.grace().toString());
		payload.put("last_ping_at", heartbeat.lastPingAt() == null ? null : heartbeat.lastPingAt().toString());
		if (body != null && !body.isEmpty()) {
			payload.put("body", body);
		}
		fold.apply(List.of(new IngestCommand.Trigger(integration, ALERT_KEY, heartbeat.severity(), summary,
				"heartbeat", json.writeValueAsString(payload))));
	}

	private static Duration checked(String pointer, Duration value, Duration otherwise) {
		if (value == null) {
			return otherwise;
		}
		if (value.compareTo(SHORTEST) < 0 || value.compareTo(LONGEST) > 0) {
			throw Problems.invalid(pointer, pointer.substring(1) + " must be between PT1M and P365D (ISO-8601), not " + value);
		}
		return value;
	}

	private static RuntimeException notAHeartbeat(UUID id) {
		return Problems.notFound("Integration " + id + " is not a heartbeat");
	}

}
