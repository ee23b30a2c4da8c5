package dev.firebreak.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.firebreak.ApiTest;
import dev.firebreak.identity.FirebreakUser;

/**
 * The on-call pages: who is on call now and next, a schedule's week with its rotations, final
 * schedule, gaps and lint, and the forms that change schedules, rotations and overrides.
 */
class SchedulePagesTests extends ApiTest {

	@Autowired
	UserDetailsService users;

	private String admin;

	private Person ada;

	private Person bob;

	private FirebreakUser responder;

	@BeforeEach
	void people() {
		admin = adminToken();
		ada = person("responder");
		bob = person("responder");
		responder = signedIn(ada.email());
	}

	@Test
	void theOverviewSaysWhoIsOnCallNowAndNextOnEverySchedule() throws Exception {
		var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		var name = unique("Overview");
		var schedule = schedule(name, "UTC");
		layer(schedule, today.minusDays(1) + "T00:00", ada, bob);
		var empty = unique("Empty");
		schedule(empty, "UTC");
		var viewer = signedIn(person("viewer").email());

		var html = page(get("/oncall").with(user(viewer)));

		var row = html.substring(html.indexOf("id=\"schedule-" + schedule + "\""));
		row = row.substring(0, row.indexOf("</tr>"));
		assertThat(row).contains(name).contains(displayName(bob) + " until ")
			.contains(displayName(ada) + " from ");
		assertThat(html).contains(empty).contains("Nobody: this schedule has a gap now")
			.contains("href=\"/oncall\"").doesNotContain("New schedule").doesNotContain("/calendar/people/");
		var mine = page(get("/oncall").with(user(responder)));
		assertThat(mine).contains("New schedule").contains("Get your calendar address").doesNotContain("/calendar/people/");
		var issued = mvc.perform(post("/oncall/calendar-url/rotate").with(user(responder)).with(csrf())).andReturn();
		assertThat(issued.getResponse().getRedirectedUrl()).isEqualTo("/oncall");
		var url = api.get("/api/v1/oncall/me/calendar-url", ada.token()).json().get("url").asString();
		assertThat(page(get("/oncall").with(user(responder)))).contains(url).contains("Replace the address");
	}

	@Test
	void aSchedulesWeekShowsEachRotationTheFinalScheduleItsGapsAndLint() throws Exception {
		var schedule = schedule(unique("Week"), "Europe/Berlin");
		api.post("/api/v1/schedules/" + schedule + "/layers", admin, """
				{"name": "Office hours", "participants": ["%s", "%s"], "shift_count": 1, "shift_unit": "days",
				 "start": "2026-03-02T09:00",
				 "restrictions": [{"type": "day_of_week", "start_day": "monday", "start_time": "09:00", "end_day": "friday", "end_time": "17:00"}]}"""
			.formatted(ada.id(), bob.id())).expectStatus(201);
		api.post("/api/v1/schedules/" + schedule + "/overrides", admin, """
				{"account_id": "%s", "replaced_account_id": "%s", "start": "2026-03-03T08:00:00Z", "end": "2026-03-03T12:00:00Z"}"""
			.formatted(ada.id(), bob.id())).expectStatus(201);

		var html = page(get("/schedules/" + schedule).param("week", "2026-03-04").with(user(responder)));

		assertThat(html).contains("Week of Mon 2 Mar").contains("Sun 8 Mar").contains("Office hours")
			.contains("Final schedule").contains("Overrides")
			.contains(displayName(ada) + " for " + displayName(bob))
			.contains("Mon 2 Mar 09:00 – Tue 3 Mar 13:00")
			.contains("Nobody on call")
			.contains("href=\"/schedules/" + schedule + "?week=2026-02-23\"")
			.contains("href=\"/schedules/" + schedule + "?week=2026-03-09\"")
			.contains("The rotation Office hours has 2 people")
			.contains("/calendar/schedules/")
			.contains("Add an override");
		// the final schedule's first block starts Monday 09:00 of a week starting Monday 00:00: 9/168 of the way
		assertThat(html).contains("left: 5.357%");
	}

	@Test
	void aResponderBuildsAScheduleThroughTheForms() throws Exception {
		var name = unique("Forms");
		var created = mvc.perform(post("/schedules").with(user(responder)).with(csrf()).param("name", name)
			.param("timeZone", "America/New_York").param("description", "Made in the browser").param("teamId", ""))
			.andReturn().getResponse();
		assertThat(created.getStatus()).isEqualTo(302);
		var schedule = created.getRedirectedUrl().substring("/schedules/".length());

		var layer = mvc.perform(post("/schedules/" + schedule + "/layers").with(user(responder)).with(csrf())
			.param("name", "Primary").param("participants", ada.id().toString(), "", bob.id().toString(), ada.id().toString())
			.param("shiftCount", "12").param("shiftUnit", "hours").param("start", "2026-03-02T09:00").param("end", "")
			.param("position", "")
			.param("restrictionType", "time_of_day", "").param("restrictionStartDay", "", "")
			.param("restrictionStartTime", "08:00", "").param("restrictionEndDay", "", "")
			.param("restrictionEndTime", "20:00", ""))
			.andReturn().getResponse();
		assertThat(layer.getStatus()).isEqualTo(302);
		var details = api.get("/api/v1/schedules/" + schedule, admin).json();
		assertThat(details.get("time_zone").asString()).isEqualTo("America/New_York");
		var stored = details.get("layers").get(0);
		assertThat(stored.get("participants").values()).extracting(p -> p.asString())
			.containsExactly(ada.id().toString(), bob.id().toString(), ada.id().toString());
		assertThat(stored.get("shift_count").asInt()).isEqualTo(12);
		assertThat(stored.get("restrictions").get(0).get("start_time").asString()).isEqualTo("08:00");
		var layerId = stored.get("id").asString();

		assertThat(page(get("/schedules/" + schedule + "/layers/" + layerId + "/edit").with(user(responder))))
			.contains("value=\"Primary\"").contains("value=\"2026-03-02T09:00\"").contains("value=\"08:00\"");
		var edited = mvc.perform(post("/schedules/" + schedule + "/layers/" + layerId).with(user(responder)).with(csrf())
			.param("name", "Primary renamed").param("participants", bob.id().toString()).param("shiftCount", "1")
			.param("shiftUnit", "days").param("start", "2026-03-02T09:00").param("end", "").param("position", "1"))
			.andReturn().getResponse();
		assertThat(edited.getStatus()).isEqualTo(302);
		assertThat(api.get("/api/v1/schedules/" + schedule, admin).json().get("layers").get(0).get("name").asString())
			.isEqualTo("Primary renamed");

		// 09:00 to 10:00 New York time on 3 March is 14:00 to 15:00 UTC
		var override = mvc.perform(post("/schedules/" + schedule + "/overrides").with(user(responder)).with(csrf())
			.param("accountId", ada.id().toString()).param("replacedAccountId", "")
			.param("start", "2026-03-03T09:00").param("end", "2026-03-03T10:00")).andReturn().getResponse();
		assertThat(override.getStatus()).isEqualTo(302);
		var overrides = api.get("/api/v1/schedules/" + schedule + "/overrides?from=2026-03-01T00:00:00Z", admin).json();
		assertThat(overrides.get("items").get(0).get("start").asString()).isEqualTo("2026-03-03T14:00:00Z");
		var overrideId = overrides.get("items").get(0).get("id").asString();
		assertThat(mvc.perform(post("/schedules/" + schedule + "/overrides/" + overrideId + "/delete").with(user(responder))
			.with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(302);
		assertThat(mvc.perform(post("/schedules/" + schedule + "/layers/" + layerId + "/delete").with(user(responder))
			.with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(302);
		assertThat(mvc.perform(post("/schedules/" + schedule + "/delete").with(user(responder)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl()).isEqualTo("/oncall");

		assertThat(jdbc.sql("select action from identity_audit where target_id = :id order by seq").param("id", schedule)
			.query(String.class).list()).containsExactly("schedule.created", "schedule.layer_added",
					"schedule.layer_updated", "schedule.override_added", "schedule.override_removed",
					"schedule.layer_removed", "schedule.deleted");
	}

	@Test
	void aRefusedFormIsShownAgainWithItsMessageAndChangesNothing() throws Exception {
		var schedule = schedule(unique("Refusals"), "UTC");
		var before = rows();

		var badZone = mvc.perform(post("/schedules").with(user(responder)).with(csrf()).param("name", unique("Zone"))
			.param("timeZone", "Atlantis/Capital")).andReturn().getResponse();
		var noPeople = mvc.perform(post("/schedules/" + schedule + "/layers").with(user(responder)).with(csrf())
			.param("name", "Nobody").param("participants", "", "").param("shiftCount", "1").param("shiftUnit", "weeks")
			.param("start", "2026-03-02T09:00")).andReturn().getResponse();
		var backwards = mvc.perform(post("/schedules/" + schedule + "/overrides").with(user(responder)).with(csrf())
			.param("accountId", bob.id().toString()).param("start", "2026-03-03T10:00").param("end", "2026-03-03T09:00"))
			.andReturn().getResponse();

		assertThat(badZone.getStatus()).isEqualTo(422);
		assertThat(text(badZone)).contains("&#39;Atlantis/Capital&#39; is not a time zone").contains("value=\"Atlantis/Capital\"");
		assertThat(noPeople.getStatus()).isEqualTo(422);
		assertThat(text(noPeople)).contains("participants is required").contains("value=\"Nobody\"");
		assertThat(backwards.getStatus()).isEqualTo(422);
		assertThat(text(backwards)).contains("end must be after start").contains("value=\"2026-03-03T10:00\"");
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void viewersReadButCannotChangeAndMissingThingsArePages() throws Exception {
		var schedule = schedule(unique("Viewer"), "UTC");
		var viewer = signedIn(person("viewer").email());
		var before = rows();

		var page = page(get("/schedules/" + schedule).with(user(viewer)));
		assertThat(page).doesNotContain("Add an override").doesNotContain("Add a rotation");
		for (var path : new String[] { "/schedules", "/schedules/" + schedule, "/schedules/" + schedule + "/delete",
				"/schedules/" + schedule + "/layers", "/schedules/" + schedule + "/overrides",
				"/schedules/" + schedule + "/calendar-url/rotate", "/oncall/calendar-url/rotate" }) {
			assertThat(mvc.perform(post(path).with(user(viewer)).with(csrf()).param("name", "x")).andReturn().getResponse()
				.getStatus()).as(path).isEqualTo(403);
		}
		assertThat(rows()).isEqualTo(before);

		for (var id : new String[] { UUID.randomUUID().toString(), "nonsense" }) {
			var missing = mvc.perform(get("/schedules/" + id).with(user(viewer))).andReturn().getResponse();
			assertThat(missing.getStatus()).isEqualTo(404);
			assertThat(text(missing)).contains("<h1>Schedule not found</h1>");
		}
		var badWeek = mvc.perform(get("/schedules/" + schedule).param("week", "soon").with(user(viewer))).andReturn()
			.getResponse();
		assertThat(badWeek.getStatus()).isEqualTo(400);
		assertThat(text(badWeek)).contains("is not a date like 2026-03-02").doesNotContain("Exception");
	}

	// ---- helpers ----

	private long rows() {
		return jdbc.sql("""
				select (select count(*) from oncall_schedule) + (select count(*) from oncall_layer)
				     + (select count(*) from oncall_override) + (select count(*) from identity_audit)""")
			.query(Long.class).single();
	}

	private String schedule(String name, String zone) {
		return api.post("/api/v1/schedules", admin, "{\"name\": \"%s\", \"time_zone\": \"%s\"}".formatted(name, zone))
			.expectStatus(201).json().get("id").asString();
	}

	private void layer(String schedule, String start, Person... people) {
		var ids = String.join(", ", java.util.Arrays.stream(people).map(p -> "\"" + p.id() + "\"").toList());
		api.post("/api/v1/schedules/" + schedule + "/layers", admin, """
				{"name": "Daily", "participants": [%s], "shift_count": 1, "shift_unit": "days", "start": "%s"}"""
			.formatted(ids, start)).expectStatus(201);
	}

	private String displayName(Person person) {
		return api.get("/api/v1/accounts/" + person.id(), admin).json().get("display_name").asString();
	}

	private FirebreakUser signedIn(String email) {
		return (FirebreakUser) users.loadUserByUsername(email);
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		var response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as("status of %s", response.getContentAsString()).isEqualTo(200);
		return text(response);
	}

	private static String text(MockHttpServletResponse response) throws Exception {
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}
}
