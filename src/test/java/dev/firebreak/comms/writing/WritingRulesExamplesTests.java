package dev.firebreak.comms.writing;

import static dev.firebreak.comms.writing.Rule.ERROR_CODE;
import static dev.firebreak.comms.writing.Rule.IMPACT_NOT_FIRST;
import static dev.firebreak.comms.writing.Rule.INTERNAL_NAME;
import static dev.firebreak.comms.writing.Rule.JARGON;
import static dev.firebreak.comms.writing.Rule.MISSING_NEXT_UPDATE;
import static dev.firebreak.comms.writing.Rule.MISSING_SCOPE;
import static dev.firebreak.comms.writing.Rule.NO_IMPACT_CLAIM;
import static dev.firebreak.comms.writing.Rule.PREMATURE_PROMISE;
import static dev.firebreak.comms.writing.Rule.SPECULATION;
import static dev.firebreak.comms.writing.Rule.TIME_WITHOUT_ZONE;
import static dev.firebreak.comms.writing.Rule.VAGUE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The writing rules as a table of public updates: each line is a text, its flags, and exactly the rules
 * it breaks (in order of appearance, missing things last). Every rule appears both firing and staying
 * quiet on a look-alike.
 */
class WritingRulesExamplesTests {

	static final List<String> CATALOG = List.of("payments-db", "ledger-writer", "Checkout API", "auth.gateway", "Team Falcon");

	/** An update, whether it announces the resolution, whether customers reported problems, and the rules it breaks. */
	record Example(String text, boolean resolved, boolean customersReported, List<Rule> expected) {

		@Override
		public String toString() {
			return (resolved ? "[resolved] " : "") + (customersReported ? "[reported] " : "") + text + " -> " + expected;
		}
	}

	static Example ok(String text) {
		return new Example(text, false, false, List.of());
	}

	static Example active(String text, Rule... expected) {
		return new Example(text, false, false, List.of(expected));
	}

	static Example reported(String text, Rule... expected) {
		return new Example(text, false, true, List.of(expected));
	}

	static Example resolved(String text, Rule... expected) {
		return new Example(text, true, true, List.of(expected));
	}

	static Stream<Example> examples() {
		return Stream.of(
				// good updates, every phase: nothing to say
				ok("Card payments are failing for some customers in Europe. We are investigating and will post the next update at 15:00 UTC."),
				ok("Investigating: some customers cannot sign in to the mobile app. Next update in 30 minutes."),
				ok("We are investigating reports of failed card payments in Europe. Next update by 14:30 UTC."),
				ok("Customers in North America cannot download invoices from the dashboard. We have found what is wrong and are working on a fix. Next update at 16:00 CET."),
				ok("Identified - email notifications are arriving up to 20 minutes late for all customers. We know what is causing the delay and are fixing it. We will update this page within the next hour."),
				ok("Card payments in Europe are working again. We have put a fix in place and are watching closely to make sure payments keep succeeding. Next update at 17:30 UTC."),
				ok("Monitoring: sign-in for enterprise customers is back to normal since 10:05 UTC. We will post another update in 60 minutes."),
				ok("Checkout is slow for all customers in the US since 2:30 pm EST. Next update at 3:30 pm EST."),
				ok("Some customers in Asia cannot upload files. Next update: UTC 15:00."),
				ok("Customers cannot pay by card. Next update by 10:30 UTC."),
				resolved("Resolved: card payments in Europe work normally again since 14:50 UTC. Between 13:55 and 14:50 UTC some customers could not pay by card. We are sorry for the disruption."),
				resolved("Search on the website is working normally again. From 09:10 to 09:40 CET searches returned no results for customers in Germany. We will publish a review of what happened."),
				resolved("Resolved: payments work again"),

				// INTERNAL_NAME, and names that only look alike
				active("Card payments are failing in Europe because payments-db is overloaded. Next update at 15:00 UTC.", INTERNAL_NAME),
				active("Some customers cannot check out; the checkout api team is on it. Next update in 30 minutes.", INTERNAL_NAME),
				active("Sign-in is failing for some customers; auth.gateway and team  falcon are on it. Next update in 30 minutes.", INTERNAL_NAME, INTERNAL_NAME),
				ok("Ledger exports are delayed for some customers, and the new payments dashboard is slow. Next update at 15:00 UTC."),

				// JARGON, and plain words for developers
				active("Card payments in Europe have high latency. Next update at 15:00 UTC.", JARGON),
				active("We rolled back the deployment and the database failover completed; checkout works again for all customers. Next update at 15:00 UTC.",
						JARGON, JARGON, JARGON),
				active("Some customers see timeouts on the API because of a k8s cluster problem. Next update at 15:00 UTC.", JARGON, JARGON, JARGON),
				ok("Developers using our API cannot create webhooks. Next update at 15:00 UTC."),
				ok("Customers using the Node.js SDK cannot upload files. Next update at 15:00 UTC."),

				// ERROR_CODE, and ordinary numbers
				active("Some customers see 500 errors on checkout. Next update at 15:00 UTC.", ERROR_CODE),
				active("The dashboard returns HTTP 503 for customers in Europe. Next update in 30 minutes.", ERROR_CODE),
				active("Customers in Japan see error 502 and ECONNREFUSED when signing in. Next update at 15:00 UTC.", ERROR_CODE, ERROR_CODE),
				active("The mobile app shows NullPointerException or ORA-00942 to some customers. Next update at 15:00 UTC.", ERROR_CODE, ERROR_CODE),
				active("Some customers see code E1234 when paying. Next update at 15:00 UTC.", ERROR_CODE),
				ok("Card payments are failing in 3 regions for about 500 customers, roughly 20% of attempts. Next update at 15:00 UTC."),

				// VAGUE, and specific phrasings of the same words
				active("We are experiencing some issues. Updates to follow.", IMPACT_NOT_FIRST, VAGUE, MISSING_SCOPE, MISSING_NEXT_UPDATE),
				active("Customers in Europe may notice technical difficulties with checkout. Next update at 15:00 UTC.", VAGUE),
				active("We have identified an issue. Next update at 15:00 UTC.", IMPACT_NOT_FIRST, VAGUE, MISSING_SCOPE),
				active("Some users have a degraded experience in the mobile app. Next update at 15:00 UTC.", VAGUE),
				ok("We are investigating an issue with card payments in Europe. Next update at 15:00 UTC."),
				ok("Customers of the mobile app are experiencing failed payments. Next update at 15:00 UTC."),

				// PREMATURE_PROMISE before the resolution only
				active("Card payments in Europe are failing; this should be resolved soon. Next update at 15:00 UTC.", PREMATURE_PROMISE),
				active("Sign-in will be fixed shortly for all customers. Next update in 30 minutes.", PREMATURE_PROMISE),
				active("The problem with card payments in Europe has been resolved. We are monitoring. Next update at 15:00 UTC.", PREMATURE_PROMISE),
				active("Checkout is down for everyone. We are rolling out a fix and expect it to be back up shortly. Next update at 12:15 UTC.",
						PREMATURE_PROMISE),
				ok("We will keep this page updated until the problem with checkout is resolved. Next update at 15:00 UTC."),
				resolved("Card payments in Europe have been fixed and work normally since 14:50 UTC."),

				// NO_IMPACT_CLAIM only when customers reported problems
				reported("There is no customer impact on card payments. Next update at 15:00 UTC.", NO_IMPACT_CLAIM),
				reported("Card payments failed for some customers; customers in Asia were not affected. Next update at 15:00 UTC.", NO_IMPACT_CLAIM),
				new Example("Maintenance of the billing pages had no customer impact.", true, false, List.of()),

				// SPECULATION about cause, and talk of a later review
				active("Checkout is failing for some customers. We believe the cause is a faulty update. Next update at 15:00 UTC.", SPECULATION),
				active("Card payments in Europe are failing, probably caused by a bug in our payment provider. Next update at 15:00 UTC.", SPECULATION, SPECULATION),
				active("Sign-in is unavailable for customers in the US; this might be due to an attack. Next update at 15:00 UTC.", SPECULATION, SPECULATION),
				resolved("Resolved: card payments in Europe work again. The root cause was a faulty update.", SPECULATION),
				resolved("Card payments in Europe work again since 14:50 UTC. We will publish a root cause analysis within five days."),

				// MISSING_SCOPE
				active("Things are slow right now. Next update at 15:00 UTC.", MISSING_SCOPE),
				active("Let us know if anything is slow for you. Next update in 30 minutes.", MISSING_SCOPE),
				ok("US customers cannot pay by card. Next update in 30 minutes."),
				ok("Everything is slow for users of the mobile app. Next update at 15:00 UTC."),

				// MISSING_NEXT_UPDATE unless resolved; a time before the promise is not the next update's time
				active("Card payments are failing for some customers in Europe. Updates to follow.", MISSING_NEXT_UPDATE),
				active("Card payments are failing in Europe since 14:00 UTC and we will update this page.", MISSING_NEXT_UPDATE),
				active("Checkout is slow for some customers. We will post another update soon.", MISSING_NEXT_UPDATE),
				ok("Card payments are failing in Europe. We'll update you in an hour."),
				ok("Checkout is slow for some customers. We will update by 15:00 UTC."),
				ok("Checkout is slow for some customers. We will share more information within the next hour."),

				// TIME_WITHOUT_ZONE, and the many ways to write a zone
				active("Card payments in Europe have been failing since 14:30. Next update at 15:00.", TIME_WITHOUT_ZONE, TIME_WITHOUT_ZONE),
				active("Sign-in for customers in the US failed between 2:30 pm and 3 pm. Next update at 4pm ET.", TIME_WITHOUT_ZONE, TIME_WITHOUT_ZONE),
				ok("Card payments in Europe are failing. We will post the next update at 15:00 UTC."),
				ok("Card payments in Europe are failing since 13:05:00Z. Next update at 2030-05-01T15:00:00+01:00."),
				ok("Bookings in Germany cannot be changed since 08:40 (Europe/Berlin). Next update at 09:30 Europe/Berlin."),
				ok("Bookings in Germany cannot be changed since 08:40 UTC+1. Next update at 9 a.m. Central European Time."),

				// IMPACT_NOT_FIRST
				active("Our engineers are working on a fix. Card payments are failing in Europe. Next update at 15:00 UTC.", IMPACT_NOT_FIRST),
				active("The team is looking into it. Some customers cannot sign in. Next update in 30 minutes.", IMPACT_NOT_FIRST),
				ok("We are working on a fix for slow page loads on the website. Next update in 30 minutes."),

				// everything at once
				reported("Update: our team is investigating 503 errors from ledger-writer after a deploy; we believe the cause is a Kubernetes node fault. "
						+ "Should be fixed shortly. Next update at 14:30.",
						ERROR_CODE, INTERNAL_NAME, JARGON, SPECULATION, JARGON, JARGON, PREMATURE_PROMISE, TIME_WITHOUT_ZONE, MISSING_SCOPE));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void findsExactlyTheRulesBroken(Example example) {
		var text = example.text();
		var findings = WritingRules.check(new Draft(text, example.resolved(), example.customersReported(), CATALOG));

		assertThat(findings).extracting(Finding::rule).containsExactlyElementsOf(example.expected());
		assertThat(findings).allSatisfy(finding -> {
			assertThat(finding.message()).isNotBlank();
			assertThat(finding.suggestion()).isNotBlank();
			if (finding.missing()) {
				assertThat(finding.words()).isEmpty();
				assertThat(finding.end()).isEqualTo(-1);
			} else {
				assertThat(text.substring(finding.start(), finding.end())).isEqualTo(finding.words()).isNotBlank();
			}
		});
		assertThat(findings).isSortedAccordingTo(Comparator.comparing(Finding::missing).thenComparingInt(Finding::start));
	}
}
