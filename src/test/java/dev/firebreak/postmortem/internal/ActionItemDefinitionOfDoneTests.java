package dev.firebreak.postmortem.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which definitions of done someone other than the author could check, and what a rejection says. */
class ActionItemDefinitionOfDoneTests {

	@ParameterizedTest
	@ValueSource(strings = {
			"An alert pages the payments on-call within 5 minutes when checkout errors exceed 2% for 5 minutes; verified by a fire drill",
			"p99 latency of /checkout stays under 300 ms for a week after the release",
			"Checkout error rate below 0.5% during the next peak",
			"A regression test for a null customer id fails on the old code and passes with the fix",
			"The test CheckoutRetryTests fails before the fix and passes after it",
			"Runbook \"Payments failover\" exists and is linked from the checkout alert",
			"The `checkout-errors` alert is routed to payments-oncall",
			"Dashboard payments/checkout-latency shows the queue depth",
			"PAY-1234 is closed with the connection pool resized",
			"Fix merged in https://git.example.org/payments/pull/812",
			"PR #812 is merged and deployed to every region",
			"Upgrade log4j to 2.17.1 in every service",
			"Database connections capped at 200 per instance",
			"The service runs with 3 replicas in every zone",
			"Failover to the secondary region demonstrated in a game day",
			"Zero manual steps in the deploy: the pipeline rolls back on its own",
			"Rotate the API credentials every 90 days",
			"Investigate the retry storm and link the findings in OPS-77",
			"Improve monitoring: the checkout alert fires at most 2 minutes after the error rate exceeds 1%",
			"Backups are restored once a quarter, verified by a restore drill",
			"CI fails on a config that does not match the schema; a test proves it",
			"The deploy pipeline refuses a migration that locks the orders table",
			"Review alerting: the `checkout-errors` alert is routed to payments-oncall",
			"Improve monitoring until the checkout alert fires within 2 minutes of the first error",
	})
	void acceptsDefinitionsAnyoneCanCheck(String definition) {
		var verdict = ActionItemDefinitionOfDone.check(definition);
		assertThat(verdict.measurable()).as(definition).isTrue();
		assertThat(verdict.explanation()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"improve monitoring",
			"Better alerting",
			"look into the checkout timeouts",
			"Be more careful when deploying",
			"investigate",
			"Investigate why checkout took 30 seconds",
			"Investigate the 500 errors",
			"Review the database configuration",
			"Consider adding more capacity",
			"Enhance the logging",
			"Ensure the on-call knows what to do",
			"Monitor the payment queue",
			"more tests",
			"Make the deploy process more robust",
			"Fix it",
			"Alerting gets fixed",
			"",
			"   ",
			"Add better alerts where possible",
			"Think about a runbook",
			// a bare preposition before a figure describes the work, it does not say when it is done
			"Improve monitoring of 2 services",
			"Improve monitoring by 2027",
			"Investigate the outage at 3 am",
			"Be more careful from now on, 100%",
			"Review the checkout-service dashboard",
			"We should improve monitoring of 2 services",
	})
	void rejectsVagueDefinitions(String definition) {
		var verdict = ActionItemDefinitionOfDone.check(definition);
		assertThat(verdict.measurable()).as(definition).isFalse();
		assertThat(verdict.explanation()).startsWith("The definition of done is not measurable: ")
			.contains("For example: \"" + ActionItemDefinitionOfDone.EXAMPLE + "\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "improve monitoring", "Better alerting and more dashboards" })
	void aRejectionNamesTheVagueWords(String definition) {
		var explanation = ActionItemDefinitionOfDone.check(definition).explanation();
		var lower = definition.toLowerCase(java.util.Locale.ROOT);
		if (lower.contains("improve")) {
			assertThat(explanation).contains("'improve' and 'monitoring' say what to work on, not how anyone will know it is done");
		}
		else {
			assertThat(explanation).contains("'better' and 'more' say what to work on");
		}
	}

	@org.junit.jupiter.api.Test
	void withoutVagueWordsTheRejectionSaysNothingCanBeChecked() {
		assertThat(ActionItemDefinitionOfDone.check("Fix it").explanation())
			.contains("it states nothing anyone could check to know it is done");
	}
}
