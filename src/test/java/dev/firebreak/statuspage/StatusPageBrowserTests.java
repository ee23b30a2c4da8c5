package dev.firebreak.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import tools.jackson.databind.JsonNode;

import dev.firebreak.BrowserTest;

/**
 * The public page in a real headless Chromium, with an active incident, a maintenance in progress
 * and a component a person said is degraded: what a reader sees on a desktop and on a phone (no
 * sideways scrolling), the month's history and the incident's own page, captured as screenshots
 * under {@code target/screenshots/}.
 */
class StatusPageBrowserTests extends BrowserTest {

	/** How the page writes a time; the test writes the expected one from the JSON's instant. */
	private static final DateTimeFormatter PAGE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private static final String IDENTIFIED = "Some customers cannot check out. We found the faulty change and are "
			+ "undoing it. Next update within 30 minutes.";

	@Test
	void thePageShowsTheIncidentTheMaintenanceAndTheDegradedComponentOnADesktopAndAPhone() throws IOException {
		var admin = adminToken();
		var world = new StatusPageWorld(api, admin);
		var zone = ZoneId.of(world.json("status.json").get("page").get("time_zone").asString());
		// half an hour of today in each status, all on one day of the bar
		timePasses(StatusScene.roomInTheDay(clock.instant(), zone, Duration.ofHours(3)));
		var scene = StatusScene.build(api, admin, clock.instant());
		timePasses(Duration.ofMinutes(30));
		world.publicUpdate(scene.incident(), admin, "identified", IDENTIFIED, scene.checkout());
		settle();

		var summary = world.json("summary.json");
		var incident = named(summary.get("incidents"), "Partial outage of " + scene.checkout());
		var updates = incident.get("incident_updates");
		assertThat(updates).hasSize(2);
		var identifiedAt = pageTime(updates.get(0).get("display_at").asString(), zone);
		var investigatingAt = pageTime(updates.get(1).get("display_at").asString(), zone);
		assertThat(identifiedAt).matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} \\S+");

		open("/status");
		waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1.banner")));
		assertThat(text(By.cssSelector("h1.banner"))).isEqualTo(summary.get("status").get("description").asString())
			.isIn("Partial System Outage", "Major Service Outage");

		var article = browser().findElement(By.xpath("//section[@aria-labelledby='active']//article[.//h3/a[normalize-space()='"
				+ "Partial outage of " + scene.checkout() + "']]"));
		var updateBlocks = article.findElements(By.cssSelector(".update"));
		assertThat(updateBlocks).hasSize(2);
		assertThat(updateBlocks.get(0).getText()).contains("Identified — " + IDENTIFIED).contains(identifiedAt)
			.contains(scene.checkout());
		assertThat(updateBlocks.get(1).getText()).contains("Investigating — " + StatusScene.INVESTIGATING)
			.contains(investigatingAt);
		var time = updateBlocks.get(0).findElement(By.tagName("time"));
		assertThat(time.getText()).isEqualTo(identifiedAt);
		assertThat(time.getAttribute("datetime")).isEqualTo(updates.get(0).get("display_at").asString());
		// the page's small script put the reader's own time in every time's title (shown on hover)
		var local = (String) browser().executeScript("""
				var d = new Date(arguments[0]);
				return d.toLocaleString(undefined, {year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit',
				  minute: '2-digit', timeZoneName: 'short'}) + ' (your time)';""", time.getAttribute("datetime"));
		assertThat(time.getAttribute("title")).isEqualTo(local);
		for (var each : browser().findElements(By.cssSelector("time[datetime]"))) {
			assertThat(each.getAttribute("title")).as("title of %s", each.getText()).endsWith("(your time)");
		}
		assertThat(text(By.tagName("footer"))).contains("Times are in " + zone.getId());

		var maintenance = browser().findElement(By.xpath("//section[@aria-labelledby='maintenance']//article[h3[normalize-space()='"
				+ scene.maintenance() + "']]"));
		assertThat(maintenance.getText()).contains("In progress").contains("Affects " + scene.search())
			.contains(StatusScene.MAINTENANCE_BODY);
		assertThat(maintenance.findElements(By.cssSelector(".update strong")).stream().map(WebElement::getText))
			.containsExactly("In progress", "Scheduled");
		var planned = named(summary.get("scheduled_maintenances"), scene.maintenance());
		assertThat(maintenance.findElements(By.tagName("time")).get(0).getText())
			.isEqualTo(pageTime(planned.get("scheduled_for").asString(), zone));
		assertThat(maintenance.findElements(By.tagName("time")).get(1).getText())
			.isEqualTo(pageTime(planned.get("scheduled_until").asString(), zone));

		var group = browser().findElement(By.xpath("//h3[span[normalize-space()='" + scene.group() + "']]"));
		assertThat(group.getText()).isEqualTo(scene.group() + " — Partial outage");
		var today = DAY.format(clock.instant().atZone(zone));
		component(scene.checkoutId(), scene.checkout(), "Partial outage", "partial-outage", "70.00%",
				today + ": partial outage 30 min");
		component(scene.searchId(), scene.search(), "Under maintenance", "under-maintenance", "100.00%",
				today + ": under maintenance 30 min");
		component(scene.notificationsId(), scene.notifications(), "Degraded performance", "degraded-performance",
				"100.00%", today + ": degraded performance 30 min");
		fullPage("status-page-desktop.png", 1280);

		phone();
		open("/status");
		waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1.banner")));
		fitsThePhone();
		screenshot("status-page-phone.png");
		fullPhonePage("status-page-phone-full.png");

		desktop();
		open("/status");
		browser().findElement(By.linkText("Incident history by month")).click();
		waitUntil(ExpectedConditions.titleContains("—"));
		var month = java.time.YearMonth.from(clock.instant().atZone(zone));
		assertThat(text(By.tagName("h1"))).isEqualTo("Incident history: "
				+ month.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH)));
		assertThat(browser().getCurrentUrl()).endsWith("/status/history/" + month);
		var listed = browser().findElement(By.xpath("//article[.//h3/a[normalize-space()='Partial outage of "
				+ scene.checkout() + "']]"));
		assertThat(listed.getText()).contains(IDENTIFIED).contains(StatusScene.INVESTIGATING).contains(identifiedAt);
		fullPage("status-history-desktop.png", 1280);

		listed.findElement(By.cssSelector("h3 a")).click();
		waitUntil(ExpectedConditions.urlContains("/status/incidents/"));
		assertThat(browser().getCurrentUrl()).endsWith("/status/incidents/" + incident.get("id").asString());
		assertThat(text(By.tagName("h1"))).isEqualTo("Partial outage of " + scene.checkout());
		var headings = browser().findElements(By.cssSelector("main h2")).stream().map(WebElement::getText).toList();
		assertThat(headings).containsExactly("Identified", "Investigating");
		assertThat(text(By.tagName("main"))).contains(IDENTIFIED).contains(StatusScene.INVESTIGATING)
			.contains(identifiedAt).contains(investigatingAt).contains("Affected: " + scene.checkout());
		fullPage("status-incident-desktop.png", 1280);

		phone();
		open("/status/incidents/" + incident.get("id").asString());
		fitsThePhone();
		screenshot("status-incident-phone.png");
		open("/status/history/" + month);
		fitsThePhone();
		screenshot("status-history-phone.png");

		scene.cleanUp(api, admin);
		settle();
	}

	/** A component's row: its status in words, its 90 days (only today known), its uptime. */
	private void component(String id, String name, String words, String css, String uptime, String todayLabel) {
		var row = browser().findElement(By.id("component-" + id));
		assertThat(row.findElement(By.cssSelector(".name")).getText()).isEqualTo(name);
		var status = row.findElement(By.cssSelector(".row .status"));
		assertThat(status.getText()).isEqualTo(words);
		assertThat(status.getAttribute("class")).isEqualTo("status " + css);
		var bar = row.findElement(By.cssSelector(".bar"));
		assertThat(bar.getAttribute("role")).isEqualTo("img");
		assertThat(bar.getAttribute("aria-label")).isEqualTo(name + ": " + uptime + " uptime over the past 90 days");
		var days = bar.findElements(By.tagName("span"));
		assertThat(days).hasSize(90);
		// the component is new: every day before today has no data
		assertThat(days.subList(0, 89)).allSatisfy(day -> assertThat(day.getAttribute("class")).isEqualTo("nodata"));
		assertThat(days.get(89).getAttribute("class")).isEqualTo(css);
		assertThat(days.get(89).getAttribute("title")).isEqualTo(todayLabel);
		assertThat(row.findElement(By.cssSelector(".row.legend")).getText()).contains(uptime + " uptime");
	}

	/** A phone-sized screen, as Chromium's device emulation gives it (the viewport meta tag counts). */
	private void phone() {
		browser().executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
	}

	private void desktop() {
		browser().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
	}

	/** Nothing makes the page wider than the phone: it reflows instead of scrolling sideways. */
	private void fitsThePhone() {
		waitUntil(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
		var wider = browser().executeScript("""
				var width = window.innerWidth;
				return Array.from(document.querySelectorAll('body *'))
				  .filter(e => e.getBoundingClientRect().right > width + 1)
				  .map(e => e.tagName + '.' + e.className).slice(0, 10).join(', ');""");
		assertThat(((Number) browser().executeScript("return window.innerWidth")).intValue()).isEqualTo(390);
		assertThat((Boolean) browser().executeScript("return document.scrollingElement.scrollWidth <= window.innerWidth"))
			.as("wider than the phone: %s", wider).isTrue();
	}

	/** The whole page, not only what fits the window. */
	private void fullPage(String name, int width) throws IOException {
		browser().manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
		var height = ((Number) browser().executeScript("return document.scrollingElement.scrollHeight")).intValue();
		browser().manage().window().setSize(new org.openqa.selenium.Dimension(width, Math.min(height + 100, 8000)));
		screenshot(name);
	}

	private void fullPhonePage(String name) throws IOException {
		var height = ((Number) browser().executeScript("return document.scrollingElement.scrollHeight")).intValue();
		browser().executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 390, "height", Math.min(height, 8000), "deviceScaleFactor", 2, "mobile", true));
		screenshot(name);
		phone();
	}

	private static String pageTime(String iso, ZoneId zone) {
		return PAGE_TIME.format(Instant.parse(iso).atZone(zone));
	}

	private static JsonNode named(JsonNode list, String name) {
		for (var item : list) {
			if (item.get("name").asString().equals(name)) {
				return item;
			}
		}
		throw new AssertionError("nothing named " + name + " in " + list);
	}
}
