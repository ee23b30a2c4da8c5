package dev.firebreak.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import dev.firebreak.BrowserTest;

/**
 * The alert pages as a responder uses them, in a real headless Chromium against the running
 * application: from the list to one alert, acknowledged with its button.
 */
class AlertPagesBrowserTests extends BrowserTest {

	@Test
	void aResponderAcknowledgesAnAlertFromTheList() throws IOException {
		var admin = adminToken();
		var serviceName = "browser-" + UUID.randomUUID().toString().substring(0, 8);
		var service = api.post("/api/v1/services", admin, "{\"name\": \"%s\"}".formatted(serviceName))
			.expectStatus(201).json().get("id").asString();
		var key = api.post("/api/v1/services/" + service + "/integrations", admin, "{\"type\": \"events_v2\"}")
			.expectStatus(201).json().get("routing_key").asString();
		// the list shows the latest activity first: this alert is the latest whatever other tests left
		clock.advance(Duration.ofSeconds(1));
		var summary = "Checkout p99 over 2 s " + UUID.randomUUID().toString().substring(0, 8);
		api.post("/v2/enqueue", null, """
				{"routing_key": "%s", "event_action": "trigger",
				 "payload": {"summary": "%s", "source": "checkout-1", "severity": "warning",
				             "custom_details": {"p99_ms": 2140}}}""".formatted(key, summary)).expectStatus(202);
		var responder = person("responder");

		signIn(responder.email(), responder.password());
		browser().findElement(By.linkText("Alerts")).click();
		waitUntil(ExpectedConditions.urlMatches("/alerts$"));
		assertThat(text(By.id("alert-list"))).contains(summary).contains(serviceName).contains("triggered");
		screenshot("alerts.png");

		browser().findElement(By.linkText(summary)).click();
		waitUntil(ExpectedConditions.urlMatches("/alerts/[0-9a-f-]{36}$"));
		assertThat(text(By.id("alert-summary"))).isEqualTo(summary);
		assertThat(text(By.id("current-status"))).isEqualTo("triggered");
		assertThat(text(By.id("alert-acknowledged"))).isEqualTo("—");
		assertThat(text(By.id("alert-payload"))).contains("\"p99_ms\" : 2140").doesNotContain(key);

		clock.advance(Duration.ofMinutes(2));
		browser().findElement(By.id("acknowledge")).click();
		waitUntil(ExpectedConditions.textToBe(By.id("current-status"), "acknowledged"));
		assertThat(text(By.id("alert-notice"))).startsWith("Acknowledged");
		assertThat(text(By.id("alert-acknowledged"))).matches(UTC_TIME);
		assertThat(browser().findElements(By.id("acknowledge"))).isEmpty();
		assertThat(browser().findElements(By.id("resolve"))).hasSize(1);
		screenshot("alert.png");

		// the message was for that moment: a reload shows the state, not the message again
		browser().navigate().refresh();
		assertThat(browser().findElements(By.id("alert-notice"))).isEmpty();
		assertThat(text(By.id("current-status"))).isEqualTo("acknowledged");

		browser().findElement(By.cssSelector("#alert-integration a")).click();
		waitUntil(ExpectedConditions.urlContains("/services/" + service + "/integrations"));
		assertThat(text(By.id("key-hidden-note"))).contains("Ask an administrator");
		assertThat(text(By.cssSelector("pre.snippet"))).contains("http://localhost:" + port + "/v2/enqueue")
			.contains("<routing key>").doesNotContain(key);
		screenshot("integrations.png");
	}

}
