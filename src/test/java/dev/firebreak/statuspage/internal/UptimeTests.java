package dev.firebreak.statuspage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.firebreak.statuspage.ComponentStatus;

class UptimeTests {

	private static final UUID C = UUID.randomUUID();

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

	@Test
	void aComponentAlwaysOperationalIsUpEveryDayWithData() {
		var since = Instant.parse("2025-11-01T00:00:00Z");
		var bar = Uptime.of(List.of(span(ComponentStatus.OPERATIONAL, since, null)), since, ZoneId.of("UTC"), 90, NOW, 0.3);

		assertThat(bar.days()).hasSize(90);
		assertThat(bar.days().get(89).date()).isEqualTo(LocalDate.of(2026, 3, 10));
		assertThat(bar.days()).allSatisfy(day -> assertThat(day.worst()).isEqualTo(ComponentStatus.OPERATIONAL));
		assertThat(bar.uptime()).isEqualTo(1.0);
		assertThat(Uptime.percent(bar.uptime())).isEqualTo("100.00%");
	}

	@Test
	void daysBeforeTheComponentExistedHaveNoDataAndDoNotCount() {
		var since = Instant.parse("2026-03-09T00:00:00Z");
		var bar = Uptime.of(List.of(span(ComponentStatus.OPERATIONAL, since, null)), since, ZoneId.of("UTC"), 90, NOW, 0.3);

		assertThat(bar.days().subList(0, 88)).allSatisfy(day -> assertThat(day.hasData()).isFalse());
		assertThat(bar.days().get(88).hasData()).isTrue();
		assertThat(bar.uptime()).isEqualTo(1.0);
		assertThat(Uptime.percent(Double.NaN)).isEqualTo("no data");
	}

	@Test
	void aDayIsColouredByItsWorstStatusAndUptimeCountsMajorWholeAndPartialByItsShare() {
		var since = Instant.parse("2026-03-09T00:00:00Z");
		var spans = List.of(
				span(ComponentStatus.OPERATIONAL, since, at("2026-03-09T10:00:00Z")),
				span(ComponentStatus.MAJOR_OUTAGE, at("2026-03-09T10:00:00Z"), at("2026-03-09T12:00:00Z")),
				span(ComponentStatus.PARTIAL_OUTAGE, at("2026-03-09T12:00:00Z"), at("2026-03-09T22:00:00Z")),
				span(ComponentStatus.OPERATIONAL, at("2026-03-09T22:00:00Z"), null));
		var bar = Uptime.of(spans, since, ZoneId.of("UTC"), 90, NOW, 0.3);

		var monday = bar.days().get(88);
		assertThat(monday.worst()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
		assertThat(monday.time()).containsEntry(ComponentStatus.MAJOR_OUTAGE, Duration.ofHours(2))
			.containsEntry(ComponentStatus.PARTIAL_OUTAGE, Duration.ofHours(10));
		// down: 2 h + 0.3 x 10 h = 5 h of 24 h
		assertThat(monday.uptime()).isCloseTo(1 - 5.0 / 24, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(bar.days().get(89).worst()).isEqualTo(ComponentStatus.OPERATIONAL);
		// over 36 known hours (24 + 12 of today), 5 h down
		assertThat(bar.uptime()).isCloseTo(1 - 5.0 / 36, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(Uptime.percent(bar.uptime())).isEqualTo("86.11%");
	}

	@Test
	void degradedPerformanceAndMaintenanceCountAsUpButColourTheDay() {
		var since = Instant.parse("2026-03-10T00:00:00Z");
		var spans = List.of(
				span(ComponentStatus.UNDER_MAINTENANCE, since, at("2026-03-10T02:00:00Z")),
				span(ComponentStatus.DEGRADED_PERFORMANCE, at("2026-03-10T02:00:00Z"), null));
		var bar = Uptime.of(spans, since, ZoneId.of("UTC"), 90, NOW, 0.3);

		assertThat(bar.days().get(89).worst()).isEqualTo(ComponentStatus.DEGRADED_PERFORMANCE);
		assertThat(bar.uptime()).isEqualTo(1.0);
	}

	@Test
	void daysRunFromMidnightToMidnightInThePagesTimeZone() {
		// 23:30 UTC on 9 March is 00:30 on 10 March in Berlin
		var since = Instant.parse("2026-03-01T00:00:00Z");
		var spans = List.of(
				span(ComponentStatus.OPERATIONAL, since, at("2026-03-09T23:30:00Z")),
				span(ComponentStatus.MAJOR_OUTAGE, at("2026-03-09T23:30:00Z"), at("2026-03-09T23:40:00Z")),
				span(ComponentStatus.OPERATIONAL, at("2026-03-09T23:40:00Z"), null));

		var utc = Uptime.of(spans, since, ZoneId.of("UTC"), 90, NOW, 0.3);
		var berlin = Uptime.of(spans, since, BERLIN, 90, NOW, 0.3);

		assertThat(utc.days().get(88).worst()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
		assertThat(berlin.days().get(88).worst()).isEqualTo(ComponentStatus.OPERATIONAL);
		assertThat(berlin.days().get(89).worst()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
	}

	@Test
	void aPercentIsNeverRoundedUpToPerfect() {
		assertThat(Uptime.percent(0.99999)).isEqualTo("99.99%");
		assertThat(Uptime.percent(0.5)).isEqualTo("50.00%");
	}

	private static StatusSpan span(ComponentStatus status, Instant from, Instant to) {
		return new StatusSpan(C, status, from, to);
	}

	private static Instant at(String text) {
		return Instant.parse(text);
	}
}
