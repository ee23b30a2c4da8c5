package dev.firebreak.oncall.internal;

import static dev.firebreak.oncall.internal.ScheduleResolverTests.ALICE;
import static dev.firebreak.oncall.internal.ScheduleResolverTests.BOB;
import static dev.firebreak.oncall.internal.ScheduleResolverTests.CAROL;
import static dev.firebreak.oncall.internal.ScheduleResolverTests.DAVE;
import static dev.firebreak.oncall.internal.ScheduleResolverTests.ERIN;
import static dev.firebreak.oncall.internal.ScheduleResolverTests.layer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Rotation lint: two weeks running, and rotations too small to rest in. */
class RotationLintTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	static final LocalDate MONDAY = LocalDate.parse("2026-03-02");

	static final UUID FRANK = UUID.fromString("00000000-0000-0000-0000-00000000000f");

	@Test
	void aWeeklyRotationOfFiveHandingOffOnMondayMorningIsFine() {
		var weekly = layer(1, "Primary", List.of(ALICE, BOB, CAROL, DAVE, ERIN), 1, ShiftUnit.WEEKS, "2026-02-23T09:00");

		assertThat(lint(weekly)).isEmpty();
	}

	@Test
	void aDailyRotationOfFiveNeverPutsAnyoneOnCallForAWeek() {
		var daily = layer(1, "Primary", List.of(ALICE, BOB, CAROL, DAVE, ERIN), 1, ShiftUnit.DAYS, "2026-02-23T09:00");

		assertThat(lint(daily)).isEmpty();
	}

	@Test
	void theSamePersonTwiceInARowInAWeeklyRotationIsFound() {
		var weekly = layer(1, "Primary", List.of(ALICE, ALICE, BOB, CAROL, DAVE, ERIN), 1, ShiftUnit.WEEKS,
				"2026-03-02T09:00");

		var findings = lint(weekly);

		// six turns: Alice's two weeks come round again in weeks 7 and 8
		assertThat(findings).extracting(RotationLint.Finding::accountId).containsExactly(ALICE, ALICE);
		assertThat(findings.get(1).message()).contains("the weeks starting Monday 13 April 2026 and Monday 20 April 2026");
		assertThat(findings.get(0)).satisfies(finding -> {
			assertThat(finding.kind()).isEqualTo(RotationLint.Kind.CONSECUTIVE_WEEKS);
			assertThat(finding.accountId()).isEqualTo(ALICE);
			assertThat(finding.message()).isEqualTo("Person a is on call 2 weeks in a row, the weeks starting "
					+ "Monday 2 March 2026 and Monday 9 March 2026. A second week running wears a person out: "
					+ "swap a week with someone or add people.");
			assertThat(finding.from()).isEqualTo(Instant.parse("2026-03-01T23:00:00Z"));
			assertThat(finding.to()).isEqualTo(Instant.parse("2026-03-15T23:00:00Z"));
		});
	}

	@Test
	void aBusinessHoursLayerCountsOnlyTheTimeSomeoneIsOnCall() {
		var office = layer(1, "Office", List.of(ALICE, ALICE, BOB, CAROL, DAVE, ERIN), 1, ShiftUnit.WEEKS,
				"2026-03-02T00:00", Restriction.daily(LocalTime.of(9, 0), LocalTime.of(17, 0)));

		assertThat(lint(office)).extracting(RotationLint.Finding::accountId).containsExactly(ALICE, ALICE);
	}

	@Test
	void aRotationOfFewerThanFivePeopleIsFoundCountingEachPersonOnce() {
		var small = layer(1, "Secondary", List.of(ALICE, BOB, ALICE, CAROL, DAVE), 1, ShiftUnit.DAYS, "2026-03-02T09:00");

		var findings = lint(small);

		assertThat(findings).singleElement().satisfies(finding -> {
			assertThat(finding.kind()).isEqualTo(RotationLint.Kind.SMALL_ROTATION);
			assertThat(finding.layerId()).isEqualTo(small.id());
			assertThat(finding.message()).startsWith("The rotation Secondary has 4 people; a rotation of fewer than 5");
		});
	}

	@Test
	void oneLonePersonIsOneRunOfEveryWeekAndASmallRotation() {
		var alone = layer(1, "Alone", List.of(FRANK), 1, ShiftUnit.WEEKS, "2026-03-02T00:00");

		var findings = lint(alone);

		assertThat(findings).extracting(RotationLint.Finding::kind)
			.containsExactly(RotationLint.Kind.SMALL_ROTATION, RotationLint.Kind.CONSECUTIVE_WEEKS);
		assertThat(findings.get(0).message()).contains("has 1 person;");
		assertThat(findings.get(1).message()).startsWith("Person f is on call 8 weeks in a row");
	}

	private static List<RotationLint.Finding> lint(Layer layer) {
		var from = ScheduleResolver.instant(MONDAY.atStartOfDay(), BERLIN);
		var to = ScheduleResolver.instant(MONDAY.plusWeeks(8).atStartOfDay(), BERLIN);
		var resolution = ScheduleResolver.resolve(BERLIN, List.of(layer), List.of(), from, to);
		return RotationLint.lint(BERLIN, List.of(layer), resolution.shifts(), MONDAY, 8, 0.5, 5,
				id -> "Person " + id.toString().substring(35));
	}
}
