package dev.firebreak.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import dev.firebreak.BrowserTest;

/**
 * After the incident, in a real headless Chromium: an action item is refused while its definition
 * of done cannot be checked and added once it can; the insights page draws its chart.
 */
class LearningBrowserTests extends BrowserTest {

	@Test
	void anActionItemIsAddedOnceItsDefinitionOfDoneCanBeCheckedAndInsightsDrawTheirChart() throws IOException {
		var title = "Checkout down " + UUID.randomUUID();
		var id = api.post("/api/v1/incidents", adminToken(), """
				{"title": "%s", "severity": "SEV1"}""".formatted(title)).expectStatus(201).json().get("id").asString();
		api.resolve(id, adminToken()).expectStatus(200);
		settle();
		var admin = api.get("/api/v1/accounts/me", adminToken()).json().get("id").asString();
		var due = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(10).toString();
		signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

		open("/incidents/" + id + "/action-items");
		fill("Alert on checkout errors", admin, due, "improve monitoring");
		waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("form-error")));
		assertThat(text(By.id("form-error"))).contains("not measurable").contains("For example");
		assertThat(browser().findElements(By.id("incident-items"))).as("nothing was added").isEmpty();
		assertThat(browser().findElement(By.id("item-title")).getDomProperty("value")).as("what was typed is kept")
			.isEqualTo("Alert on checkout errors");

		fill("Alert on checkout errors", admin, due,
				"An alert pages the on-call within 5 minutes when checkout errors exceed 2% for 5 minutes");
		waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("incident-items")));
		assertThat(text(By.id("incident-items"))).contains("Alert on checkout errors").contains("P0").contains(due);
		screenshot("action-items.png");

		open("/postmortems/" + api.get("/api/v1/incidents/" + id + "/postmortem", adminToken()).json().get("id").asString());
		waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("pm-action-items")));
		assertThat(text(By.id("pm-action-items"))).contains("Alert on checkout errors");

		open("/insights");
		var chart = waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#trend-chart svg")));
		assertThat(chart.getSize().getHeight()).as("the chart is drawn").isGreaterThan(100);
		assertThat(chart.getAttribute("aria-label")).contains("MTTA");
		screenshot("insights.png");
	}

	private void fill(String title, String owner, String due, String done) {
		type(By.id("item-title"), title);
		new Select(browser().findElement(By.id("item-owner"))).selectByValue(owner);
		browser().executeScript("arguments[0].value = arguments[1]", browser().findElement(By.id("item-due")), due);
		new Select(browser().findElement(By.id("item-priority"))).selectByValue("P0");
		type(By.id("item-done"), done);
		submit(By.id("item-done"));
	}
}
