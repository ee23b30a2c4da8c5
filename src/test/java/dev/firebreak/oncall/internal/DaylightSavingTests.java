package dev.firebreak.oncall.internal;

import static dev.firebreak.oncall.internal.ScheduleResolverTests.ALICE;
import static dev.firebreak.oncall.internal.ScheduleResolverTests.BOB;
import static dev.firebreak.oncall.internal.ScheduleResolverTests.CAROL;
import static dev.firebreak.oncall.internal.ScheduleResolverTests.layer;
import static dev.firebreak.oncall.internal.ScheduleResolverTests.time;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.firebreak.oncall.internal.ScheduleResolver.Piece;

/**
 * Hand-offs keep their local time across both daylight saving changes of two zones: the shift
 * that contains a change is an hour shorter (spring forward) or longer (fall back), the others
 * are whole.
 */
class DaylightSavingTests {

	/** The Sunday of each change (all at night, between 01:00 and 03:00 local) and how the day's length changes. */
	static Stream<Arguments> transitions() {
		return Stream.of(
				Arguments.of("Europe/Berlin", "2026-03-29", -1),
				Arguments.of("Europe/Berlin", "2026-10-25", +1),
				Arguments.of("America/New_York", "2026-03-08", -1),
				Arguments.of("America/New_York", "2026-11-01", +1));
	}

	@ParameterizedTest(name = "{0} on {1}")
	@MethodSource("transitions")
	void aDailyRotationHandsOffAtNineLocalEveryDay(String zoneName, String sunday, int change) {
		var zone = ZoneId.of(zoneName);
		var day = LocalDate.parse(sunday);
		var daily = layer(1, "Daily", List.of(ALICE, BOB, CAROL), 1, ShiftUnit.DAYS, day.minusDays(3) + "T09:00");

		var shifts = ScheduleResolver.layerShifts(daily, zone, local(day.minusDays(2), 9, zone), local(day.plusDays(2), 9, zone));

		assertThat(shifts).hasSize(4);
		for (var i = 0; i < shifts.size(); i++) {
			assertThat(shifts.get(i).start()).isEqualTo(local(day.minusDays(2 - i), 9, zone));
			assertThat(shifts.get(i).start().atZone(zone).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
		}
		assertThat(lengths(shifts)).containsExactly(hours(24), hours(24 + change), hours(24), hours(24));
		// the turn order is not disturbed by the change
		assertThat(shifts).extracting(Piece::accountId).containsExactly(BOB, CAROL, ALICE, BOB);
	}

	@ParameterizedTest(name = "{0} on {1}")
	@MethodSource("transitions")
	void aWeeklyRotationHandsOffOnMondayAtNineLocal(String zoneName, String sunday, int change) {
		var zone = ZoneId.of(zoneName);
		var monday = LocalDate.parse(sunday).minusDays(6);
		var weekly = layer(1, "Weekly", List.of(ALICE, BOB), 1, ShiftUnit.WEEKS, monday.minusWeeks(1) + "T09:00");

		var shifts = ScheduleResolver.layerShifts(weekly, zone, local(monday.minusWeeks(1), 9, zone),
				local(monday.plusWeeks(2), 9, zone));

		assertThat(shifts).extracting(Piece::start).containsExactly(local(monday.minusWeeks(1), 9, zone),
				local(monday, 9, zone), local(monday.plusWeeks(1), 9, zone));
		assertThat(lengths(shifts)).containsExactly(hours(168), hours(168 + change), hours(168));
		assertThat(shifts).extracting(Piece::accountId).containsExactly(ALICE, BOB, ALICE);
	}

	@ParameterizedTest(name = "{0} on {1}")
	@MethodSource("transitions")
	void aTwelveHourRotationHandsOffAtNineAndTwentyOneLocal(String zoneName, String sunday, int change) {
		var zone = ZoneId.of(zoneName);
		var day = LocalDate.parse(sunday);
		var halves = layer(1, "Halves", List.of(ALICE, BOB), 12, ShiftUnit.HOURS, day.minusDays(3) + "T09:00");

		var shifts = ScheduleResolver.layerShifts(halves, zone, local(day.minusDays(1), 9, zone), local(day, 21, zone));

		assertThat(shifts).extracting(Piece::start).containsExactly(local(day.minusDays(1), 9, zone),
				local(day.minusDays(1), 21, zone), local(day, 9, zone));
		// the night shift from Saturday 21:00 to Sunday 09:00 holds the change
		assertThat(lengths(shifts)).containsExactly(hours(12), hours(12 + change), hours(12));
		assertThat(shifts).extracting(Piece::accountId).containsExactly(ALICE, BOB, ALICE);
	}

	@ParameterizedTest(name = "{0} on {1}")
	@MethodSource("transitions")
	void aRestrictionWindowSpanningTheChangeKeepsItsLocalTimes(String zoneName, String sunday, int change) {
		var zone = ZoneId.of(zoneName);
		var day = LocalDate.parse(sunday);
		var nights = layer(1, "Nights", List.of(ALICE), 1, ShiftUnit.WEEKS, day.minusWeeks(1) + "T12:00",
				Restriction.daily(LocalTime.of(22, 0), LocalTime.of(6, 0)));

		var shifts = ScheduleResolver.layerShifts(nights, zone, local(day.minusDays(1), 12, zone),
				local(day.plusDays(1), 12, zone));

		assertThat(shifts).extracting(Piece::start).containsExactly(local(day.minusDays(1), 22, zone),
				local(day, 22, zone));
		assertThat(shifts).extracting(Piece::end).containsExactly(local(day, 6, zone), local(day.plusDays(1), 6, zone));
		assertThat(lengths(shifts)).containsExactly(hours(8 + change), hours(8));
	}

	@Test
	void exactInstantsInBerlinAcrossSpringForwardAndFallBack() {
		var zone = ZoneId.of("Europe/Berlin");
		var daily = layer(1, "Daily", List.of(ALICE, BOB), 1, ShiftUnit.DAYS, "2026-03-27T09:00");

		var spring = ScheduleResolver.layerShifts(daily, zone, time("2026-03-28T09:00+01:00"), time("2026-03-30T09:00+02:00"));
		var autumn = ScheduleResolver.layerShifts(daily, zone, time("2026-10-24T09:00+02:00"), time("2026-10-26T09:00+01:00"));

		assertThat(spring).extracting(Piece::start).containsExactly(time("2026-03-28T08:00:00Z"), time("2026-03-29T07:00:00Z"));
		assertThat(autumn).extracting(Piece::start).containsExactly(time("2026-10-24T07:00:00Z"), time("2026-10-25T08:00:00Z"));
	}

	@Test
	void aHandOffAtALocalTimeThatDoesNotExistHappensAtTheChange() {
		var zone = ZoneId.of("America/New_York");
		var daily = layer(1, "Early", List.of(ALICE, BOB), 1, ShiftUnit.DAYS, "2026-03-06T02:30");

		var shifts = ScheduleResolver.layerShifts(daily, zone, time("2026-03-07T02:30-05:00"), time("2026-03-09T02:30-04:00"));

		// 02:30 on 8 March is skipped: the hand-off is at 03:00 EDT (07:00Z), the moment clocks jump
		assertThat(shifts).extracting(Piece::start).containsExactly(time("2026-03-07T07:30:00Z"), time("2026-03-08T07:00:00Z"));
		assertThat(shifts).extracting(Piece::end).containsExactly(time("2026-03-08T07:00:00Z"), time("2026-03-09T06:30:00Z"));
	}

	@Test
	void anHourlyShiftInTheSkippedHourIsDroppedAndTheRepeatedHourIsOneLongerShift() {
		var zone = ZoneId.of("Europe/Berlin");
		var hourly = layer(1, "Hourly", List.of(ALICE, BOB), 1, ShiftUnit.HOURS, "2026-03-29T00:00");

		var spring = ScheduleResolver.layerShifts(hourly, zone, time("2026-03-29T00:00+01:00"), time("2026-03-29T04:00+02:00"));

		// 00-01 Alice, 01-02 Bob, 02-03 (does not exist) dropped, 03-04 Bob
		assertThat(spring).extracting(Piece::accountId).containsExactly(ALICE, BOB, BOB);
		assertThat(lengths(spring)).containsExactly(hours(1), hours(1), hours(1));

		var autumnLayer = layer(1, "Hourly", List.of(ALICE, BOB), 1, ShiftUnit.HOURS, "2026-10-25T00:00");
		var autumn = ScheduleResolver.layerShifts(autumnLayer, zone, time("2026-10-25T00:00+02:00"),
				time("2026-10-25T04:00+01:00"));

		// 02:00-03:00 happens twice: the shift from 02:00 (the first) to 03:00 (after the second) is two hours
		assertThat(lengths(autumn)).containsExactly(hours(1), hours(1), hours(2), hours(1));
	}

	private static Instant local(LocalDate day, int hour, ZoneId zone) {
		return ZonedDateTime.of(day.atTime(hour, 0), zone).toInstant();
	}

	private static List<Duration> lengths(List<Piece> shifts) {
		return shifts.stream().map(piece -> Duration.between(piece.start(), piece.end())).toList();
	}

	private static Duration hours(int hours) {
		return Duration.ofHours(hours);
	}
}
