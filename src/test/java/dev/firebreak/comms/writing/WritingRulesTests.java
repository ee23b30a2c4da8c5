package dev.firebreak.comms.writing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** What a finding carries: the exact words and where they are, a message naming them, and advice fitting them. */
class WritingRulesTests {

	private static List<Finding> check(String text, String... internalNames) {
		return WritingRules.check(new Draft(text, false, false, List.of(internalNames)));
	}

	@Test
	void pointsAtTheOffendingWordsWithTheirOwnCasing() {
		var text = "Card payments in Europe fail at PAYMENTS-DB since 14:30. Next update at 15:00 UTC.";

		assertThat(check(text, "payments-db")).extracting(Finding::rule, Finding::words, Finding::start, Finding::end)
				.containsExactly(
						tuple(Rule.INTERNAL_NAME, "PAYMENTS-DB", text.indexOf("PAYMENTS-DB"), text.indexOf("PAYMENTS-DB") + "PAYMENTS-DB".length()),
						tuple(Rule.TIME_WITHOUT_ZONE, "14:30", text.indexOf("14:30"), text.indexOf("14:30") + 5));
	}

	@Test
	void namesTheWordsInTheMessageAndAdvisesPlainWords() {
		var latency = check("Card payments in Europe have high latency. Next update at 15:00 UTC.").get(0);

		assertThat(latency.message()).contains("'latency'");
		assertThat(latency.suggestion()).contains("slow");

		var vague = check("Customers in Europe are experiencing some issues. Next update at 15:00 UTC.").get(0);
		assertThat(vague.words()).isEqualTo("experiencing some issues");
		assertThat(vague.suggestion()).contains("Say what users cannot do");

		var time = check("Checkout fails for some customers since 2:30 pm. Next update at 15:00 UTC.").get(0);
		assertThat(time.words()).isEqualTo("2:30 pm");
		assertThat(time.suggestion()).isEqualTo("Add the zone: '2:30 pm UTC'.");
	}

	@Test
	void anInternalNameIsOneFindingEvenWhenItContainsJargon() {
		var findings = check("Payments fail for all customers: the Ledger Database is full. Next update at 15:00 UTC.", "ledger database");

		assertThat(findings).extracting(Finding::rule, Finding::words).containsExactly(tuple(Rule.INTERNAL_NAME, "Ledger Database"));
	}

	@Test
	void anInternalNameInsideAnotherWordIsNotAMatch() {
		assertThat(check("Sign-in for customers of the new-payments-dbx app is slow. Next update at 15:00 UTC.", "payments-db")).isEmpty();
	}

	@Test
	void overlappingPhrasesOfOneRuleAreReportedOnce() {
		var findings = check("Some customers in Europe cannot pay; this is probably caused by a faulty update. Next update at 15:00 UTC.");

		assertThat(findings).extracting(Finding::rule, Finding::words).containsExactly(tuple(Rule.SPECULATION, "probably caused by"));
	}

	@Test
	void theOpeningSentenceIsTheFindingWhenItIsAboutOurWork() {
		var text = "  Our engineers are on it. Card payments in Europe fail. Next update at 15:00 UTC.";

		var finding = check(text).get(0);

		assertThat(finding.rule()).isEqualTo(Rule.IMPACT_NOT_FIRST);
		assertThat(finding.words()).isEqualTo("Our engineers are on it.");
		assertThat(finding.start()).isEqualTo(2);
	}

	@Test
	void theResolutionNeedsNoNextUpdateAndMayCallItFixed() {
		var text = "Card payments in Europe have been fixed; they work normally again.";

		assertThat(WritingRules.check(new Draft(text, true, true, List.of()))).isEmpty();
		assertThat(WritingRules.check(new Draft(text, false, true, List.of()))).extracting(Finding::rule)
				.containsExactly(Rule.PREMATURE_PROMISE, Rule.MISSING_NEXT_UPDATE);
	}

	@Test
	void anEmptyDraftMissesScopeAndNextUpdateAndNothingElse() {
		var findings = WritingRules.check(new Draft(null, false, true, null));

		assertThat(findings).extracting(Finding::rule, Finding::start, Finding::end, Finding::words).containsExactly(
				tuple(Rule.MISSING_SCOPE, -1, -1, ""), tuple(Rule.MISSING_NEXT_UPDATE, -1, -1, ""));
	}

	@Test
	void blankAndMissingInternalNamesAreIgnored() {
		var draft = new Draft("Checkout is slow for all customers. Next update at 15:00 UTC.", false, false,
				Arrays.asList("", "  ", null, " Checkout API "));

		assertThat(draft.internalNames()).containsExactly("Checkout API");
		assertThat(WritingRules.check(draft)).isEmpty();
	}

	@Test
	void rulesAreWrittenInLowerSnakeCase() {
		var json = JsonMapper.builder().build();

		assertThat(Rule.MISSING_NEXT_UPDATE).hasToString("missing_next_update");
		assertThat(json.writeValueAsString(List.of(Rule.TIME_WITHOUT_ZONE, Rule.INTERNAL_NAME)))
				.isEqualTo("[\"time_without_zone\",\"internal_name\"]");
	}
}
