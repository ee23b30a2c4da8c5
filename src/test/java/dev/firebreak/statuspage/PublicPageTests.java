package dev.firebreak.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;

import dev.firebreak.ApiTest;

/**
 * The public page as its HTML says it, scripts left out: everything a reader needs is in the
 * markup (so it works without JavaScript), its structure is accessible (one h1, no skipped heading
 * levels, text for every image and every uptime bar, a language), and the 90-day bar colours a day
 * by its worst status and gives the uptime the time spent in each status makes.
 */
class PublicPageTests extends ApiTest {

	private static final DateTimeFormatter PAGE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	@Value("${firebreak.statuspage.partial-outage-counts}")
	double partialOutageCounts;

	@Value("${firebreak.statuspage.uptime-days}")
	int uptimeDays;

	@Test
	void everythingIsInTheHtmlWithoutScriptsAndThePagesAreAccessible() {
		var admin = adminToken();
		var world = new StatusPageWorld(api, admin);
		var settings = api.get("/api/v1/status-page/settings", admin).expectStatus(200).json();
		var logoAlt = StatusPageWorld.unique("Acme");
		saveSettings(admin, settings, "https://example.com/acme-logo.png", logoAlt);
		try {
			var scene = StatusScene.build(api, admin, clock.instant());
			settle();
			var summary = world.json("summary.json");
			var zone = ZoneId.of(summary.get("page").get("time_zone").asString());
			var incident = named(summary.get("incidents"), "Partial outage of " + scene.checkout());
			var update = incident.get("incident_updates").get(0);

			var page = page("/status");
			accessible(page, "/status");
			assertThat(page.select("header.site img").attr("alt")).isEqualTo(logoAlt);
			assertThat(page.selectFirst("h1").text()).isEqualTo(summary.get("status").get("description").asString());

			var article = page.select("section[aria-labelledby=active] article").stream()
				.filter(a -> a.select("h3 a").text().equals("Partial outage of " + scene.checkout())).findFirst()
				.orElseThrow(() -> new AssertionError("the incident is not among the active ones"));
			assertThat(article.select("h3 a").attr("href")).isEqualTo("/status/incidents/" + incident.get("id").asString());
			var shown = article.selectFirst(".update");
			assertThat(shown.selectFirst("p").text()).isEqualTo("Investigating — " + StatusScene.INVESTIGATING);
			var time = shown.selectFirst("time");
			var written = PAGE_TIME.format(Instant.parse(update.get("display_at").asString()).atZone(zone));
			assertThat(time.text()).isEqualTo(written);
			// without the script the title still tells the time, in the page's zone
			assertThat(time.attr("title")).isEqualTo(written);
			assertThat(time.attr("datetime")).isEqualTo(update.get("display_at").asString());
			assertThat(shown.select(".muted").text()).isEqualTo("· " + scene.checkout());

			var maintenance = page.select("section[aria-labelledby=maintenance] article").stream()
				.filter(a -> a.select("h3").text().equals(scene.maintenance())).findFirst()
				.orElseThrow(() -> new AssertionError("the maintenance is not on the page"));
			assertThat(maintenance.text()).contains("In progress").contains("Affects " + scene.search())
				.contains(StatusScene.MAINTENANCE_BODY);
			// planned to start now, it was scheduled and in progress at the same instant: the later step shows first
			assertThat(maintenance.select(".update strong").eachText()).containsExactly("In progress", "Scheduled");
			assertThat(named(summary.get("scheduled_maintenances"), scene.maintenance()).get("incident_updates")
				.findValuesAsString("status")).containsExactly("in_progress", "scheduled");

			assertThat(statusOf(page, scene.checkoutId())).isEqualTo("Partial outage");
			assertThat(statusOf(page, scene.searchId())).isEqualTo("Under maintenance");
			assertThat(statusOf(page, scene.notificationsId())).isEqualTo("Degraded performance");
			assertThat(page.select("footer").text()).contains("Times are in " + zone.getId());

			accessible(page("/status/incidents/" + incident.get("id").asString()), "the incident's page");
			accessible(page("/status/maintenances/" + scene.maintenanceId()), "the maintenance's page");
			var history = page(page.select("a:containsOwn(Incident history by month)").attr("href"));
			accessible(history, "the month's history");
			assertThat(history.select("article h3 a").eachText()).contains("Partial outage of " + scene.checkout());

			scene.cleanUp(api, admin);
			settle();
			// resolved in the instant it began: still the resolution first
			var resolved = named(world.json("incidents.json").get("incidents"), "Partial outage of " + scene.checkout());
			assertThat(resolved.get("incident_updates").findValuesAsString("status")).containsExactly("resolved", "investigating");
			assertThat(page("/status/incidents/" + incident.get("id").asString()).select("main h2").eachText())
				.containsExactly("Resolved", "Investigating");
		}
		finally {
			saveSettings(admin, settings, textOf(settings, "logo_url"), textOf(settings, "logo_alt"));
		}
	}

	@Test
	void twoHoursOfMajorOutageMakeTheDayRedAndTheUptimeIsWhatTheTimeInEachStatusSays() {
		var admin = adminToken();
		var world = new StatusPageWorld(api, admin);
		var zone = ZoneId.of(world.json("status.json").get("page").get("time_zone").asString());
		timePasses(StatusScene.roomInTheDay(clock.instant(), zone, Duration.ofHours(10)));
		var service = world.service("ledger");
		var name = StatusPageWorld.unique("Invoices");
		var id = world.component(name, null, service).get("id").asString();

		var down = world.declare(admin, "ledger primary lost", "SEV1", false, service);
		world.publicUpdate(down, admin, "investigating",
				"No customer can see their invoices. We are investigating. Next update within 30 minutes.", name);
		timePasses(Duration.ofHours(2));
		world.publicUpdate(down, admin, "resolved", "Invoices show for all customers again.", name);
		api.resolve(down, admin).expectStatus(200);
		timePasses(Duration.ofHours(5));
		var slow = world.declare(admin, "ledger replica lag", "SEV2", false, service);
		world.publicUpdate(slow, admin, "investigating",
				"Some customers cannot see their newest invoices. We are investigating. Next update within 30 minutes.", name);
		timePasses(Duration.ofMinutes(90));

		var row = page("/status").getElementById("component-" + id);
		assertThat(row.select(".row .status").text()).isEqualTo("Partial outage");
		var days = row.select(".bar span");
		assertThat(days).hasSize(uptimeDays);
		assertThat(days.subList(0, uptimeDays - 1)).allSatisfy(day -> {
			assertThat(day.className()).isEqualTo("nodata");
			assertThat(day.attr("title")).endsWith(": no data");
		});
		var today = days.last();
		assertThat(today.className()).isEqualTo("major-outage");
		assertThat(today.attr("title"))
			.isEqualTo(DAY.format(clock.instant().atZone(zone)) + ": major outage 2 h, partial outage 1 h 30 min");
		// 8.5 hours known: 2 of them down, and the partial outage's share of 1.5
		var uptime = 1 - (2 + partialOutageCounts * 1.5) / 8.5;
		var percent = String.format(Locale.ROOT, "%.2f%%", Math.floor(uptime * 10_000) / 100);
		assertThat(percent).isEqualTo("71.17%");
		assertThat(row.select(".bar").attr("aria-label"))
			.isEqualTo(name + ": " + percent + " uptime over the past " + uptimeDays + " days");
		assertThat(row.select(".row.legend").text()).contains(percent + " uptime");

		world.publicUpdate(slow, admin, "resolved", "Invoices show for all customers again.", name);
		api.resolve(slow, admin).expectStatus(200);
		settle();
	}

	/** The public HTML with its scripts taken out, as a browser without JavaScript reads it. */
	private Document page(String path) {
		var response = api.get(path, null).expectStatus(200);
		assertThat(response.contentType()).startsWith("text/html");
		var document = Jsoup.parse(response.body());
		// the page needs no script from elsewhere; its one small script only adds the reader's time on hover
		assertThat(document.select("script[src]")).isEmpty();
		document.select("script, noscript").remove();
		return document;
	}

	private static void accessible(Document page, String which) {
		assertThat(page.selectFirst("html").attr("lang")).as("%s: lang", which).isNotBlank();
		assertThat(page.title()).as("%s: title", which).isNotBlank();
		assertThat(page.select("meta[name=viewport]").attr("content")).as("%s: viewport", which)
			.contains("width=device-width");
		assertThat(page.select("h1")).as("%s: one h1", which).hasSize(1);
		var level = 0;
		for (Element heading : page.select("h1, h2, h3, h4, h5, h6")) {
			var next = Integer.parseInt(heading.tagName().substring(1));
			assertThat(next).as("%s: heading \"%s\" after an h%d", which, heading.text(), level).isLessThanOrEqualTo(level + 1);
			assertThat(heading.text()).as("%s: an empty heading", which).isNotBlank();
			level = next;
		}
		for (var image : page.select("img")) {
			assertThat(image.hasAttr("alt")).as("%s: alt of %s", which, image).isTrue();
			assertThat(image.attr("alt")).as("%s: alt of %s", which, image).isNotBlank();
		}
		for (var link : page.select("a")) {
			assertThat(link.text().isBlank() ? link.select("img").attr("alt") : link.text())
				.as("%s: a link without words: %s", which, link).isNotBlank();
		}
		for (var bar : page.select(".bar")) {
			assertThat(bar.attr("role")).as("%s: role of a bar", which).isEqualTo("img");
			assertThat(bar.attr("aria-label")).as("%s: label of a bar", which)
				.matches(".+: (\\d{1,3}\\.\\d{2}%|no data) uptime over the past \\d+ days");
			assertThat(bar.children()).allSatisfy(day -> assertThat(day.attr("title")).isNotBlank());
		}
		for (var time : page.select("time")) {
			assertThat(Instant.parse(time.attr("datetime"))).isNotNull();
			assertThat(time.text()).as("%s: a time without words", which).isNotBlank();
		}
		for (var labelled : page.select("[aria-labelledby]")) {
			assertThat(page.getElementById(labelled.attr("aria-labelledby"))).as("%s: %s", which, labelled.attr("aria-labelledby"))
				.isNotNull();
		}
	}

	private static String statusOf(Document page, String componentId) {
		return page.getElementById("component-" + componentId).select(".row .status").text();
	}

	private void saveSettings(String admin, JsonNode settings, String logoUrl, String logoAlt) {
		api.put("/api/v1/status-page/settings", admin, """
				{"name": %s, "logo_url": %s, "logo_alt": %s, "brand_colour": %s, "time_zone": %s, "host_name": %s}"""
			.formatted(quoted(textOf(settings, "name")), quoted(logoUrl), quoted(logoAlt),
					quoted(textOf(settings, "brand_colour")), quoted(textOf(settings, "time_zone")),
					quoted(textOf(settings, "host_name"))))
			.expectStatus(200);
	}

	private static String textOf(JsonNode node, String field) {
		var value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

	private String quoted(String text) {
		return text == null ? "null" : json.writeValueAsString(text);
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
