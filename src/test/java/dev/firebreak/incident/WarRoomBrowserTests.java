package dev.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import dev.firebreak.BrowserTest;
import dev.firebreak.identity.FirebreakUser;

/**
 * The war room in a real headless Chromium: countdowns that move, a note that reaches a second
 * browser over server-sent events without a reload, the checkpoint answered through its form,
 * and resolving through the gate's dialog, refused first and then overridden by the commander.
 */
class WarRoomBrowserTests extends BrowserTest {

	@Autowired
	Incidents incidents;

	@Autowired
	UserDetailsService users;

	@Test
	void aSev1PageShowsWhatIsOwedWithMovingCountdownsAndTheWarRoom() throws IOException {
		var incident = declaredByAdmin("Checkout down");
		signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
		open("/incidents/" + incident.id());

		var scribe = By.cssSelector("#obligation-role-scribe .countdown");
		waitUntil(ExpectedConditions.presenceOfElementLocated(scribe));
		var first = text(scribe);
		assertThat(first).matches("due in \\d+:\\d{2}");
		// the countdown runs on in the browser, from the server's time, without asking the server
		waitUntil(driver -> !driver.findElement(scribe).getText().strip().equals(first));
		assertThat(text(scribe)).matches("due in \\d+:\\d{2}");
		assertThat(text(By.id("war-room-banner"))).startsWith("War room open since").contains("UTC");
		assertThat(text(By.id("obligation-role-scribe"))).contains("Fill the role of scribe").contains("Incident commander");
		assertThat(text(By.id("role-scribe"))).containsIgnoringCase("required").containsPattern("unfilled — due \\d{2}:\\d{2} UTC");
		screenshot("war-room.png");

		// on a phone the page reflows rather than scrolling sideways
		browser().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
		browser().navigate().refresh();
		waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("war-room-banner")));
		var wider = browser().executeScript("""
				var width = document.documentElement.clientWidth;
				return Array.from(document.querySelectorAll('body *'))
				  .filter(e => e.getBoundingClientRect().right > width + 1)
				  .map(e => e.tagName + '#' + e.id + '.' + e.className).slice(0, 10).join(', ');""");
		assertThat((Boolean) browser().executeScript(
				"return document.documentElement.scrollWidth <= document.documentElement.clientWidth")).as("wider than the phone: %s", wider).isTrue();
		screenshot("war-room-phone.png");
	}

	@Test
	void aNoteAddedInOneBrowserAppearsInAnotherWithoutAReload() throws IOException {
		var incident = declaredByAdmin("Payments fail");
		var responder = person("responder");

		var other = secondBrowser();
		other.get("http://localhost:" + port + "/login");
		other.findElement(By.id("username")).sendKeys(responder.email());
		other.findElement(By.id("password")).sendKeys(responder.password());
		other.findElement(By.cssSelector("form button[type='submit'], form button:not([type])")).click();
		wait(other).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header .me")));
		other.get("http://localhost:" + port + "/incidents/" + incident.id());
		wait(other).until(driver -> "open".equals(((ChromeDriver) driver)
			.executeScript("return document.querySelector('main').dataset.liveState")));
		other.executeScript("window.firebreakMarker = 'the same page'");

		signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
		open("/incidents/" + incident.id());
		var note = "Provider timeouts began at 09:52 UTC " + UUID.randomUUID();
		type(By.id("note-text"), note);
		submit(By.id("note-form"));
		waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), note));

		wait(other).until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), note));
		assertThat(other.executeScript("return window.firebreakMarker")).isEqualTo("the same page");
		assertThat(other.findElements(By.xpath("//ol[@class='entries']/li[contains(., '" + note + "')]"))).hasSize(1);
		assertThat(other.findElement(By.cssSelector("#timeline li.kind-note:last-child")).getText()).contains("Administrator")
			.containsPattern(UTC_TIME);
		Files.createDirectories(Path.of("target", "screenshots"));
		Files.write(Path.of("target", "screenshots", "live-timeline-second-browser.png"), other.getScreenshotAs(OutputType.BYTES));
	}

	@Test
	void theCommanderAnswersTheCheckpointAndItIsOnTheTimeline() throws IOException {
		var incident = declaredByAdmin("Search down");
		clock.advance(Duration.ofMinutes(11));
		signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
		open("/incidents/" + incident.id());

		assertThat(browser().findElement(By.id("checkpoint")).getAttribute("class")).contains("pressing");
		type(By.id("checkpoint-known"), "The index cluster lost two nodes");
		type(By.id("checkpoint-next"), "Restore from the 09:00 snapshot");
		type(By.id("checkpoint-escalate"), "Bring in the storage team");
		type(By.id("checkpoint-status-page"), "Yes, updated 10:10 UTC");
		submit(By.id("checkpoint-form"));

		waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#timeline li.kind-checkpoint:last-child"),
				"Restore from the 09:00 snapshot"));
		assertThat(text(By.cssSelector("#timeline li.kind-checkpoint:last-child"))).contains("Checkpoint answered by Administrator")
			.contains("Bring in the storage team");
		assertThat(browser().findElement(By.id("checkpoint")).getAttribute("class")).doesNotContain("pressing");
		screenshot("checkpoint.png");
	}

	@Test
	void theResolveDialogRefusesOverAnUnmetGateThenTheCommanderOverrides() throws IOException {
		var incident = declaredByAdmin("Logins fail");
		signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
		open("/incidents/" + incident.id());
		assertThat(browser().findElements(By.cssSelector("button[name='status'][value='resolved']"))).isEmpty();

		browser().findElement(By.id("resolve-button")).click();
		waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("resolve-form")));
		assertThat((Boolean) browser().executeScript("return document.getElementById('resolve-dialog').open")).isTrue();
		assertThat(text(By.id("gate-severity_and_impact"))).startsWith("✗");
		assertThat(text(By.id("gate-mitigation_verified"))).contains("not met");
		assertThat(text(By.id("postmortem-required"))).contains("every SEV1 has one");
		screenshot("resolve-dialog.png");

		type(By.id("resolve-impact"), "Nobody could sign in for 12 minutes");
		browser().findElement(By.id("resolve-submit")).click();
		waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("resolve-error")));
		assertThat(text(By.id("resolve-error"))).contains("cannot be resolved yet");
		assertThat(text(By.id("gate-severity_and_impact"))).startsWith("✓");
		assertThat(text(By.id("gate-mitigation_verified"))).startsWith("✗").contains("record a mitigation");
		assertThat(browser().getCurrentUrl()).endsWith("/incidents/" + incident.id());
		assertThat(incidents.find(incident.number()).orElseThrow().status()).isEqualTo(IncidentStatus.TRIAGE);
		screenshot("resolve-refused.png");

		type(By.id("resolve-override"), "Vendor outage over; the post-mortem covers the rest");
		browser().findElement(By.id("resolve-submit")).click();
		waitUntil(ExpectedConditions.textToBe(By.id("current-status"), "resolved"));
		assertThat(text(By.id("resolved-note"))).startsWith("Resolved");
		assertThat(text(By.id("obligations"))).contains("Draft the post-mortem").contains("Publish the post-mortem");
		assertThat(text(By.id("timeline"))).contains("Resolved over the gate by Administrator")
			.contains("Vendor outage over");
		assertThat(incidents.find(incident.number()).orElseThrow().status()).isEqualTo(IncidentStatus.RESOLVED);
		screenshot("resolved.png");
	}

	private Incident declaredByAdmin(String title) {
		var incident = incidents.declare(Declaration.of(title + " " + UUID.randomUUID(), Severity.SEV1), admin().id());
		settle();
		return incident;
	}

	private static WebDriverWait wait(WebDriver driver) {
		return new WebDriverWait(driver, PATIENCE);
	}

	private FirebreakUser admin() {
		return (FirebreakUser) users.loadUserByUsername(ADMIN_EMAIL);
	}
}
