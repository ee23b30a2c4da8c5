package dev.firebreak;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tests in a real headless Chromium against the running application. Chromium and chromedriver
 * are Debian's, at fixed paths, so Selenium never fetches a browser; without them a test fails in
 * CI ({@code CI=true}) and is skipped elsewhere, naming the packages to install.
 */
@Tag("browser")
public abstract class BrowserTest extends ApiTest {

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	protected static final Duration PATIENCE = Duration.ofSeconds(20);

	/** How the pages write an instant. */
	protected static final String UTC_TIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC";

	@LocalServerPort
	protected int port;

	private ChromeDriver browser;

	private Path profile;

	private ChromeDriver second;

	private Path secondProfile;

	@AfterEach
	void closeBrowser() throws IOException {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
		if (second != null) {
			second.quit();
			second = null;
		}
		delete(profile);
		profile = null;
		delete(secondProfile);
		secondProfile = null;
	}

	private static void delete(Path directory) throws IOException {
		if (directory != null) {
			try (Stream<Path> files = Files.walk(directory)) {
				files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
			}
		}
	}

	/** Signs in through the form and waits for the signed-in header. */
	protected void signIn(String email, String password) {
		trySignIn(email, password);
		waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header .me")));
	}

	/** Sends the sign-in form, whatever comes of it. */
	protected void trySignIn(String email, String password) {
		open("/login");
		type(By.id("username"), email);
		type(By.id("password"), password);
		submit(By.id("password"));
	}

	protected void open(String path) {
		browser().get("http://localhost:" + port + path);
	}

	protected void type(By field, String text) {
		var element = browser().findElement(field);
		element.clear();
		element.sendKeys(text);
	}

	/** Submits the form the element belongs to, as pressing its submit button would (htmx sees it too). */
	protected void submit(By inForm) {
		WebElement element = browser().findElement(inForm);
		var form = "form".equals(element.getTagName()) ? element : element.findElement(By.xpath("ancestor::form"));
		form.findElement(By.cssSelector("button[type='submit'], button:not([type])")).click();
	}

	protected String text(By locator) {
		return browser().findElement(locator).getText().strip();
	}

	protected <T> T waitUntil(Function<? super WebDriver, T> condition) {
		return new WebDriverWait(browser(), PATIENCE).until(condition);
	}

	protected void screenshot(String name) throws IOException {
		var directory = Path.of("target", "screenshots");
		Files.createDirectories(directory);
		Files.write(directory.resolve(name), browser().getScreenshotAs(OutputType.BYTES));
	}

	protected ChromeDriver browser() {
		if (browser == null) {
			profile = profile();
			browser = start(profile);
		}
		return browser;
	}

	/** A second browser with its own profile (its own session): two people on one page. */
	protected ChromeDriver secondBrowser() {
		if (second == null) {
			secondProfile = profile();
			second = start(secondProfile);
		}
		return second;
	}

	private static Path profile() {
		requireChromium();
		try {
			return Files.createTempDirectory("firebreak-chromium");
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not make a profile directory for Chromium", e);
		}
	}

	private static ChromeDriver start(Path profile) {
		var options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1400,2000", "--lang=en-GB", "--user-data-dir=" + profile);
		var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
		return new ChromeDriver(service, options);
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
