package dev.firebreak.comms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import dev.firebreak.BrowserTest;

/**
 * The status-update composer on the incident page in a real headless Chromium: a template per
 * phase, the writing checks shown as the author types (the offending words marked, a suggestion
 * each), posting refused until a reason is given, then the update listed with that reason.
 */
class ComposerBrowserTests extends BrowserTest {

	@Test
	void theWritingChecksShowWhileTypingAndPostingAnywayNeedsAReason() throws IOException {
		var id = api.post("/api/v1/incidents", adminToken(), """
				{"title": "Payments failing %s", "severity": "SEV1"}""".formatted(UUID.randomUUID()))
			.expectStatus(201).json().get("id").asString();
		signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
		open("/incidents/" + id);
		waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("composer-form")));

		new Select(browser().findElement(By.id("update-audience"))).selectByValue("public");
		new Select(browser().findElement(By.id("update-phase"))).selectByValue("identified");
		browser().findElement(By.xpath("//button[normalize-space()='Use template']")).click();
		waitUntil(driver -> {
			try {
				return driver.findElement(By.id("update-text")).getDomProperty("value").contains(" UTC");
			}
			catch (StaleElementReferenceException swappedMeanwhile) {
				return false;
			}
		});
		assertThat(browser().findElement(By.id("update-text")).getDomProperty("value")).contains("Next update");

		type(By.id("update-text"), "We are experiencing some issues.");
		waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#update-findings li.rule-vague")));
		assertThat(text(By.cssSelector("#update-findings li.rule-vague mark"))).isEqualTo("experiencing some issues");
		assertThat(text(By.cssSelector("#update-findings li.rule-vague .suggestion"))).isNotEmpty();
		assertThat(browser().findElements(By.cssSelector("#update-findings li.rule-missing_next_update"))).hasSize(1);
		assertThat(text(By.cssSelector("#update-findings .draft-marked"))).as("the draft with its findings marked")
			.isEqualTo("We are experiencing some issues.");
		assertThat(browser().findElements(By.cssSelector("#update-findings .draft-marked mark"))).isNotEmpty();
		screenshot("composer-findings.png");

		submit(By.id("composer-form"));
		waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#composer-form p.error")));
		assertThat(text(By.cssSelector("#updates-public"))).contains("None posted yet.");

		type(By.id("update-override"), "The first word out beats the best word late");
		submit(By.id("composer-form"));
		waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#updates-public li.update")));
		assertThat(text(By.cssSelector("#updates-public li.update"))).contains("We are experiencing some issues.")
			.contains("Posted despite").contains("The first word out beats the best word late");
		assertThat(api.get("/api/v1/incidents/" + id + "/status-updates?audience=public", adminToken()).json()
			.get("total").asInt()).isEqualTo(1);
		screenshot("composer-posted.png");
	}
}
