package dev.firebreak.insights.internal;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.firebreak.identity.WorkingHours;
import dev.firebreak.platform.FirebreakPolicy.DurationThreshold;
import dev.firebreak.platform.FirebreakPolicy.ShareThreshold;
import dev.firebreak.platform.FirebreakPolicy.Threshold;

/** The rules of the reports, without Spring: colours at the thresholds, statistics, working hours, the chart. */
class InsightsRulesTests {

	private static final Threshold PAGES = new Threshold(5, 10);

	private static final DurationThreshold SEV1_ACK = new DurationThreshold(ofMinutes(5), ofMinutes(15));

	private static final ShareThreshold RUNBOOKS = new ShareThreshold(0.8, 0.5);

	@Test
	void fewerPagesThanHealthyIsHealthyBothThresholdsAreWatchAndPastUnhealthyIsUnhealthy() {
		assertThat(Health.of(4, PAGES)).isEqualTo(Health.HEALTHY);
		assertThat(Health.of(5, PAGES)).isEqualTo(Health.WATCH);
		assertThat(Health.of(10, PAGES)).isEqualTo(Health.WATCH);
		assertThat(Health.of(11, PAGES)).isEqualTo(Health.UNHEALTHY);
		assertThat(Health.of(0, new Threshold(2, 5))).isEqualTo(Health.HEALTHY);
	}

	@Test
	void timeToAcknowledgeIsColouredAtItsThresholdsAndHasNoColourWithoutIncidents() {
		assertThat(Health.of(ofMinutes(5).minusSeconds(1), SEV1_ACK)).isEqualTo(Health.HEALTHY);
		assertThat(Health.of(ofMinutes(5), SEV1_ACK)).isEqualTo(Health.WATCH);
		assertThat(Health.of(ofMinutes(15), SEV1_ACK)).isEqualTo(Health.WATCH);
		assertThat(Health.of(ofMinutes(15).plusSeconds(1), SEV1_ACK)).isEqualTo(Health.UNHEALTHY);
		assertThat(Health.of((Duration) null, SEV1_ACK)).isNull();
	}

	@Test
	void moreRunbookCoverageIsBetter() {
		assertThat(Health.of(0.81, RUNBOOKS)).isEqualTo(Health.HEALTHY);
		assertThat(Health.of(0.8, RUNBOOKS)).isEqualTo(Health.WATCH);
		assertThat(Health.of(0.5, RUNBOOKS)).isEqualTo(Health.WATCH);
		assertThat(Health.of(0.49, RUNBOOKS)).isEqualTo(Health.UNHEALTHY);
		assertThat(Health.of((Double) null, RUNBOOKS)).isNull();
	}

	@Test
	void theWeekIsTheWorstOfTheMeasuresThatHaveOne() {
		assertThat(Health.worst(Health.HEALTHY, null, Health.WATCH, Health.HEALTHY)).isEqualTo(Health.WATCH);
		assertThat(Health.worst(Health.WATCH, Health.UNHEALTHY, null)).isEqualTo(Health.UNHEALTHY);
		assertThat(Health.worst(null, null)).isEqualTo(Health.HEALTHY);
	}

	@Test
	void meanMedianAndNinetiethPercentileLeaveSkippedMilestonesOut() {
		var stat = Stat.of(Arrays.asList(ofMinutes(1), null, ofMinutes(10), ofMinutes(2), ofMinutes(4), ofMinutes(3)));

		assertThat(stat.count()).isEqualTo(5);
		assertThat(stat.mean()).isEqualTo(ofMinutes(4));
		assertThat(stat.median()).isEqualTo(ofMinutes(3));
		assertThat(stat.p90()).isEqualTo(ofMinutes(10));
		assertThat(Stat.of(List.of(ofMinutes(2), ofMinutes(4))).median()).isEqualTo(ofMinutes(3));
		assertThat(Stat.of(Arrays.asList((Duration) null))).isEqualTo(Stat.NONE);
	}

	@Test
	void theChangeIsAgainstThePeriodBeforeAndNoneWithoutIt() {
		var faster = ResponseTimes.Metric.of(Stat.of(List.of(ofMinutes(3))), Stat.of(List.of(ofMinutes(4))));
		assertThat(faster.change()).isEqualTo(ofMinutes(-1));
		assertThat(faster.changePercent()).isEqualTo(-25.0);
		var first = ResponseTimes.Metric.of(Stat.of(List.of(ofMinutes(3))), Stat.NONE);
		assertThat(first.change()).isNull();
		assertThat(first.changePercent()).isNull();
	}

	@Test
	void twoInTheMorningUtcIsWorkingTimeInTokyoAndTheEveningBeforeInNewYork() {
		var office = new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0),
				EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), false);
		var tuesday = Instant.parse("2026-03-03T02:00:00Z");

		assertThat(office.contains(tuesday, ZoneId.of("Asia/Tokyo"))).as("11:00 on Tuesday in Tokyo").isTrue();
		assertThat(office.contains(tuesday, ZoneId.of("America/New_York"))).as("21:00 on Monday in New York").isFalse();
		assertThat(office.contains(Instant.parse("2026-03-07T02:00:00Z"), ZoneId.of("Asia/Tokyo")))
			.as("11:00 on Saturday in Tokyo").isFalse();
		assertThat(office.contains(Instant.parse("2026-03-03T17:00:00Z"), ZoneId.of("UTC"))).as("the end is out").isFalse();
		assertThat(office.contains(Instant.parse("2026-03-03T09:00:00Z"), ZoneId.of("UTC"))).as("the start is in").isTrue();
	}

	@Test
	void hoursEndingBeforeTheyStartRunOvernightFromTheListedDay() {
		var nights = new WorkingHours(LocalTime.of(22, 0), LocalTime.of(6, 0), EnumSet.of(DayOfWeek.MONDAY), true);
		var utc = ZoneId.of("UTC");

		assertThat(nights.contains(Instant.parse("2026-03-02T23:00:00Z"), utc)).as("Monday 23:00").isTrue();
		assertThat(nights.contains(Instant.parse("2026-03-03T05:59:00Z"), utc)).as("Tuesday 05:59").isTrue();
		assertThat(nights.contains(Instant.parse("2026-03-03T06:00:00Z"), utc)).as("Tuesday 06:00").isFalse();
		assertThat(nights.contains(Instant.parse("2026-03-03T23:00:00Z"), utc)).as("Tuesday 23:00").isFalse();
		assertThat(nights.contains(Instant.parse("2026-03-02T05:00:00Z"), utc)).as("Monday 05:00").isFalse();
	}

	@Test
	void aWeekWithoutAValueBreaksTheLineAndTheDescriptionCarriesEveryNumber() {
		var chart = LineChart.of("Times", List.of("w1", "w2", "w3", "w4"),
				List.of(new LineChart.Series("MTTA", Arrays.asList(3.0, null, 5.0, 4.0))),
				minutes -> HumanDuration.of(Duration.ofMillis(Math.round(minutes * 60_000))));

		var line = chart.lines().get(0);
		assertThat(line.segments()).hasSize(2);
		assertThat(line.segments().get(0).split(" ")).hasSize(1);
		assertThat(line.segments().get(1).split(" ")).hasSize(2);
		assertThat(line.dots()).hasSize(3);
		assertThat(chart.description()).isEqualTo("w1: MTTA 3 min; w2: MTTA none; w3: MTTA 5 min; w4: MTTA 4 min");
		assertThat(chart.yTicks()).extracting(LineChart.Tick::label).containsExactly("0 s", "2 min", "4 min", "6 min");
		assertThat(line.dots().get(1).y()).as("5 min, five sixths up the plot")
			.isCloseTo(LineChart.HEIGHT - LineChart.BOTTOM - (LineChart.HEIGHT - LineChart.BOTTOM - LineChart.TOP) * 5 / 6.0,
					org.assertj.core.data.Offset.offset(0.01));
	}

	@Test
	void durationsReadAsPeopleSayThem() {
		assertThat(HumanDuration.of(ofSeconds(42))).isEqualTo("42 s");
		assertThat(HumanDuration.of(ofSeconds(270))).isEqualTo("4 min 30 s");
		assertThat(HumanDuration.of(Duration.ofHours(2).plusMinutes(5))).isEqualTo("2 h 5 min");
		assertThat(HumanDuration.of(Duration.ofDays(3).plusHours(4))).isEqualTo("3 d 4 h");
		assertThat(HumanDuration.of(ofMinutes(-4))).isEqualTo("−4 min");
		assertThat(HumanDuration.of(null)).isEqualTo("—");
	}
}
