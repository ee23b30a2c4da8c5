package dev.firebreak.postmortem.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The blameless check, sentence by sentence: what is blame, and what is only a fact about a person. */
class BlamelessCheckTests {

	private static final List<String> PEOPLE = List.of("Alice Moreau", "Bob Okafor", "Will Turner", "admin",
			"Max Power");

	@ParameterizedTest(name = "[{0}] \"{1}\" is flagged for \"{2}\"")
	@CsvSource(delimiter = '|', textBlock = """
			what_happened       | It was Bob's fault that the config went out.                | Bob's fault
			why_1               | Alice forgot to run the migration before the deploy.        | Alice forgot
			why_2               | Because Bob pushed an untested change on Friday.            | Because Bob
			what_happened       | The outage was caused by Alice Moreau.                      | caused by Alice Moreau
			went_poorly         | The reviewer was careless with the diff.                    | careless
			why_1               | Human error during the failover.                            | Human error
			not_detected_sooner | In hindsight we should have known the dashboard was stale.  | should have known
			went_poorly         | Sloppy work on the rollout plan.                            | Sloppy
			what_happened       | An incompetent change went through review.                  | incompetent
			why_3               | We blame the release manager for skipping the canary.       | blame
			slowed_response     | Bob screwed up the DNS entry, so traffic went nowhere.      | Bob screwed up
			why_1               | Negligent handling of the certificates.                     | Negligent
			prevents_recurrence | Make sure Alice didn't skip the checklist again.            | Alice didn't
			why_2               | The root cause was Bob.                                     | root cause was Bob
			what_happened       | He failed to check the replica lag before switching.        | He failed to
			slowed_response     | Someone forgot to renew the certificate.                    | Someone forgot
			went_poorly         | The engineer dropped the ball on the hand-over.             | dropped the ball
			why_4               | It was due to Alice that the flag stayed on.                | due to Alice
			what_happened       | Alice's change caused the outage.                           | Alice's change caused
			what_happened       | Bob's bad deploy broke prod.                                | Bob's bad deploy broke
			""")
	void flags(String section, String text, String phrase) {
		var findings = BlamelessCheck.check(sections(section, text), PEOPLE);
		assertThat(findings).as("findings of %s", text).isNotEmpty();
		assertThat(findings.get(0).phrase()).isEqualTo(phrase);
		assertThat(findings.get(0).section()).isEqualTo(section);
		assertThat(findings.get(0).suggestion()).isNotBlank();
	}

	@ParameterizedTest(name = "[{0}] \"{1}\" is not flagged")
	@CsvSource(delimiter = '|', textBlock = """
			what_happened       | Alice rolled back the deploy at 14:02 and errors stopped.
			what_happened       | Bob Okafor paged the database team at 13:51.
			went_well           | Thanks to Alice the rollback took four minutes.
			why_1               | The deploy pipeline has no canary stage, so the bad build reached every host at once.
			why_2               | Because the config schema was not validated before the rollout.
			not_detected_sooner | The alert on error rate waits 15 minutes before it fires.
			went_poorly         | The runbook pointed to a dashboard that no longer exists.
			prevents_recurrence | Add a schema check to CI that fails on unknown keys.
			what_happened       | We ran a blameless review on Thursday.
			slowed_response     | Will the pager reach the secondary if the primary phone is off? It did not.
			what_happened       | The admin console showed stale data for twenty minutes.
			went_well           | Alice's team had the fallback ready within minutes.
			why_3               | The 30 s timeout was inherited from a library default nobody reviewed.
			what_happened       | Max connections were exhausted.
			why_1               | Because max connections were exhausted, new requests queued.
			what_happened       | Latency grew because of max connections being reached.
			""")
	void doesNotFlag(String section, String text) {
		var findings = BlamelessCheck.check(sections(section, text), PEOPLE);
		assertThat(findings).as("findings of %s", text).isEmpty();
	}

	@Test
	void eachFindingNamesItsSectionAndSeveralAreFoundInOneText() {
		var sections = new LinkedHashMap<String, String>();
		sections.put("what_happened", "Alice restarted the primary at 10:04.");
		sections.put("why_1", "Bob forgot the flag. Sloppy review let it pass, a human error.");
		sections.put("went_well", null);
		var findings = BlamelessCheck.check(sections, PEOPLE);
		assertThat(findings).extracting(BlamelessCheck.Finding::section).containsOnly("why_1");
		assertThat(findings).extracting(BlamelessCheck.Finding::phrase).containsExactly("Bob forgot", "Sloppy", "human error");
		assertThat(findings).allSatisfy(f -> assertThat(f.suggestion()).isNotBlank());
	}

	@Test
	void aNameIsFlaggedOnlyForPeopleWhoHaveAnAccount() {
		var findings = BlamelessCheck.check(sections("why_1", "Because Mallory pushed the change."), PEOPLE);
		assertThat(findings).isEmpty();
		assertThat(BlamelessCheck.check(sections("why_1", "Because Mallory pushed the change."), List.of("Mallory Chen")))
			.extracting(BlamelessCheck.Finding::phrase).containsExactly("Because Mallory");
	}

	@Test
	void anAccountNamedLikeAnOrdinaryWordDoesNotHideTheBlameAroundIt() {
		var findings = BlamelessCheck.check(sections("why_2", "Because someone forgot the review."), List.of("Someone"));
		assertThat(findings).extracting(BlamelessCheck.Finding::phrase).containsExactly("someone forgot");
	}

	private static LinkedHashMap<String, String> sections(String section, String text) {
		var sections = new LinkedHashMap<String, String>();
		sections.put(section, text);
		return sections;
	}
}
