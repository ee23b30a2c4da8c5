package dev.firebreak.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Severity;

/**
 * One fire drill on a service and how the response went, measured from its start (when its alert
 * was raised, which is when the drill incident was detected).
 *
 * @param runbookId the service's runbook the drill was recorded against; null when it had none
 * @param firstPageAt when the first page about the drill incident was handed to a channel; null before
 * @param acknowledgedBy who took the drill incident on; null before, or when nobody could be named
 * @param endedAt when the drill incident was resolved, by ending the drill or by its responders; null while it runs
 * @param endedBy who ended the drill; null while it runs, or when its responders resolved it
 * @param ackTarget the drill severity's ack target when it started
 * @param mitigateTarget the time by which the book wanted user impact stopped, from the start
 */
public record Drill(UUID id, UUID serviceId, UUID runbookId, Severity severity, String summary, UUID startedBy,
		Instant startedAt, UUID alertId, long incidentNumber, Instant firstPageAt, Instant acknowledgedAt,
		UUID acknowledgedBy, Instant mitigatedAt, Instant endedAt, UUID endedBy, Duration ackTarget,
		Duration mitigateTarget) {

	public String incidentId() {
		return Incident.PREFIX + incidentNumber;
	}

	public boolean isRunning() {
		return endedAt == null;
	}

	/** From the start to the acknowledgement; null before it. */
	public Duration timeToAck() {
		return acknowledgedAt == null ? null : Duration.between(startedAt, acknowledgedAt);
	}

	/** From the start to the mitigation; null before it. */
	public Duration timeToMitigate() {
		return mitigatedAt == null ? null : Duration.between(startedAt, mitigatedAt);
	}

	/** Whether the acknowledgement came within the target: null while the drill runs unacknowledged. */
	public Boolean ackTargetMet() {
		return met(timeToAck(), ackTarget);
	}

	/** Whether user impact was stopped within the target: null while the drill runs unmitigated. */
	public Boolean mitigateTargetMet() {
		return met(timeToMitigate(), mitigateTarget);
	}

	private Boolean met(Duration took, Duration target) {
		if (took != null) {
			return took.compareTo(target) <= 0;
		}
		return isRunning() ? null : Boolean.FALSE;
	}
}
