package dev.firebreak.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Which sections a runbook's Markdown has, by name or synonym, and its HTML: pure, without Spring. */
class RunbookMarkdownTests {

	@Test
	void theTemplateHasEverySectionWithContent() {
		assertThat(RunbookMarkdown.problems(RunbookMarkdown.TEMPLATE)).isEmpty();
	}

	@Test
	void synonymsNumberingDeeperLevelsAndMoreWordsCountButATitleHeadingDoesNot() {
		var markdown = """
				# Impact on checkout
				Not a section: a level-1 heading is the title.

				### 1. Symptoms: HighErrorRate fires
				Error rate above 5 %.

				## Diagnosis
				1. Open the dashboard.
				   - Normal: under 1 %.
				   - Abnormal: above 5 % means the database is slow.

				## Remediation
				Roll back.

				## Who to call
				The database team.

				## Background
				""";
		assertThat(RunbookMarkdown.problems(markdown))
			.containsExactly("missing section: Impact", "empty section: Context");
	}

	@Test
	void aSectionsSubheadingsAreItsContent() {
		var markdown = RunbookMarkdown.TEMPLATE.replace("## Investigation\n", "## Investigation\n### Step 1\nLook.\n");
		assertThat(RunbookMarkdown.problems(markdown)).isEmpty();
		assertThat(RunbookMarkdown.problems("## Investigation\n## Symptom\nx")).contains("empty section: Investigation");
	}

	@Test
	void headingsThatOnlyBeginLikeASectionAreNotOne() {
		assertThat(RunbookMarkdown.sectionOf("Impacted hosts")).isNull();
		assertThat(RunbookMarkdown.sectionOf("Alerts elsewhere")).isNull();
		assertThat(RunbookMarkdown.sectionOf("Mitigation steps")).isEqualTo("Mitigation");
		assertThat(RunbookMarkdown.sectionOf("Step 2: Escalate")).isEqualTo("Escalation");
		assertThat(RunbookMarkdown.sectionOf("IMPACT")).isEqualTo("Impact");
	}

	@Test
	void htmlEscapesRawHtmlAndDropsUnsafeLinks() {
		var html = RunbookMarkdown.html("""
				## Symptom
				<script>alert('x')</script> <img src=x onerror=alert(1)>

				[dashboard](https://grafana.example.com/d/1) and [trap](javascript:alert(1))
				""");
		var body = Jsoup.parseBodyFragment(html).body();
		assertThat(body.select("h2").text()).isEqualTo("Symptom");
		assertThat(body.select("script, img")).isEmpty();
		assertThat(body.text()).contains("<script>alert('x')</script>");
		assertThat(body.select("a").eachAttr("href")).containsExactly("https://grafana.example.com/d/1", "");
		assertThat(body.select("a").first().attr("rel")).contains("nofollow");
	}
}
