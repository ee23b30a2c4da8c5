package dev.firebreak.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import dev.firebreak.BrowserTest;

/**
 * "Preview on the status page" in a real headless Chromium: the composer's button opens the public
 * page with the draft applied in a new tab (htmx leaves it to the browser), and nothing is posted.
 */
class PreviewBrowserTests extends BrowserTest {

	@Test
	void thePreviewButtonOpensTheWouldBePageInANewTabAndPostsNothing() throws IOException {
		var admin = adminToken();
		var world = new StatusPageWorld(api, admin);
		var name = StatusPageWorld.unique("Card payments");
		world.component(name, null);
		var incident = world.declare(admin, "issuer timeouts", "SEV2", false);
		var text = "Some card payments fail. Next update within 30 minutes.";
		signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
		open("/incidents/" + incident);
		waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("preview-on-status-page")));
		var composer = browser().getWindowHandle();

		new Select(browser().findElement(By.id("update-audience"))).selectByValue("public");
		new Select(browser().findElement(By.id("update-phase"))).selectByValue("investigating");
		type(By.id("update-components"), name);
		type(By.id("update-text"), text);
		browser().findElement(By.id("preview-on-status-page")).click();

		waitUntil(driver -> driver.getWindowHandles().size() == 2);
		var preview = browser().getWindowHandles().stream().filter(h -> !h.equals(composer)).findFirst().orElseThrow();
		browser().switchTo().window(preview);
		waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("preview-banner")));
		assertThat(text(By.id("preview-banner"))).startsWith("Preview — not published.");
		assertThat(text(By.id("active"))).isEqualTo("Active incidents");
		assertThat(browser().findElement(By.tagName("main")).getText()).contains("Partial outage of " + name)
			.contains(text);
		screenshot("status-page-preview.png");

		browser().switchTo().window(composer);
		assertThat(text(By.id("updates-public"))).contains("None posted yet.");
		assertThat(api.get("/api/v1/incidents/" + incident + "/status-updates", admin).json().get("total").asInt())
			.isZero();
		assertThat(api.get("/status", null).body()).doesNotContain(text);
	}
}
