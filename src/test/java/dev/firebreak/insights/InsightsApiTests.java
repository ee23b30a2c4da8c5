package dev.firebreak.insights;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import dev.firebreak.ApiTest;
import dev.firebreak.alerting.Alerts;

import tools.jackson.databind.JsonNode;

/**
 * The reports against a small world with known times: incidents declared, acknowledged, mitigated
 * and resolved at chosen moments of the simulated clock, people paged through a real escalation
 * policy, alerts sent through Events v2. The database is shared, so every assertion reads the rows
 * of this test's own services and people.
 */
class InsightsApiTests extends ApiTest {

	@Autowired
	UserDetailsService users;

	@Autowired
	Alerts alerts;

	private String admin;

	@BeforeEach
	void anAdmin() {
		admin = adminToken();
	}

	@Test
	void responseTimesPerSeverityAreMeansOfTheMilestonesReachedWithTheTrendAgainstThePeriodBefore() throws Exception {
		toTwoInTheMorningUtcOnAWeekday();
		var team = team();
		var checkout = service("checkout", team);
		var t0 = clock.instant();
		// the period before: A acknowledged after 4 minutes, mitigated after 10, resolved after 30
		var a = declare("SEV1", checkout, null);
		timePasses(ofMinutes(4));
		acknowledge(a);
		timePasses(ofMinutes(6));
		mitigate(a);
		timePasses(ofMinutes(20));
		api.resolve(a, admin).expectStatus(200);

		timePasses(Duration.between(clock.instant(), t0.plus(Duration.ofDays(1))));
		var t1 = clock.instant();
		var b = declare("SEV1", checkout, null);
		var c = declare("SEV1", checkout, null);
		var d = declare("SEV2", checkout, t1.minus(ofMinutes(8)));
		timePasses(ofMinutes(2));
		acknowledge(b);
		timePasses(ofMinutes(2));
		acknowledge(c);
		timePasses(ofMinutes(2));
		mitigate(b);
		acknowledge(d);
		timePasses(ofMinutes(14));
		api.resolve(b, admin).expectStatus(200);
		timePasses(ofMinutes(22));
		api.resolve(d, admin).expectStatus(200);

		var period = "from=" + t1.minus(Duration.ofHours(1)) + "&to=" + t1.plus(Duration.ofHours(23));
		var report = api.get("/api/v1/insights/response?by=severity&service_id=" + checkout + "&" + period, admin)
			.expectStatus(200).json();
		assertThat(report.get("previous_from").asString()).isEqualTo(t0.minus(Duration.ofHours(1)).toString());
		assertThat(report.get("total").asInt()).isEqualTo(2);
		var sev1 = row(report, "SEV1");
		assertThat(sev1.get("incidents").asInt()).isEqualTo(2);
		assertThat(sev1.get("previous_incidents").asInt()).isEqualTo(1);
		var mtta = sev1.get("mtta");
		assertThat(mtta.get("count").asInt()).isEqualTo(2);
		assertThat(mtta.get("mean").asString()).isEqualTo("PT3M");
		assertThat(mtta.get("median_seconds").asDouble()).isEqualTo(180.0);
		assertThat(mtta.get("p90_seconds").asDouble()).isEqualTo(240.0);
		assertThat(mtta.get("previous_mean_seconds").asDouble()).isEqualTo(240.0);
		assertThat(mtta.get("change").asString()).isEqualTo("PT-1M");
		assertThat(mtta.get("change_percent").asDouble()).isEqualTo(-25.0);
		assertThat(sev1.get("mttm").get("count").asInt()).as("C was never mitigated: left out").isEqualTo(1);
		assertThat(sev1.get("mttm").get("mean_seconds").asDouble()).isEqualTo(360.0);
		assertThat(sev1.get("mttm").get("change_percent").asDouble()).isEqualTo(-40.0);
		assertThat(sev1.get("mttr").get("mean_seconds").asDouble()).isEqualTo(1200.0);
		assertThat(sev1.get("mttr").get("previous_mean_seconds").asDouble()).isEqualTo(1800.0);
		var sev2 = row(report, "SEV2");
		assertThat(sev2.get("incidents").asInt()).isEqualTo(1);
		assertThat(sev2.get("mtta").get("mean_seconds").asDouble()).as("detected 8 minutes before it was declared")
			.isEqualTo(840.0);
		assertThat(sev2.get("mttm").get("mean").isNull()).isTrue();
		assertThat(sev2.get("mttr").get("mean_seconds").asDouble()).isEqualTo(3000.0);
		assertThat(sev2.get("mtta").get("change").isNull()).as("no SEV2 in the period before").isTrue();

		var byTeam = api.get("/api/v1/insights/response?by=team&team_id=" + team + "&" + period, admin).expectStatus(200)
			.json();
		assertThat(byTeam.get("items").values()).extracting(r -> r.get("key").asString()).containsExactly(team.toString());
		assertThat(row(byTeam, team.toString()).get("incidents").asInt()).isEqualTo(3);
		assertThat(row(byTeam, team.toString()).get("mtta").get("mean_seconds").asDouble()).isEqualTo(400.0);
		var byService = api.get("/api/v1/insights/response?by=service&service_id=" + checkout + "&" + period, admin)
			.expectStatus(200).json();
		assertThat(row(byService, checkout.toString()).get("name").asString()).startsWith("checkout-");

		var csv = api.get("/api/v1/insights/response.csv?by=severity&service_id=" + checkout + "&" + period,
				person("viewer").token()).expectStatus(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		var lines = csv.body().split("\r\n");
		assertThat(lines[0]).isEqualTo("from,to,by,key,name,incidents,previous_incidents,"
				+ "mtta_count,mtta_mean_seconds,mtta_median_seconds,mtta_p90_seconds,mtta_previous_mean_seconds,mtta_change_seconds,mtta_change_percent,"
				+ "mttm_count,mttm_mean_seconds,mttm_median_seconds,mttm_p90_seconds,mttm_previous_mean_seconds,mttm_change_seconds,mttm_change_percent,"
				+ "mttr_count,mttr_mean_seconds,mttr_median_seconds,mttr_p90_seconds,mttr_previous_mean_seconds,mttr_change_seconds,mttr_change_percent");
		assertThat(lines).hasSize(3);
		assertThat(lines[1]).isEqualTo(t1.minus(Duration.ofHours(1)) + "," + t1.plus(Duration.ofHours(23))
				+ ",severity,SEV1,SEV1,2,1,2,180.0,180.0,240.0,240.0,-60.0,-25.0,1,360.0,360.0,360.0,600.0,-240.0,-40.0,"
				+ "1,1200.0,1200.0,1200.0,1800.0,-600.0,-33.3");
		assertThat(lines[2]).startsWith(t1.minus(Duration.ofHours(1)) + "," + t1.plus(Duration.ofHours(23))
				+ ",severity,SEV2,SEV2,1,0,1,840.0,840.0,840.0,,,,0,,,,,,,1,3000.0");

		// the page: a chart of the week with its numbers in words, and the table by severity
		var viewer = users.loadUserByUsername(person("viewer").email());
		var html = mvc.perform(get("/insights?service_id=" + checkout + "&" + period).with(user(viewer))).andReturn()
			.getResponse();
		assertThat(html.getStatus()).isEqualTo(200);
		var page = Jsoup.parse(html.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("head > title").eachText()).containsExactly("Insights · Firebreak");
		var svg = page.selectFirst("#trend-chart svg[role=img]");
		assertThat(svg).isNotNull();
		var week = t1.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		assertThat(svg.selectFirst("desc").text())
			.isEqualTo("week of " + week + ": MTTA 6 min 40 s MTTM 6 min MTTR 35 min");
		assertThat(svg.attr("aria-label")).contains("MTTA 6 min 40 s");
		assertThat(svg.select("polyline")).hasSize(3);
		assertThat(svg.select("circle title").eachText()).contains("MTTA week of " + week + ": 6 min 40 s");
		assertThat(page.selectFirst("#severity-SEV1").text()).contains("2 (1)").contains("3 min · 3 min · 4 min")
			.contains("−1 min -25.0 %").contains("20 min · 20 min · 20 min");
	}

	@Test
	void onCallHealthCountsEachPersonsPagesInTheirOwnWeekAndTheirOwnHoursAndTheGaugesSayTheSame() {
		toTwoInTheMorningUtcOnAWeekday();
		var tokyo = personIn("Asia/Tokyo");
		var newYork = personIn("America/New_York");
		var payments = service("payments", null);
		policy(payments, tokyo, newYork);

		var sev1 = declare("SEV1", payments, null);
		var sev2 = declare("SEV2", payments, null);
		declare("SEV3", payments, null);
		timePasses(ofMinutes(3));
		api.post("/api/v1/incidents/" + sev1 + "/acknowledge", tokyo.token(), null).expectStatus(200);
		timePasses(ofMinutes(1));
		api.post("/api/v1/incidents/" + sev2 + "/acknowledge", tokyo.token(), null).expectStatus(200);

		var atNight = week(newYork);
		assertThat(atNight.get("week").asString()).as("Monday of the person's own week")
			.isEqualTo(Instant.parse(atNight.get("week_start").asString()).atZone(ZoneId.of("America/New_York"))
				.toLocalDate().toString());
		assertThat(atNight.get("pages").asInt()).isEqualTo(3);
		assertThat(atNight.get("pages_health").asString()).isEqualTo("healthy");
		assertThat(atNight.get("after_hours_pages").asInt()).as("21:00 or 22:00 in New York").isEqualTo(3);
		assertThat(atNight.get("after_hours_health").asString()).isEqualTo("watch");
		assertThat(atNight.get("sev1_time_to_ack").asString()).isEqualTo("PT3M");
		assertThat(atNight.get("sev1_health").asString()).isEqualTo("healthy");
		assertThat(atNight.get("sev2_time_to_ack").asString()).isEqualTo("PT4M");
		assertThat(atNight.get("runbook_share").asDouble()).isEqualTo(0.0);
		assertThat(atNight.get("runbook_health").asString()).isEqualTo("unhealthy");
		assertThat(atNight.get("overall").asString()).isEqualTo("unhealthy");
		var atWork = week(tokyo);
		assertThat(atWork.get("pages").asInt()).isEqualTo(3);
		assertThat(atWork.get("after_hours_pages").asInt()).as("11:00 on a weekday in Tokyo").isZero();
		assertThat(atWork.get("after_hours_health").asString()).isEqualTo("healthy");
		assertThat(atWork.get("time_zone").asString()).isEqualTo("Asia/Tokyo");

		var csv = api.get("/api/v1/insights/on-call-health.csv?person=" + newYork.id(), admin).expectStatus(200).body()
			.split("\r\n");
		assertThat(csv[0]).contains(",after_hours_pages_comp_time_basis,");
		assertThat(csv).hasSize(2);
		assertThat(csv[1]).contains("," + newYork.id() + ",").contains(",America/New_York,false,3,healthy,3,watch,1,180.0,healthy,1,240.0,healthy,0.0,unhealthy,unhealthy");

		// the gauges: a scrape after the cache time computes them, the next one shows a newly paged person
		timePasses(ofMinutes(1));
		var viewer = person("viewer").token();
		api.get("/actuator/prometheus", viewer).expectStatus(200);
		var metrics = api.get("/actuator/prometheus", viewer).expectStatus(200).body();
		assertThat(gauge(metrics, "firebreak_oncall_pages", "person", newYork.id().toString())).isEqualTo(3.0);
		assertThat(gauge(metrics, "firebreak_oncall_after_hours_pages", "person", newYork.id().toString())).isEqualTo(3.0);
		assertThat(gauge(metrics, "firebreak_oncall_after_hours_pages", "person", tokyo.id().toString())).isEqualTo(0.0);
		var bySeverity = api.get("/api/v1/insights/response", admin).expectStatus(200).json();
		assertThat(gauge(metrics, "firebreak_incident_mtta_seconds", "severity", "SEV1"))
			.isEqualTo(row(bySeverity, "SEV1").get("mtta").get("mean_seconds").asDouble());
		assertThat(gauge(metrics, "firebreak_incidents", "severity", "SEV3"))
			.isEqualTo(row(bySeverity, "SEV3").get("incidents").asDouble()).isGreaterThanOrEqualTo(1.0);
	}

	@Test
	void theNoiseReportFindsAnAlertThatPagedAndResolvedUnansweredAndAFlappingOne() throws Exception {
		var sleeper = personIn("UTC");
		// hours that are over at the moment, whatever the simulated time is: every page is out of hours
		var later = clock.instant().plus(Duration.ofHours(2)).atZone(ZoneOffset.UTC).toLocalTime();
		api.put("/api/v1/accounts/me/working-hours", sleeper.token(), """
				{"start": "%s", "end": "%s", "days": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]}"""
			.formatted(hhmm(later), hhmm(later.plusHours(1)))).expectStatus(200);
		var search = service("search", null);
		var key = eventsKey(search);
		policy(search, sleeper);
		var answered = service("answered", null);
		var answeredKey = eventsKey(answered);
		policy(answered, sleeper);
		var disk = "disk-" + UUID.randomUUID();
		var flap = "flap-" + UUID.randomUUID();

		event(key, disk, "trigger", "critical");
		event(answeredKey, disk, "trigger", "critical");
		settle();
		timePasses(ofMinutes(2));
		var incident = api.get("/api/v1/incidents?service=" + answered, admin).expectStatus(200).json().get("items").get(0)
			.get("id").asString();
		api.post("/api/v1/incidents/" + incident + "/acknowledge", sleeper.token(), null).expectStatus(200);
		timePasses(ofMinutes(1));
		event(key, disk, "resolve", null);
		event(answeredKey, disk, "resolve", null);
		for (int i = 0; i < 3; i++) {
			event(key, flap, "trigger", "warning");
			timePasses(ofMinutes(20));
			event(key, flap, "resolve", null);
			timePasses(ofMinutes(10));
		}

		var noise = api.get("/api/v1/insights/noise?service_id=" + search, person("viewer").token()).expectStatus(200)
			.json();
		// warnings open no incident, and page at low urgency: noise too when nobody answers
		assertThat(noise.get("paged_no_action").values()).extracting(r -> r.get("dedup_key").asString())
			.containsExactly(disk, flap, flap, flap);
		var unanswered = noise.get("paged_no_action").get(0);
		assertThat(unanswered.get("pages").asInt()).as("the page about the incident it opened").isEqualTo(1);
		assertThat(unanswered.get("tuning").get("integrations").asString()).isEqualTo("/services/" + search + "/integrations");
		assertThat(unanswered.get("tuning").get("alert_routing").asString())
			.isEqualTo("/api/v1/services/" + search + "/alert-routing");
		assertThat(noise.get("flapping").values()).hasSize(1);
		var flapping = noise.get("flapping").get(0);
		assertThat(flapping.get("dedup_key").asString()).isEqualTo(flap);
		assertThat(flapping.get("opened").asInt()).isEqualTo(3);
		assertThat(flapping.get("most_within").asInt()).isEqualTo(3);
		assertThat(noise.get("services").values()).singleElement().satisfies(row -> {
			assertThat(row.get("service_id").asString()).isEqualTo(search.toString());
			assertThat(row.get("pages").asInt()).isEqualTo(4);
			assertThat(row.get("after_hours_pages").asInt()).isEqualTo(4);
		});
		assertThat(noise.get("classes").values()).extracting(r -> r.get("dedup_key").asString() + " " + r.get("after_hours_pages"))
			.containsExactly(flap + " 3", disk + " 1");
		var acknowledged = api.get("/api/v1/insights/noise?service_id=" + answered, admin).expectStatus(200).json();
		assertThat(acknowledged.get("paged_no_action").values()).as("someone acknowledged its incident").isEmpty();

		var viewer = users.loadUserByUsername(person("viewer").email());
		var html = mvc.perform(get("/insights/noise?service_id=" + search).with(user(viewer))).andReturn().getResponse();
		assertThat(html.getStatus()).isEqualTo(200);
		var page = Jsoup.parse(html.getContentAsString(StandardCharsets.UTF_8));
		var row = page.selectFirst("#no-action-" + unanswered.get("alert_id").asString());
		assertThat(row.text()).contains(disk);
		assertThat(row.select("a").eachAttr("href")).contains("/services/" + search + "/integrations");
		assertThat(page.selectFirst("#flapping tbody tr").text()).contains(flap);
	}

	@Test
	void theNoiseReportHidesAPrivateIncidentsAlertSummaryFromThoseOutsideItButKeepsItsCounts() {
		var sleeper = personIn("UTC");
		var vault = service("vault", null);
		var key = eventsKey(vault);
		policy(vault, sleeper);
		var secret = api.post("/api/v1/incidents", admin, """
				{"title": "Credential leak %s", "severity": "SEV2", "affected_service_ids": ["%s"], "private": true}"""
			.formatted(UUID.randomUUID(), vault)).expectStatus(201).json().get("id").asString();
		var leak = "leak-" + UUID.randomUUID();
		event(key, leak, "trigger", "critical");
		settle();
		assertThat(api.get("/api/v1/incidents/" + secret + "/alerts", admin).expectStatus(200).body()).contains(leak);
		timePasses(ofMinutes(3));
		event(key, leak, "resolve", null);
		settle();

		var outsider = api.get("/api/v1/insights/noise?service_id=" + vault, person("viewer").token()).expectStatus(200)
			.json().get("paged_no_action");
		var inside = api.get("/api/v1/insights/noise?service_id=" + vault, admin).expectStatus(200).json()
			.get("paged_no_action");
		assertThat(inside.values()).singleElement().satisfies(row -> {
			assertThat(row.get("summary").asString()).isEqualTo(leak + " on search");
			assertThat(row.get("pages").asInt()).isPositive();
		});
		assertThat(outsider.values()).singleElement().satisfies(row -> {
			assertThat(row.get("summary").asString()).as("not the private incident's words").isEqualTo("a private incident's alert");
			assertThat(row.get("dedup_key").asString()).isEqualTo(leak);
			assertThat(row.get("pages").asInt()).as("the counts stay").isEqualTo(inside.get(0).get("pages").asInt());
		});
	}

	@Test
	void theNoiseReportReadsAtMostItsOwnRangeAndLooksUpAnyNumberOfAlerts() {
		var to = clock.instant();
		var problem = api.get("/api/v1/insights/noise?from=" + to.minus(Duration.ofDays(32)) + "&to=" + to, admin)
			.problem(400);
		assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("/to");
		assertThat(problem.get("errors").get(0).get("detail").asString()).contains("firebreak.insights.noise.max-range")
			.contains("31 days");
		api.get("/api/v1/insights/noise?from=" + to.minus(Duration.ofDays(31)) + "&to=" + to, admin).expectStatus(200);
		api.get("/api/v1/insights/response?from=" + to.minus(Duration.ofDays(90)) + "&to=" + to, admin)
			.expectStatus(200);

		// past PostgreSQL's 32,767 bind parameters in one IN list, with a real alert in it twice
		var search = service("lookup", null);
		event(eventsKey(search), "lookup-" + UUID.randomUUID(), "trigger", "warning");
		settle();
		var real = alerts.firstSeenBetween(to.minusSeconds(1), clock.instant().plusSeconds(1)).stream()
			.filter(alert -> search.equals(alert.serviceId())).findFirst().orElseThrow().id();
		var ids = new ArrayList<UUID>();
		ids.add(real);
		for (int i = 0; i < 40_000; i++) {
			ids.add(UUID.randomUUID());
		}
		ids.add(real);
		assertThat(alerts.findAll(ids)).containsOnlyKeys(real);
	}

	@Test
	void aPersonSetsTheirOwnWorkingHoursAndBadOnesAreRefusedNamingTheField() {
		var someone = personIn("Europe/Berlin");
		var defaults = api.get("/api/v1/accounts/me/working-hours", someone.token()).expectStatus(200).json();
		assertThat(defaults.get("own").asBoolean()).isFalse();
		assertThat(defaults.get("start").asString()).isEqualTo("09:00");

		var set = api.put("/api/v1/accounts/me/working-hours", someone.token(), """
				{"start": "22:00", "end": "06:00", "days": ["Sunday", "monday"]}""").expectStatus(200).json();
		assertThat(set.get("days").values()).extracting(JsonNode::asString).containsExactly("monday", "sunday");
		assertThat(set.get("time_zone").asString()).isEqualTo("Europe/Berlin");

		assertThat(api.put("/api/v1/accounts/me/working-hours", someone.token(), """
				{"start": "25:00", "end": "06:00", "days": ["monday"]}""").problem(400).get("errors").get(0).get("pointer")
			.asString()).isEqualTo("/start");
		assertThat(api.put("/api/v1/accounts/me/working-hours", someone.token(), """
				{"start": "08:00", "end": "08:00", "days": ["monday"]}""").problem(400).get("errors").get(0).get("pointer")
			.asString()).isEqualTo("/end");
		assertThat(api.put("/api/v1/accounts/me/working-hours", someone.token(), """
				{"start": "08:00", "end": "16:00", "days": ["monday", "funday"]}""").problem(400).get("errors").get(0)
			.get("pointer").asString()).isEqualTo("/days/1");
		assertThat(api.put("/api/v1/accounts/me/working-hours", someone.token(), """
				{"start": "08:00", "end": "16:00", "days": []}""").problem(400).get("errors").get(0).get("pointer")
			.asString()).isEqualTo("/days");
		var unchanged = api.get("/api/v1/accounts/me/working-hours", someone.token()).expectStatus(200).json();
		assertThat(unchanged.get("start").asString()).isEqualTo("22:00");
		assertThat(unchanged.get("own").asBoolean()).isTrue();

		api.delete("/api/v1/accounts/me/working-hours", someone.token()).expectStatus(200);
		assertThat(api.get("/api/v1/accounts/me/working-hours", someone.token()).expectStatus(200).json().get("own")
			.asBoolean()).isFalse();
		var audit = api.get("/api/v1/audit?size=50", admin).expectStatus(200).json().get("items").values().stream()
			.filter(e -> someone.id().toString().equals(e.get("target_id").asString())).map(e -> e.get("action").asString())
			.toList();
		assertThat(audit).contains("account.working_hours_set", "account.working_hours_cleared");
		api.get("/api/v1/insights/response?from=2026-03-05&to=2026-03-01", admin).problem(400);
		assertThat(api.get("/api/v1/insights/response?by=colour", admin).problem(400).get("errors").get(0).get("pointer")
			.asString()).isEqualTo("/by");
	}

	// --- the world ------------------------------------------------------------------------------

	/** Moves the clock to the next 02:00 UTC that falls on a Tuesday to Friday (11:00 in Tokyo, the evening before in New York). */
	private void toTwoInTheMorningUtcOnAWeekday() {
		var now = clock.instant().atZone(ZoneOffset.UTC);
		var target = now.toLocalDate().atTime(2, 0).atZone(ZoneOffset.UTC);
		while (!target.isAfter(now) || List.of(DayOfWeek.MONDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)
			.contains(target.getDayOfWeek())) {
			target = target.plusDays(1);
		}
		timePasses(Duration.between(now, target));
	}

	private Person personIn(String timeZone) {
		var email = "insights-" + UUID.randomUUID() + "@firebreak.test";
		var password = "password-" + UUID.randomUUID();
		var created = api.post("/api/v1/accounts", admin, """
				{"email": "%s", "display_name": "On call %s", "role": "responder", "password": "%s", "time_zone": "%s"}"""
			.formatted(email, email.substring(9, 15), password, timeZone)).expectStatus(201);
		return new Person(UUID.fromString(created.json().get("id").asString()), email, password, api.token(email, password));
	}

	private UUID team() {
		return id(api.post("/api/v1/teams", admin, "{\"name\": \"team-%s\", \"time_zone\": \"UTC\"}".formatted(UUID.randomUUID()))
			.expectStatus(201));
	}

	private UUID service(String name, UUID team) {
		return id(api.post("/api/v1/services", admin, "{\"name\": \"%s-%s\"%s}".formatted(name, UUID.randomUUID(),
				team == null ? "" : ", \"owner_team_id\": \"" + team + "\"")).expectStatus(201));
	}

	private String eventsKey(UUID service) {
		return api.post("/api/v1/services/" + service + "/integrations", admin, "{\"type\": \"events_v2\"}").expectStatus(201)
			.json().get("routing_key").asString();
	}

	/** One level paging these people, waiting 5 minutes, no repeats. */
	private void policy(UUID service, Person... people) {
		var targets = new ArrayList<String>();
		for (var person : people) {
			targets.add("{\"type\": \"person\", \"id\": \"%s\"}".formatted(person.id()));
		}
		api.post("/api/v1/escalation-policies", admin, """
				{"name": "policy-%s", "repeat": 0, "levels": [{"delay": "PT5M", "targets": [%s]}], "service_ids": ["%s"]}"""
			.formatted(UUID.randomUUID(), String.join(", ", targets), service)).expectStatus(201);
	}

	private String declare(String severity, UUID service, Instant detectedAt) {
		return api.post("/api/v1/incidents", admin, """
				{"title": "Insights %s", "severity": "%s", "affected_service_ids": ["%s"]%s}""".formatted(UUID.randomUUID(),
				severity, service, detectedAt == null ? "" : ", \"detected_at\": \"" + detectedAt + "\""))
			.expectStatus(201).json().get("id").asString();
	}

	private void acknowledge(String incident) {
		api.post("/api/v1/incidents/" + incident + "/acknowledge", admin, null).expectStatus(200);
	}

	private void mitigate(String incident) {
		api.post("/api/v1/incidents/" + incident + "/mitigations", admin, """
				{"lever": "rollback", "description": "rolled back the deploy", "mitigated": true}""").expectStatus(201);
	}

	private void event(String routingKey, String dedupKey, String action, String severity) {
		var payload = severity == null ? ""
				: ", \"payload\": {\"summary\": \"%s on search\", \"source\": \"prometheus\", \"severity\": \"%s\"}"
					.formatted(dedupKey, severity);
		api.post("/v2/enqueue", null, "{\"routing_key\": \"%s\", \"event_action\": \"%s\", \"dedup_key\": \"%s\"%s}"
			.formatted(routingKey, action, dedupKey, payload)).expectStatus(202);
		settle();
	}

	private JsonNode week(Person person) {
		var report = api.get("/api/v1/insights/on-call-health?person=" + person.id(), admin).expectStatus(200).json();
		assertThat(report.get("items").values()).as("on-call weeks of %s", person.email()).hasSize(1);
		return report.get("items").get(0);
	}

	private static JsonNode row(JsonNode report, String key) {
		return report.get("items").values().stream().filter(r -> key.equals(r.get("key").asString())).findFirst()
			.orElseThrow(() -> new AssertionError("no row " + key + " in " + report));
	}

	private static double gauge(String metrics, String name, String label, String value) {
		var line = Pattern.compile("^" + name + "\\{[^}]*" + label + "=\"" + Pattern.quote(value) + "\"[^}]*\\} (\\S+)$",
				Pattern.MULTILINE).matcher(metrics);
		assertThat(line.find()).as("%s{%s=%s} in the scrape", name, label, value).isTrue();
		return Double.parseDouble(line.group(1));
	}

	private static String hhmm(java.time.LocalTime time) {
		return "%02d:%02d".formatted(time.getHour(), time.getMinute());
	}

	private static UUID id(dev.firebreak.Api.Response response) {
		return UUID.fromString(response.json().get("id").asString());
	}
}
