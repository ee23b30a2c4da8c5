package dev.firebreak.incident;

import static dev.firebreak.incident.IncidentStatus.CLOSED;
import static dev.firebreak.incident.IncidentStatus.IDENTIFIED;
import static dev.firebreak.incident.IncidentStatus.INVESTIGATING;
import static dev.firebreak.incident.IncidentStatus.MONITORING;
import static dev.firebreak.incident.IncidentStatus.RESOLVED;
import static dev.firebreak.incident.IncidentStatus.TRIAGE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The status machine, move by move, as the architecture's table states it. */
class IncidentStatusTests {

	@ParameterizedTest(name = "{0} → {1}: {2}")
	@CsvSource({
			"TRIAGE, INVESTIGATING, true", "TRIAGE, IDENTIFIED, true", "TRIAGE, MONITORING, true",
			"TRIAGE, RESOLVED, true", "TRIAGE, CLOSED, false",
			"INVESTIGATING, TRIAGE, false", "INVESTIGATING, IDENTIFIED, true", "INVESTIGATING, MONITORING, true",
			"INVESTIGATING, RESOLVED, true", "INVESTIGATING, CLOSED, false",
			"IDENTIFIED, INVESTIGATING, true", "IDENTIFIED, MONITORING, true", "IDENTIFIED, RESOLVED, true",
			"IDENTIFIED, TRIAGE, false", "IDENTIFIED, CLOSED, false",
			"MONITORING, INVESTIGATING, true", "MONITORING, IDENTIFIED, true", "MONITORING, RESOLVED, true",
			"MONITORING, TRIAGE, false", "MONITORING, CLOSED, false",
			"RESOLVED, INVESTIGATING, true", "RESOLVED, CLOSED, true", "RESOLVED, IDENTIFIED, false",
			"RESOLVED, MONITORING, false", "RESOLVED, TRIAGE, false",
			"CLOSED, INVESTIGATING, false", "CLOSED, RESOLVED, false", "CLOSED, TRIAGE, false" })
	void followsTheTable(IncidentStatus from, IncidentStatus to, boolean allowed) {
		assertThat(from.mayMoveTo(to)).isEqualTo(allowed);
	}

	@ParameterizedTest
	@CsvSource({ "TRIAGE", "INVESTIGATING", "IDENTIFIED", "MONITORING", "RESOLVED", "CLOSED" })
	void neverMovesToItself(IncidentStatus status) {
		assertThat(status.mayMoveTo(status)).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "TRIAGE, true", "INVESTIGATING, true", "IDENTIFIED, true", "MONITORING, true", "RESOLVED, false",
			"CLOSED, false" })
	void activeUntilResolved(IncidentStatus status, boolean active) {
		assertThat(status.isActive()).isEqualTo(active);
		assertThat(IncidentStatus.active().contains(status)).isEqualTo(active);
	}

	@org.junit.jupiter.api.Test
	void closedIsFinal() {
		assertThat(CLOSED.next()).isEmpty();
		assertThat(RESOLVED.next()).containsExactlyInAnyOrder(INVESTIGATING, CLOSED);
		assertThat(TRIAGE.next()).containsExactlyInAnyOrder(INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED);
		assertThat(MONITORING.next()).doesNotContain(TRIAGE);
		assertThat(IDENTIFIED.next()).doesNotContain(TRIAGE);
	}
}
