package dev.firebreak.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.firebreak.ApiTest;

/**
 * The alert pages as a responder uses them, in a real headless Chromium against the running
 * application: from the list to one alert, acknowledged with its button. Chromium and
 * chromedriver are Debian's, at fixed paths, so Selenium never fetches a browser.
 */
@Tag("browser")
class AlertPagesBrowserTests extends ApiTest {

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private static final String UTC_TIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC";

	@LocalServerPort
	int port;

	private ChromeDriver browser;

	private Path profile;

	@AfterEach
	void closeBrowser() throws IOException {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
		if (profile != null) {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
			}
			profile = null;
		}
	}

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
		browser.findElement(By.linkText("Alerts")).click();
		waitUntil(ExpectedConditions.urlMatches("/alerts$"));
		assertThat(text(By.id("alert-list"))).contains(summary).contains(serviceName).contains("triggered");
		screenshot("alerts.png");

		browser.findElement(By.linkText(summary)).click();
		waitUntil(ExpectedConditions.urlMatches("/alerts/[0-9a-f-]{36}$"));
		assertThat(text(By.id("alert-summary"))).isEqualTo(summary);
		assertThat(text(By.id("current-status"))).isEqualTo("triggered");
		assertThat(text(By.id("alert-acknowledged"))).isEqualTo("—");
		assertThat(text(By.id("alert-payload"))).contains("\"p99_ms\" : 2140").doesNotContain(key);

		clock.advance(Duration.ofMinutes(2));
		browser.findElement(By.id("acknowledge")).click();
		waitUntil(ExpectedConditions.textToBe(By.id("current-status"), "acknowledged"));
		assertThat(text(By.id("alert-notice"))).startsWith("Acknowledged");
		assertThat(text(By.id("alert-acknowledged"))).matches(UTC_TIME);
		assertThat(browser.findElements(By.id("acknowledge"))).isEmpty();
		assertThat(browser.findElements(By.id("resolve"))).hasSize(1);
		screenshot("alert.png");

		// the message was for that moment: a reload shows the state, not the message again
		browser.navigate().refresh();
		assertThat(browser.findElements(By.id("alert-notice"))).isEmpty();
		assertThat(text(By.id("current-status"))).isEqualTo("acknowledged");

		browser.findElement(By.cssSelector("#alert-integration a")).click();
		waitUntil(ExpectedConditions.urlContains("/services/" + service + "/integrations"));
		assertThat(text(By.id("key-hidden-note"))).contains("Ask an administrator");
		assertThat(text(By.cssSelector("pre.snippet"))).contains("http://localhost:" + port + "/v2/enqueue")
			.contains("<routing key>").doesNotContain(key);
		screenshot("integrations.png");
	}

	// ---- helpers ----

	private void signIn(String email, String password) {
		open("/login");
		type(By.id("username"), email);
		type(By.id("password"), password);
		submit(By.id("password"));
		waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header .me")));
	}

	private void open(String path) {
		browser().get("http://localhost:" + port + path);
	}

	private void type(By field, String text) {
		var element = browser.findElement(field);
		element.clear();
		element.sendKeys(text);
	}

	/** Submits the form the element belongs to, as pressing its submit button would (htmx sees it too). */
	private void submit(By inForm) {
		WebElement element = browser.findElement(inForm);
		var form = "form".equals(element.getTagName()) ? element : element.findElement(By.xpath("ancestor::form"));
		form.findElement(By.cssSelector("button[type='submit'], button:not([type])")).click();
	}

	private String text(By locator) {
		return browser.findElement(locator).getText().strip();
	}

	private <T> T waitUntil(java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition) {
		return new WebDriverWait(browser, PATIENCE).until(condition);
	}

	private void screenshot(String name) throws IOException {
		var directory = Path.of("target", "screenshots");
		Files.createDirectories(directory);
		Files.write(directory.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
	}

	private ChromeDriver browser() {
		if (browser == null) {
			requireChromium();
			try {
				profile = Files.createTempDirectory("firebreak-chromium");
			}
			catch (IOException e) {
				throw new IllegalStateException("Could not make a profile directory for Chromium", e);
			}
			var options = new ChromeOptions();
			options.setBinary(CHROMIUM);
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--window-size=1400,2000", "--lang=en-GB", "--user-data-dir=" + profile);
			var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
			browser = new ChromeDriver(service, options);
		}
		return browser;
	}

	/** Without Chromium the browser tests cannot run: in CI that is a failure, on a laptop a skip. */
	private static void requireChromium() {
		var missing = Stream.of(CHROMIUM, CHROMEDRIVER).filter(file -> !file.canExecute()).map(File::getPath).toList();
		if (missing.isEmpty()) {
			return;
		}
		var message = "Browser tests need " + String.join(" and ", missing)
				+ ": install the Debian packages chromium and chromium-driver";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			fail(message);
		}
		Assumptions.abort(message);
	}
}
