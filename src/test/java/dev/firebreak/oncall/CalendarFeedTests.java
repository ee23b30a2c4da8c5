package dev.firebreak.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.firebreak.ApiTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Calendar feeds at their secret addresses, read back with ical4j: a schedule's final shifts and
 * a person's shifts on every schedule; addresses shown to signed-in people and replaced on request.
 */
class CalendarFeedTests extends ApiTest {

	/** Long, and full of characters of two, three and four octets, so folding meets every kind. */
	private static final String LONG_NAME = "Zoë Ångström-Müller, Bereitschaftsdienst; 日本語の名前 🚒 %s";

	private String admin;

	private Person zoe;

	private Person bob;

	private LocalDate today;

	@BeforeEach
	void people() {
		admin = adminToken();
		bob = person("responder");
		var email = "zoe-" + UUID.randomUUID() + "@firebreak.test";
		var name = LONG_NAME.formatted(UUID.randomUUID().toString().substring(0, 8));
		var id = api.post("/api/v1/accounts", admin, """
				{"email": "%s", "display_name": "%s", "role": "responder", "password": "a long enough password"}"""
			.formatted(email, name)).expectStatus(201).json().get("id").asString();
		zoe = new Person(UUID.fromString(id), email, "a long enough password", api.token(email, "a long enough password"));
		today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	@Test
	void aSchedulesFeedHoldsItsFinalShiftsInUtcAndIsReadBackByIcal4j() throws Exception {
		var schedule = schedule("UTC");
		layer(schedule, today.minusDays(1) + "T09:00", zoe, bob);
		var url = api.get("/api/v1/schedules/" + schedule + "/calendar-url", bob.token()).expectStatus(200).json()
			.get("url").asString();
		assertThat(url).startsWith("http://localhost:8080/calendar/schedules/").endsWith(".ics");

		var response = feed(url);

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("text/calendar; charset=utf-8");
		var calendar = parse(response);
		List<VEvent> events = calendar.getComponents(Component.VEVENT);
		// from two weeks back (the rotation started yesterday) to 13 weeks ahead, one a day
		assertThat(events).hasSizeBetween(91, 93);
		var first = events.get(0);
		assertThat(Instant.from(first.getDateTimeStart().getDate())).isEqualTo(Instant.parse(today.minusDays(1) + "T09:00:00Z"));
		assertThat(Instant.from(first.getDateTimeEnd().getDate())).isEqualTo(Instant.parse(today + "T09:00:00Z"));
		assertThat(first.getSummary().getValue()).isEqualTo("On call: " + displayName(zoe));
		assertThat(events.get(1).getSummary().getValue()).isEqualTo("On call: " + displayName(bob));
		assertThat(first.getDateTimeStamp().getDate()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
		assertThat(events).extracting(e -> e.getUid().orElseThrow().getValue()).doesNotHaveDuplicates();
		assertThat(calendar.getProperty("PRODID")).isPresent();

		var raw = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(raw).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").doesNotContainPattern("[^\r]\n")
			.contains("DTSTART:" + today.minusDays(1).toString().replace("-", "") + "T090000Z\r\n");
		assertThat(Arrays.stream(raw.split("\r\n"))).allSatisfy(
				line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
		// the summary with Zoë's long name was folded, and no fold fell inside a character
		assertThat(raw).contains("\r\n ");
		assertThat(response.getContentAsByteArray()).satisfies(CalendarFeedTests::noLineStartsInsideAUtf8Sequence);
	}

	@Test
	void aPersonsFeedHoldsTheirShiftsOnEverySchedule() throws Exception {
		var payments = schedule("UTC");
		layer(payments, today + "T09:00", zoe, bob);
		var search = schedule("Europe/Berlin");
		layer(search, today + "T12:00", bob);
		// Zoë covers Bob on the search schedule for two hours tomorrow
		api.post("/api/v1/schedules/" + search + "/overrides", bob.token(), """
				{"account_id": "%s", "replaced_account_id": "%s", "start": "%sT14:00:00Z", "end": "%sT16:00:00Z"}"""
			.formatted(zoe.id(), bob.id(), today.plusDays(1), today.plusDays(1))).expectStatus(201);
		var url = api.get("/api/v1/oncall/me/calendar-url", zoe.token()).expectStatus(200).json().get("url").asString();
		assertThat(url).contains("/calendar/people/");

		var calendar = parse(feed(url));
		List<VEvent> events = calendar.getComponents(Component.VEVENT);

		var searchName = api.get("/api/v1/schedules/" + search, admin).json().get("name").asString();
		var cover = events.stream().filter(e -> e.getSummary().getValue().equals("On call: " + searchName)).toList();
		assertThat(cover).singleElement().satisfies(e -> {
			assertThat(Instant.from(e.getDateTimeStart().getDate())).isEqualTo(Instant.parse(today.plusDays(1) + "T14:00:00Z"));
			assertThat(Instant.from(e.getDateTimeEnd().getDate())).isEqualTo(Instant.parse(today.plusDays(1) + "T16:00:00Z"));
		});
		var paymentsName = api.get("/api/v1/schedules/" + payments, admin).json().get("name").asString();
		var mine = events.stream().filter(e -> e.getSummary().getValue().equals("On call: " + paymentsName)).toList();
		// every other day from today to 13 weeks ahead
		assertThat(mine).hasSizeBetween(45, 47);
		assertThat(Instant.from(mine.get(0).getDateTimeStart().getDate())).isEqualTo(Instant.parse(today + "T09:00:00Z"));
		assertThat(Instant.from(mine.get(1).getDateTimeStart().getDate())).isEqualTo(Instant.parse(today.plusDays(2) + "T09:00:00Z"));
		// Bob's own feed has none of Zoë's shifts
		var bobs = parse(feed(api.get("/api/v1/oncall/me/calendar-url", bob.token()).json().get("url").asString()));
		assertThat(bobs.<VEvent>getComponents(Component.VEVENT)).extracting(e -> Instant.from(e.getDateTimeStart().getDate()))
			.doesNotContain(Instant.parse(today + "T09:00:00Z"));
	}

	@Test
	void aRotatedAddressReplacesTheOldOneAtOnceAndIsAudited() throws Exception {
		var schedule = schedule("UTC");
		var old = api.get("/api/v1/schedules/" + schedule + "/calendar-url", bob.token()).json().get("url").asString();
		assertThat(api.get("/api/v1/schedules/" + schedule + "/calendar-url", zoe.token()).json().get("url").asString())
			.isEqualTo(old);
		assertThat(feed(old).getStatus()).isEqualTo(200);

		var rotated = api.post("/api/v1/schedules/" + schedule + "/calendar-url/rotate", bob.token(), null)
			.expectStatus(200).json().get("url").asString();

		assertThat(rotated).isNotEqualTo(old);
		assertThat(feed(old).getStatus()).isEqualTo(404);
		assertThat(feed(rotated).getStatus()).isEqualTo(200);
		var mine = api.get("/api/v1/oncall/me/calendar-url", zoe.token()).json().get("url").asString();
		var myNew = api.post("/api/v1/oncall/me/calendar-url/rotate", zoe.token(), null).expectStatus(200).json()
			.get("url").asString();
		assertThat(feed(mine).getStatus()).isEqualTo(404);
		assertThat(feed(myNew).getStatus()).isEqualTo(200);
		assertThat(jdbc.sql("select action from identity_audit where target_id = :id order by seq")
			.param("id", schedule).query(String.class).list())
			.containsExactly("schedule.created", "calendar.url_rotated");
		assertThat(jdbc.sql("select action from identity_audit where target_id = :id order by seq")
			.param("id", zoe.id().toString()).query(String.class).list())
			.contains("calendar.url_issued", "calendar.url_rotated");
		// the token is stored only as a hash and a ciphertext
		var token = rotated.substring(rotated.lastIndexOf('/') + 1, rotated.length() - ".ics".length());
		assertThat(jdbc.sql("select count(*) from oncall_calendar_feed where token_hash = :t or token_ciphertext = :t")
			.param("t", token).query(Long.class).single()).isZero();
	}

	@Test
	void anUnknownOrMistypedAddressIsNotFound() throws Exception {
		var schedule = schedule("UTC");
		var url = api.get("/api/v1/schedules/" + schedule + "/calendar-url", bob.token()).json().get("url").asString();
		var person = url.replace("/calendar/schedules/", "/calendar/people/");

		assertThat(feed("http://localhost:8080/calendar/schedules/not-a-token.ics").getStatus()).isEqualTo(404);
		// a schedule's token does not open a person's feed
		assertThat(feed(person).getStatus()).isEqualTo(404);
		api.delete("/api/v1/schedules/" + schedule, admin).expectStatus(204);
		assertThat(feed(url).getStatus()).isEqualTo(404);
	}

	private MockHttpServletResponse feed(String url) throws Exception {
		return mvc.perform(get(URI.create(url).getPath())).andReturn().getResponse();
	}

	private static Calendar parse(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).isEqualTo(200);
		var calendar = new CalendarBuilder().build(new StringReader(response.getContentAsString(StandardCharsets.UTF_8)));
		calendar.validate();
		return calendar;
	}

	private static void noLineStartsInsideAUtf8Sequence(byte[] bytes) {
		for (var i = 0; i + 2 < bytes.length; i++) {
			if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
				assertThat(bytes[i + 2] & 0xC0).as("byte after CRLF at %d", i).isNotEqualTo(0x80);
				if (bytes[i + 2] == ' ' && i + 3 < bytes.length) {
					assertThat(bytes[i + 3] & 0xC0).as("byte after a fold at %d", i).isNotEqualTo(0x80);
				}
			}
		}
	}

	private String displayName(Person person) {
		return api.get("/api/v1/accounts/" + person.id(), admin).expectStatus(200).json().get("display_name").asString();
	}

	private String schedule(String zone) {
		return api.post("/api/v1/schedules", admin, "{\"name\": \"Feed %s\", \"time_zone\": \"%s\"}"
			.formatted(UUID.randomUUID().toString().substring(0, 8), zone)).expectStatus(201).json().get("id").asString();
	}

	private void layer(String schedule, String start, Person... people) {
		var ids = String.join(", ", Arrays.stream(people).map(p -> "\"" + p.id() + "\"").toList());
		api.post("/api/v1/schedules/" + schedule + "/layers", admin, """
				{"name": "Daily", "participants": [%s], "shift_count": 1, "shift_unit": "days", "start": "%s"}"""
			.formatted(ids, start)).expectStatus(201);
	}
}
