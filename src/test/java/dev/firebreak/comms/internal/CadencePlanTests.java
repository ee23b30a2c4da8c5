package dev.firebreak.comms.internal;

import static dev.firebreak.comms.internal.Rubric.DECLARED;
import static dev.firebreak.comms.internal.Rubric.incident;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.firebreak.comms.Phase;
import dev.firebreak.comms.internal.CadencePlan.Facts;
import dev.firebreak.comms.internal.CadencePlan.Meet;
import dev.firebreak.comms.internal.CadencePlan.Open;
import dev.firebreak.comms.internal.CadencePlan.Step;
import dev.firebreak.comms.internal.CadencePlan.Withdraw;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Severity;
import dev.firebreak.platform.FirebreakPolicy;

class CadencePlanTests {

	private static final FirebreakPolicy POLICY = Rubric.policy();

	private static final Facts NOTHING_POSTED = new Facts(null, null, null, null, null);

	private static List<Step> plan(Severity severity, IncidentStatus status, boolean isPrivate, Facts facts) {
		return CadencePlan.plan(incident(severity, status, isPrivate), POLICY, facts);
	}

	private static Open open(List<Step> steps, String key) {
		return steps.stream().filter(s -> s.key().equals(key)).map(Open.class::cast).findFirst().orElseThrow();
	}

	@Test
	void aDeclaredSev1OwesEveryAudienceFromItsDeclaration() {
		var steps = plan(Severity.SEV1, IncidentStatus.TRIAGE, false, NOTHING_POSTED);

		assertThat(open(steps, CadencePlan.INTERNAL).dueAt()).isEqualTo(DECLARED.plus(ofMinutes(15)));
		assertThat(open(steps, CadencePlan.STAKEHOLDERS).dueAt()).isEqualTo(DECLARED.plus(ofMinutes(30)));
		var publicUpdate = open(steps, CadencePlan.PUBLIC);
		assertThat(publicUpdate.dueAt()).isEqualTo(DECLARED.plus(ofMinutes(30)));
		assertThat(publicUpdate.overdueTellsCommander()).isTrue();
		assertThat(open(steps, CadencePlan.INTERNAL).overdueTellsCommander()).isFalse();
		assertThat(open(steps, CadencePlan.INTERNAL).title()).contains("every 15 min");
	}

	@Test
	void eachDueTimeFollowsTheLastUpdateToItsAudience() {
		var internal = DECLARED.plus(ofMinutes(12));
		var stakeholders = DECLARED.plus(ofMinutes(25));
		var publicAt = DECLARED.plus(ofMinutes(20));
		var steps = plan(Severity.SEV2, IncidentStatus.IDENTIFIED, false,
				new Facts(internal, stakeholders, publicAt, Phase.IDENTIFIED, null));

		assertThat(open(steps, CadencePlan.INTERNAL).dueAt()).isEqualTo(internal.plus(ofMinutes(15)));
		assertThat(open(steps, CadencePlan.STAKEHOLDERS).dueAt()).isEqualTo(stakeholders.plus(ofMinutes(60)));
		assertThat(open(steps, CadencePlan.PUBLIC).dueAt()).isEqualTo(publicAt.plus(ofMinutes(30)));
	}

	@Test
	void whileMonitoringThePublicHearsHourly() {
		var publicAt = DECLARED.plus(ofMinutes(20));
		var steps = plan(Severity.SEV1, IncidentStatus.MONITORING, false,
				new Facts(null, null, publicAt, Phase.MONITORING, null));

		assertThat(open(steps, CadencePlan.PUBLIC).dueAt()).isEqualTo(publicAt.plus(ofMinutes(60)));
		assertThat(open(steps, CadencePlan.PUBLIC).title()).contains("every 60 min while monitoring");
	}

	@Test
	void aSev3OwesNoStakeholderOrPublicUpdateUntilOneIsPosted() {
		var steps = plan(Severity.SEV3, IncidentStatus.INVESTIGATING, false, NOTHING_POSTED);

		assertThat(steps).contains(new Withdraw(CadencePlan.STAKEHOLDERS), new Withdraw(CadencePlan.PUBLIC));
		assertThat(open(steps, CadencePlan.INTERNAL).dueAt()).isEqualTo(DECLARED.plus(ofMinutes(15)));

		var posted = DECLARED.plus(ofMinutes(5));
		var afterAPublicUpdate = plan(Severity.SEV3, IncidentStatus.INVESTIGATING, false,
				new Facts(null, null, posted, Phase.INVESTIGATING, null));
		assertThat(open(afterAPublicUpdate, CadencePlan.PUBLIC).dueAt()).isEqualTo(posted.plus(ofMinutes(30)));
	}

	@Test
	void anUnclassifiedIncidentOwesTheTeamOnly() {
		var steps = plan(null, IncidentStatus.TRIAGE, false, NOTHING_POSTED);

		assertThat(steps).containsExactly(open(steps, CadencePlan.INTERNAL), new Withdraw(CadencePlan.STAKEHOLDERS),
				new Withdraw(CadencePlan.PUBLIC));
	}

	@Test
	void aPrivateIncidentNeverOwesStakeholdersOrThePublic() {
		var steps = plan(Severity.SEV1, IncidentStatus.INVESTIGATING, true,
				new Facts(null, null, DECLARED, Phase.INVESTIGATING, null));

		assertThat(steps).containsExactly(open(steps, CadencePlan.INTERNAL), new Withdraw(CadencePlan.STAKEHOLDERS),
				new Withdraw(CadencePlan.PUBLIC));
	}

	@Test
	void resolutionStopsTheInternalCadencesButThePublicOneWaitsForTheResolvedUpdate() {
		var steps = plan(Severity.SEV1, IncidentStatus.RESOLVED, false,
				new Facts(DECLARED, DECLARED, DECLARED, Phase.MONITORING, null));

		assertThat(steps).containsExactly(new Withdraw(CadencePlan.INTERNAL), new Withdraw(CadencePlan.STAKEHOLDERS));
	}

	@Test
	void aPublicResolvedUpdateMeetsThePublicCadenceWithNoNextOne() {
		var active = plan(Severity.SEV1, IncidentStatus.MONITORING, false,
				new Facts(null, null, DECLARED.plus(ofMinutes(40)), Phase.RESOLVED, null));
		var resolved = plan(Severity.SEV1, IncidentStatus.RESOLVED, false,
				new Facts(null, null, DECLARED.plus(ofMinutes(40)), Phase.RESOLVED, null));

		assertThat(active).anyMatch(s -> s instanceof Meet m && m.key().equals(CadencePlan.PUBLIC));
		assertThat(resolved).anyMatch(s -> s instanceof Meet m && m.key().equals(CadencePlan.PUBLIC));
	}

	@Test
	void aReopenedIncidentStartsItsCadencesAgainAndNeedsANewResolvedUpdate() {
		var reopened = DECLARED.plus(ofMinutes(90));
		var steps = plan(Severity.SEV1, IncidentStatus.INVESTIGATING, false,
				new Facts(DECLARED.plus(ofMinutes(50)), null, DECLARED.plus(ofMinutes(60)), Phase.RESOLVED, reopened));

		assertThat(open(steps, CadencePlan.INTERNAL).dueAt()).isEqualTo(reopened.plus(ofMinutes(15)));
		assertThat(open(steps, CadencePlan.PUBLIC).dueAt()).isEqualTo(reopened.plus(ofMinutes(30)));
	}

	@Test
	void aClosedIncidentOwesNothing() {
		assertThat(plan(Severity.SEV1, IncidentStatus.CLOSED, false, NOTHING_POSTED)).containsExactly(
				new Withdraw(CadencePlan.INTERNAL), new Withdraw(CadencePlan.STAKEHOLDERS), new Withdraw(CadencePlan.PUBLIC));
	}
}
