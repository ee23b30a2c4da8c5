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
 * @param deadline when silence becomes an alert; null while new or down
 */
record Heartbeat(UUID integrationId, Duration period, Duration grace, AlertSeverity severity, State state,
		Instant lastPingAt, String lastPingKind, Instant startedAt, Instant deadline) {

	enum State {

		NEW, UP, DOWN;

		@JsonValue
		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}
	}
}
