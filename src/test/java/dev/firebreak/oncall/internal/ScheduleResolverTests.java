package dev.firebreak.oncall.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.firebreak.oncall.internal.ScheduleResolver.Interval;
import dev.firebreak.oncall.internal.ScheduleResolver.Piece;

/** The rules of the final schedule: rotation order, restrictions, layers, overrides, gaps, merging. */
class ScheduleResolverTests {

	static final ZoneId UTC = ZoneOffset.UTC;

	static final UUID ALICE = UUID.fromString("00000000-0000-0000-0000-00000000000a");

	static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-00000000000b");

	static final UUID CAROL = UUID.fromString("00000000-0000-0000-0000-00000000000c");

	static final UUID DAVE = UUID.fromString("00000000-0000-0000-0000-00000000000d");

	static final UUID ERIN = UUID.fromString("00000000-0000-0000-0000-00000000000e");

	static final UUID SCHEDULE = UUID.randomUUID();

	// ---- rotation order ----

	@Test
	void aWeeklyRotationHandsOffInTurnAtTheStartsTimeOfDay() {
		var primary = layer(1, "Primary", List.of(ALICE, BOB, CAROL), 1, ShiftUnit.WEEKS, "2026-03-02T09:00");

		var result = resolve(List.of(primary), List.of(), "2026-03-02T09:00:00Z", "2026-03-30T09:00:00Z");

		assertThat(result.shifts()).containsExactly(
				piece(ALICE, "2026-03-02T09:00:00Z", "2026-03-09T09:00:00Z", "Primary"),
				piece(BOB, "2026-03-09T09:00:00Z", "2026-03-16T09:00:00Z", "Primary"),
				piece(CAROL, "2026-03-16T09:00:00Z", "2026-03-23T09:00:00Z", "Primary"),
				piece(ALICE, "2026-03-23T09:00:00Z", "2026-03-30T09:00:00Z", "Primary"));
		assertThat(result.gaps()).isEmpty();
	}

	@Test
	void aPersonMayAppearTwiceAndTheTurnIsCountedFromTheStartYearsAgo() {
		var primary = layer(1, "Primary", List.of(ALICE, BOB, ALICE, CAROL), 1, ShiftUnit.DAYS, "2020-01-01T09:00");
		// 2026-03-02T09:00Z is day 2252 since the start: 2252 % 4 = 0, so Alice, then Bob, Alice, Carol, Alice
		var result = resolve(List.of(primary), List.of(), "2026-03-02T09:00:00Z", "2026-03-07T09:00:00Z");

		assertThat(result.shifts()).extracting(Piece::accountId).containsExactly(ALICE, BOB, ALICE, CAROL, ALICE);
		assertThat(result.shifts().get(1)).isEqualTo(piece(BOB, "2026-03-03T09:00:00Z", "2026-03-04T09:00:00Z", "Primary"));
	}

	@Test
	void nobodyIsOnCallBeforeALayerStartsOrAfterItEnds() {
		var primary = new Layer(UUID.randomUUID(), SCHEDULE, 1, "Primary", List.of(ALICE, BOB), 1, ShiftUnit.DAYS,
				LocalDateTime.parse("2026-03-03T09:00"), LocalDateTime.parse("2026-03-04T21:00"), List.of(), Instant.EPOCH);

		var result = resolve(List.of(primary), List.of(), "2026-03-03T00:00:00Z", "2026-03-05T00:00:00Z");

		assertThat(result.shifts()).containsExactly(piece(ALICE, "2026-03-03T09:00:00Z", "2026-03-04T09:00:00Z", "Primary"),
				piece(BOB, "2026-03-04T09:00:00Z", "2026-03-04T21:00:00Z", "Primary"));
		assertThat(result.gaps()).containsExactly(interval("2026-03-03T00:00:00Z", "2026-03-03T09:00:00Z"),
				interval("2026-03-04T21:00:00Z", "2026-03-05T00:00:00Z"));
	}

	@Test
	void shiftsAreCutToTheRangeAsked() {
		var primary = layer(1, "Primary", List.of(ALICE, BOB), 1, ShiftUnit.WEEKS, "2026-03-02T09:00");

		var result = resolve(List.of(primary), List.of(), "2026-03-05T00:00:00Z", "2026-03-10T00:00:00Z");

		assertThat(result.shifts()).containsExactly(piece(ALICE, "2026-03-05T00:00:00Z", "2026-03-09T09:00:00Z", "Primary"),
				piece(BOB, "2026-03-09T09:00:00Z", "2026-03-10T00:00:00Z", "Primary"));
		assertThat(result.onCallAt(Instant.parse("2026-03-09T08:59:59Z"))).containsExactly(ALICE);
		assertThat(result.onCallAt(Instant.parse("2026-03-09T09:00:00Z"))).containsExactly(BOB);
	}

	@Test
	void anHourlyRotationOfEightHours() {
		var primary = layer(1, "Primary", List.of(ALICE, BOB, CAROL), 8, ShiftUnit.HOURS, "2026-03-02T06:00");

		var result = resolve(List.of(primary), List.of(), "2026-03-02T06:00:00Z", "2026-03-03T06:00:00Z");

		assertThat(result.shifts()).containsExactly(piece(ALICE, "2026-03-02T06:00:00Z", "2026-03-02T14:00:00Z", "Primary"),
				piece(BOB, "2026-03-02T14:00:00Z", "2026-03-02T22:00:00Z", "Primary"),
				piece(CAROL, "2026-03-02T22:00:00Z", "2026-03-03T06:00:00Z", "Primary"));
	}

	// ---- restrictions ----

	@Test
	void aTimeOfDayRestrictionLeavesTheLayerEmptyOutsideItsWindowAndTheRotationKeepsCounting() {
		var days = layer(1, "Business hours", List.of(ALICE, BOB), 1, ShiftUnit.DAYS, "2026-03-02T00:00",
				Restriction.daily(LocalTime.of(9, 0), LocalTime.of(17, 0)));

		var result = resolve(List.of(days), List.of(), "2026-03-02T00:00:00Z", "2026-03-04T00:00:00Z");

		assertThat(result.shifts()).containsExactly(
				piece(ALICE, "2026-03-02T09:00:00Z", "2026-03-02T17:00:00Z", "Business hours"),
				piece(BOB, "2026-03-03T09:00:00Z", "2026-03-03T17:00:00Z", "Business hours"));
		assertThat(result.gaps()).containsExactly(interval("2026-03-02T00:00:00Z", "2026-03-02T09:00:00Z"),
				interval("2026-03-02T17:00:00Z", "2026-03-03T09:00:00Z"),
				interval("2026-03-03T17:00:00Z", "2026-03-04T00:00:00Z"));
	}

	@Test
	void aTimeOfDayWindowThatEndsBeforeItStartsRunsOverMidnight() {
		var nights = layer(1, "Nights", List.of(ALICE), 1, ShiftUnit.WEEKS, "2026-03-02T00:00",
				Restriction.daily(LocalTime.of(22, 0), LocalTime.of(6, 0)));

		var result = resolve(List.of(nights), List.of(), "2026-03-02T00:00:00Z", "2026-03-04T00:00:00Z");

		assertThat(result.shifts()).containsExactly(piece(ALICE, "2026-03-02T00:00:00Z", "2026-03-02T06:00:00Z", "Nights"),
				piece(ALICE, "2026-03-02T22:00:00Z", "2026-03-03T06:00:00Z", "Nights"),
				piece(ALICE, "2026-03-03T22:00:00Z", "2026-03-04T00:00:00Z", "Nights"));
	}

	@Test
	void aDayOfWeekRestrictionRunsFromMondayMorningToFridayEvening() {
		var week = layer(1, "Weekdays", List.of(ALICE, BOB), 1, ShiftUnit.WEEKS, "2026-03-02T00:00",
				Restriction.weekly(DayOfWeek.MONDAY, LocalTime.of(9, 0), DayOfWeek.FRIDAY, LocalTime.of(17, 0)));

		var result = resolve(List.of(week), List.of(), "2026-03-02T00:00:00Z", "2026-03-16T00:00:00Z");

		assertThat(result.shifts()).containsExactly(piece(ALICE, "2026-03-02T09:00:00Z", "2026-03-06T17:00:00Z", "Weekdays"),
				piece(BOB, "2026-03-09T09:00:00Z", "2026-03-13T17:00:00Z", "Weekdays"));
	}

	@Test
	void aDayOfWeekWindowEndingEarlierInTheWeekRunsOverTheWeekend() {
		var weekend = layer(1, "Weekend", List.of(ALICE), 1, ShiftUnit.WEEKS, "2026-02-23T00:00",
				Restriction.weekly(DayOfWeek.FRIDAY, LocalTime.of(17, 0), DayOfWeek.MONDAY, LocalTime.of(9, 0)));

		var result = resolve(List.of(weekend), List.of(), "2026-03-02T00:00:00Z", "2026-03-10T00:00:00Z");

		assertThat(result.shifts()).containsExactly(piece(ALICE, "2026-03-02T00:00:00Z", "2026-03-02T09:00:00Z", "Weekend"),
				piece(ALICE, "2026-03-06T17:00:00Z", "2026-03-09T09:00:00Z", "Weekend"));
	}

	@Test
	void followTheSunWithTwoRestrictedLayersInOneSchedule() {
		var europe = layer(1, "Europe", List.of(ALICE), 1, ShiftUnit.WEEKS, "2026-03-02T00:00",
				Restriction.daily(LocalTime.of(7, 0), LocalTime.of(19, 0)));
		var americas = layer(2, "Americas", List.of(BOB), 1, ShiftUnit.WEEKS, "2026-03-02T00:00",
				Restriction.daily(LocalTime.of(19, 0), LocalTime.of(7, 0)));

		var result = resolve(List.of(europe, americas), List.of(), "2026-03-02T07:00:00Z", "2026-03-03T07:00:00Z");

		assertThat(result.shifts()).containsExactly(piece(ALICE, "2026-03-02T07:00:00Z", "2026-03-02T19:00:00Z", "Europe"),
				piece(BOB, "2026-03-02T19:00:00Z", "2026-03-03T07:00:00Z", "Americas"));
		assertThat(result.gaps()).isEmpty();
	}

	// ---- layers ----

	@Test
	void theHigherLayerWinsWhereItHasSomeoneAndTheLowerShowsThroughElsewhere() {
		var base = layer(1, "Primary", List.of(ALICE), 1, ShiftUnit.WEEKS, "2026-03-02T00:00");
		var office = layer(2, "Office", List.of(BOB), 1, ShiftUnit.WEEKS, "2026-03-02T00:00",
				Restriction.daily(LocalTime.of(9, 0), LocalTime.of(17, 0)));

		var result = resolve(List.of(office, base), List.of(), "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z");

		assertThat(result.shifts()).containsExactly(piece(ALICE, "2026-03-02T00:00:00Z", "2026-03-02T09:00:00Z", "Primary"),
				piece(BOB, "2026-03-02T09:00:00Z", "2026-03-02T17:00:00Z", "Office"),
				piece(ALICE, "2026-03-02T17:00:00Z", "2026-03-03T00:00:00Z", "Primary"));
		assertThat(result.layers().get(base.id())).hasSize(1);
		assertThat(result.layers().get(office.id())).hasSize(1);
	}

	@Test
	void aLowerLayerNeverWinsOverAHigherOneThatHasSomeone() {
		var low = layer(1, "Low", List.of(ALICE), 1, ShiftUnit.DAYS, "2026-03-02T00:00");
		var high = layer(3, "High", List.of(BOB), 1, ShiftUnit.DAYS, "2026-03-02T00:00");

		var result = resolve(List.of(low, high), List.of(), "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z");

		assertThat(result.shifts()).containsExactly(piece(BOB, "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z", "High"));
	}

	// ---- overrides ----

	@Test
	void anOverrideWithoutAReplacedPersonPutsTheCoverOnCallForItsWholeRange() {
		var primary = layer(1, "Primary", List.of(ALICE, BOB), 1, ShiftUnit.DAYS, "2026-03-02T09:00");
		var cover = override(CAROL, null, "2026-03-02T20:00:00Z", "2026-03-03T12:00:00Z", 1);

		var result = resolve(List.of(primary), List.of(cover), "2026-03-02T09:00:00Z", "2026-03-04T09:00:00Z");

		assertThat(result.shifts()).containsExactly(piece(ALICE, "2026-03-02T09:00:00Z", "2026-03-02T20:00:00Z", "Primary"),
				piece(CAROL, "2026-03-02T20:00:00Z", "2026-03-03T12:00:00Z", "override"),
				piece(BOB, "2026-03-03T12:00:00Z", "2026-03-04T09:00:00Z", "Primary"));
	}

	@Test
	void anOverrideOfOnePersonCoversOnlyThatPersonsTime() {
		var primary = layer(1, "Primary", List.of(ALICE, DAVE), 1, ShiftUnit.DAYS, "2026-03-02T09:00");
		// Carol covers Dave from Monday noon to Wednesday noon: only Dave's Tuesday shift is hers
		var cover = override(CAROL, DAVE, "2026-03-02T12:00:00Z", "2026-03-04T12:00:00Z", 1);

		var result = resolve(List.of(primary), List.of(cover), "2026-03-02T09:00:00Z", "2026-03-05T09:00:00Z");

		assertThat(result.shifts()).containsExactly(piece(ALICE, "2026-03-02T09:00:00Z", "2026-03-03T09:00:00Z", "Primary"),
				piece(CAROL, "2026-03-03T09:00:00Z", "2026-03-04T09:00:00Z", "override"),
				piece(ALICE, "2026-03-04T09:00:00Z", "2026-03-05T09:00:00Z", "Primary"));
	}

	@Test
	void aNewerOverrideWinsAndMayCoverTheCoverOfAnOlderOne() {
		var primary = layer(1, "Primary", List.of(ALICE), 1, ShiftUnit.DAYS, "2026-03-02T00:00");
		var carol = override(CAROL, ALICE, "2026-03-02T08:00:00Z", "2026-03-02T20:00:00Z", 1);
		var erin = override(ERIN, CAROL, "2026-03-02T12:00:00Z", "2026-03-02T14:00:00Z", 2);
		var dave = override(DAVE, null, "2026-03-02T18:00:00Z", "2026-03-02T22:00:00Z", 3);

		var result = resolve(List.of(primary), List.of(dave, erin, carol), "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z");

		assertThat(result.shifts()).containsExactly(piece(ALICE, "2026-03-02T00:00:00Z", "2026-03-02T08:00:00Z", "Primary"),
				piece(CAROL, "2026-03-02T08:00:00Z", "2026-03-02T12:00:00Z", "override"),
				piece(ERIN, "2026-03-02T12:00:00Z", "2026-03-02T14:00:00Z", "override"),
				piece(CAROL, "2026-03-02T14:00:00Z", "2026-03-02T18:00:00Z", "override"),
				piece(DAVE, "2026-03-02T18:00:00Z", "2026-03-02T22:00:00Z", "override"),
				piece(ALICE, "2026-03-02T22:00:00Z", "2026-03-03T00:00:00Z", "Primary"));
	}

	@Test
	void anOverrideOfNobodyInParticularFillsAGapButOneOfAPersonDoesNot() {
		var office = layer(1, "Office", List.of(ALICE), 1, ShiftUnit.WEEKS, "2026-03-02T00:00",
				Restriction.daily(LocalTime.of(9, 0), LocalTime.of(17, 0)));
		var evening = override(BOB, null, "2026-03-02T17:00:00Z", "2026-03-02T20:00:00Z", 1);
		var night = override(CAROL, ALICE, "2026-03-02T20:00:00Z", "2026-03-02T23:00:00Z", 2);

		var result = resolve(List.of(office), List.of(evening, night), "2026-03-02T09:00:00Z", "2026-03-03T00:00:00Z");

		assertThat(result.shifts()).containsExactly(piece(ALICE, "2026-03-02T09:00:00Z", "2026-03-02T17:00:00Z", "Office"),
				piece(BOB, "2026-03-02T17:00:00Z", "2026-03-02T20:00:00Z", "override"));
		assertThat(result.gaps()).containsExactly(interval("2026-03-02T20:00:00Z", "2026-03-03T00:00:00Z"));
	}

	// ---- gaps and merging ----

	@Test
	void aScheduleWithoutLayersIsOneGap() {
		var result = resolve(List.of(), List.of(), "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z");

		assertThat(result.shifts()).isEmpty();
		assertThat(result.gaps()).containsExactly(interval("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z"));
		assertThat(result.onCallAt(Instant.parse("2026-03-02T12:00:00Z"))).isEmpty();
	}

	@Test
	void adjacentShiftsOfTheSamePersonAreMerged() {
		var primary = layer(1, "Primary", List.of(ALICE, ALICE, BOB), 1, ShiftUnit.DAYS, "2026-03-02T09:00");

		var result = resolve(List.of(primary), List.of(), "2026-03-02T09:00:00Z", "2026-03-05T09:00:00Z");

		assertThat(result.shifts()).containsExactly(piece(ALICE, "2026-03-02T09:00:00Z", "2026-03-04T09:00:00Z", "Primary"),
				piece(BOB, "2026-03-04T09:00:00Z", "2026-03-05T09:00:00Z", "Primary"));
		assertThat(result.layers().get(primary.id())).hasSize(3);
	}

	@Test
	void theSamePersonFromTwoLayersIsOneShiftNamingBoth() {
		var base = layer(1, "Primary", List.of(ALICE), 1, ShiftUnit.WEEKS, "2026-03-02T00:00");
		var office = layer(2, "Office", List.of(ALICE), 1, ShiftUnit.WEEKS, "2026-03-02T00:00",
				Restriction.daily(LocalTime.of(9, 0), LocalTime.of(17, 0)));
		var cover = override(BOB, null, "2026-03-02T17:00:00Z", "2026-03-02T18:00:00Z", 1);

		var result = resolve(List.of(base, office), List.of(cover), "2026-03-02T00:00:00Z", "2026-03-02T20:00:00Z");

		assertThat(result.shifts()).containsExactly(
				piece(ALICE, "2026-03-02T00:00:00Z", "2026-03-02T17:00:00Z", "Primary, Office"),
				piece(BOB, "2026-03-02T17:00:00Z", "2026-03-02T18:00:00Z", "override"),
				piece(ALICE, "2026-03-02T18:00:00Z", "2026-03-02T20:00:00Z", "Primary"));
	}

	@Test
	void anEmptyRangeHasNothing() {
		var primary = layer(1, "Primary", List.of(ALICE), 1, ShiftUnit.DAYS, "2026-03-02T09:00");

		var result = resolve(List.of(primary), List.of(), "2026-03-03T00:00:00Z", "2026-03-03T00:00:00Z");

		assertThat(result.shifts()).isEmpty();
		assertThat(result.gaps()).isEmpty();
	}

	// ---- helpers, shared with the daylight saving tests ----

	static ScheduleResolver.Resolution resolve(List<Layer> layers, List<ScheduleOverride> overrides, String from,
			String to) {
		return ScheduleResolver.resolve(UTC, layers, overrides, Instant.parse(from), Instant.parse(to));
	}

	static Layer layer(int position, String name, List<UUID> people, int count, ShiftUnit unit, String start,
			Restriction... restrictions) {
		return new Layer(UUID.randomUUID(), SCHEDULE, position, name, people, count, unit, LocalDateTime.parse(start),
				null, List.of(restrictions), Instant.EPOCH);
	}

	static ScheduleOverride override(UUID who, UUID replaced, String start, String end, int createdSecond) {
		return new ScheduleOverride(UUID.randomUUID(), SCHEDULE, who, replaced, Instant.parse(start), Instant.parse(end),
				null, Instant.EPOCH.plusSeconds(createdSecond));
	}

	static Piece piece(UUID who, String start, String end, String layer) {
		return new Piece(who, time(start), time(end), layer);
	}

	static Interval interval(String start, String end) {
		return new Interval(time(start), time(end));
	}

	/** An instant written in UTC ({@code Z}) or with the local offset ({@code +02:00}). */
	static Instant time(String text) {
		return OffsetDateTime.parse(text).toInstant();
	}
}
