package dev.firebreak.alerting.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.firebreak.alerting.AlertSeverity;

/**
 * A job that promises to ping every {@code period}; {@code grace} later, silence is an alert.
 *
 * @param state new (never pinged), up, or down (missed or failed; the next success brings it up)
 * @param startedAt the start of the run under way, with its {@code startRid} if the job sent one
 * @param deadline when silence becomes an alert; null while new or down
 */
record Heartbeat(UUID integrationId, Duration period, Duration grace, AlertSeverity severity, State state,
		Instant lastPingAt, String lastPingKind, Instant startedAt, String startRid, Instant deadline) {

	/** A success: up, and the next ping due a period (and grace) from now. */
	Heartbeat succeeded(Instant now) {
		return new Heartbeat(integrationId, period, grace, severity, State.UP, now, "success", null, null,
				now.plus(period).plus(grace));
	}

	/** A run started: it must finish within the grace time (a heartbeat already down stays down). */
	Heartbeat started(Instant now, String rid) {
		return new Heartbeat(integrationId, period, grace, severity, state, now, "start", now, rid,
				state == State.DOWN ? null : now.plus(grace));
	}

	Heartbeat failed(Instant now) {
		return new Heartbeat(integrationId, period, grace, severity, State.DOWN, now, "fail", null, null, null);
	}

	/** A log line: seen, nothing else changes. */
	Heartbeat logged(Instant now) {
		return new Heartbeat(integrationId, period, grace, severity, state, now, "log", startedAt, startRid, deadline);
	}

	/** Silent past its deadline. */
	Heartbeat missed() {
		return new Heartbeat(integrationId, period, grace, severity, State.DOWN, lastPingAt, lastPingKind, null, null,
				null);
	}

	/** A new schedule; an up heartbeat between runs is due again by it. */
	Heartbeat rescheduled(Duration newPeriod, Duration newGrace, AlertSeverity newSeverity) {
		var due = state == State.UP && lastPingAt != null && startedAt == null
				? lastPingAt.plus(newPeriod).plus(newGrace) : deadline;
		return new Heartbeat(integrationId, newPeriod, newGrace, newSeverity, state, lastPingAt, lastPingKind, startedAt,
				startRid, due);
	}

	/** How long the run took, if this finish belongs to a start (same run id, or none given). */
	Long runMillis(Instant now, String rid) {
		return startedAt != null && (rid == null || rid.equals(startRid))
				? Duration.between(startedAt, now).toMillis() : null;
	}

	enum State {

		NEW, UP, DOWN;

		@JsonValue
		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}
	}
}
