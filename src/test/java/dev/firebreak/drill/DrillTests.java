package dev.firebreak.drill;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.firebreak.incident.Severity;

/** How a drill's times are judged against its targets. */
class DrillTests {

	private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

	@Test
	void anAcknowledgementAtTheTargetMeetsItAndOneAMinuteLaterMissesIt() {
		assertThat(drill(ofMinutes(15), null, null).timeToAck()).isEqualTo(ofMinutes(15));
		assertThat(drill(ofMinutes(15), null, null).ackTargetMet()).isTrue();
		assertThat(drill(ofMinutes(16), null, null).ackTargetMet()).isFalse();
	}

	@Test
	void aRunningDrillHasNoVerdictYetAndAnEndedOneWithoutAMitigationMissedIt() {
		var running = drill(ofMinutes(3), null, null);
		assertThat(running.mitigateTargetMet()).isNull();
		assertThat(running.timeToMitigate()).isNull();
		var ended = drill(null, null, START.plus(ofMinutes(90)));
		assertThat(ended.ackTargetMet()).isFalse();
		assertThat(ended.mitigateTargetMet()).isFalse();
		assertThat(drill(ofMinutes(3), ofMinutes(44), START.plus(ofMinutes(50))).mitigateTargetMet()).isTrue();
		assertThat(drill(ofMinutes(3), ofMinutes(46), START.plus(ofMinutes(50))).mitigateTargetMet()).isFalse();
	}

	private static Drill drill(java.time.Duration ack, java.time.Duration mitigate, Instant ended) {
		return new Drill(UUID.randomUUID(), UUID.randomUUID(), null, Severity.SEV2, "Fire drill", UUID.randomUUID(), START,
				UUID.randomUUID(), 7, START, ack == null ? null : START.plus(ack), null,
				mitigate == null ? null : START.plus(mitigate), ended, null, ofMinutes(15), ofMinutes(45));
	}
}
