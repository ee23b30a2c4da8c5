package dev.firebreak.comms.internal;

import static dev.firebreak.comms.internal.Rubric.DECLARED;
import static dev.firebreak.comms.internal.Rubric.incident;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.firebreak.comms.Audience;
import dev.firebreak.comms.Phase;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Severity;

class UpdateTemplatesTests {

	private static final Set<String> INTERNAL_NAMES = Set.of("checkout-db", "Payments Platform");

	private static UpdateTemplates.Scope scope(String title, String impact, List<String> components,
			java.time.Duration next) {
		return new UpdateTemplates.Scope(incident(Severity.SEV2, IncidentStatus.INVESTIGATING, false, null, title, impact),
				List.of("checkout-db"), components, INTERNAL_NAMES, DECLARED.plus(ofMinutes(7)), next);
	}

	@Test
	void publicDraftsStateTheImpactFirstTheScopeAndTheNextUpdateWithItsZone() {
		var text = UpdateTemplates.write(Audience.PUBLIC, Phase.INVESTIGATING,
				scope("checkout-db pool exhausted", "Customers cannot pay by card.", List.of("Card payments"), ofMinutes(30)));

		assertThat(text).isEqualTo("Customers cannot pay by card. We are investigating reports of this problem with "
				+ "Card payments. Updates to follow. Next update by 10:37 UTC.");
	}

	@Test
	void publicDraftsNeverCarryAnInternalName() {
		var text = UpdateTemplates.write(Audience.PUBLIC, Phase.IDENTIFIED,
				scope("checkout-db pool exhausted", "Payments Platform errors", List.of(), ofMinutes(30)));

		assertThat(text).doesNotContainIgnoringCase("checkout-db").doesNotContainIgnoringCase("payments platform")
			.startsWith(UpdateTemplates.PUBLIC_IMPACT_GAP).contains(UpdateTemplates.PUBLIC_SCOPE_GAP)
			.contains("Next update by 10:37 UTC");
	}

	@Test
	void aResolvedDraftPromisesNoNextUpdate() {
		var text = UpdateTemplates.write(Audience.PUBLIC, Phase.RESOLVED,
				scope("Card payments fail", null, List.of("Card payments", "Checkout"), null));

		assertThat(text).startsWith("Resolved: the problem with Card payments and Checkout was fixed at 10:07 UTC")
			.doesNotContain("Next update");
	}

	@Test
	void aNextUpdateOnAnotherDaySaysWhichDay() {
		assertThat(UpdateTemplates.at(DECLARED.plus(ofMinutes(14 * 60 + 15)), DECLARED)).isEqualTo("00:15 UTC on 3 March 2026");
	}

	@Test
	void internalAndStakeholderDraftsNameTheServicesAndTheBusinessImpact() {
		var internal = UpdateTemplates.write(Audience.INTERNAL, null,
				scope("checkout-db pool exhausted", "Customers cannot pay by card.", List.of(), ofMinutes(15)));
		var stakeholders = UpdateTemplates.write(Audience.STAKEHOLDERS, null,
				scope("checkout-db pool exhausted", "Customers cannot pay by card.", List.of(), ofMinutes(60)));

		assertThat(internal).contains("INC-42 checkout-db pool exhausted: SEV2, investigating")
			.contains("Services: checkout-db").contains("Mitigation: not mitigated yet")
			.endsWith("Next internal update by 10:22 UTC.");
		assertThat(stakeholders).startsWith("Business impact of INC-42")
			.contains("Who is affected: Customers cannot pay by card (services: checkout-db)")
			.contains("What it costs:").contains("What we are doing:").endsWith("Next update by 11:07 UTC.");
	}
}
