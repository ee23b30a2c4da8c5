package dev.firebreak.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import dev.firebreak.BrowserTest;

/** The post-mortem page in a real headless Chromium: a section written with blame comes back with its warning. */
class PostmortemBrowserTests extends BrowserTest {

	@Test
	void writingASectionWithBlameSavesItAndShowsTheBlamelessWarning() throws IOException {
		var id = api.post("/api/v1/incidents", adminToken(), """
				{"title": "Orders stuck %s", "severity": "SEV1"}""".formatted(UUID.randomUUID()))
			.expectStatus(201).json().get("id").asString();
		api.resolve(id, adminToken()).expectStatus(200);
		settle();
		signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
		open("/incidents/" + id + "/postmortem");
		waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("sections-form")));
		assertThat(browser().findElements(By.id("blameless-findings"))).isEmpty();

		type(By.id("what_happened"), "Orders stayed in the queue for 40 minutes after the broker upgrade.");
		type(By.id("why-1"), "The consumer kept its old protocol version.");
		type(By.id("slowed_response"), "It was a careless upgrade and human error.");
		submit(By.id("sections-form"));
		waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("blameless-findings")));

		assertThat(text(By.cssSelector("p.notice"))).isEqualTo("Saved.");
		assertThat(text(By.id("blameless-findings"))).contains("“careless”").contains("“human error”")
			.contains("What slowed the response");
		assertThat(browser().findElement(By.id("what_happened")).getDomProperty("value")).startsWith("Orders stayed in the queue");
		screenshot("postmortem-blameless.png");
	}
}
