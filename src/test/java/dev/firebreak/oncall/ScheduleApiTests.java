package dev.firebreak.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.firebreak.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * The schedules API: schedules, layers and overrides, who is on call, shifts with gaps, lint,
 * refusals that change nothing, roles and the audit trail.
 */
class ScheduleApiTests extends ApiTest {

	private static final List<String> TABLES = List.of("oncall_schedule", "oncall_layer", "oncall_layer_participant",
			"oncall_layer_restriction", "oncall_override", "identity_audit");

	private String admin;

	private Person alice;

	private Person bob;

	private Person carol;

	@BeforeEach
	void threeResponders() {
		admin = adminToken();
		alice = person("responder");
		bob = person("responder");
		carol = person("responder");
	}

	@Test
	void aWeeklyRotationInBerlinAnswersWhoIsOnCallWithTheWholeShift() {
		var schedule = createSchedule("Europe/Berlin");
		var layer = api.post(layers(schedule), alice.token(), """
				{"name": "Primary", "participants": ["%s", "%s", "%s"], "shift_count": 1, "shift_unit": "weeks",
				 "start": "2026-03-02T09:00"}""".formatted(alice.id(), bob.id(), carol.id())).expectStatus(201).json();

		assertThat(layer.get("position").asInt()).isEqualTo(1);
		assertThat(layer.get("start").asString()).isEqualTo("2026-03-02T09:00");
		var details = api.get("/api/v1/schedules/" + schedule, admin).expectStatus(200).json();
		assertThat(details.get("time_zone").asString()).isEqualTo("Europe/Berlin");
		assertThat(details.get("layers").get(0).get("participants").values()).extracting(JsonNode::asString)
			.containsExactly(alice.id().toString(), bob.id().toString(), carol.id().toString());

		var now = api.get("/api/v1/schedules/" + schedule + "/oncall?at=2026-03-10T12:00:00Z", bob.token())
			.expectStatus(200).json();
		assertThat(now.get("items").values()).singleElement().satisfies(shift -> {
			assertThat(shift.get("account_id").asString()).isEqualTo(bob.id().toString());
			assertThat(shift.get("start").asString()).isEqualTo("2026-03-09T08:00:00Z");
			assertThat(shift.get("end").asString()).isEqualTo("2026-03-16T08:00:00Z");
			assertThat(shift.get("layer").asString()).isEqualTo("Primary");
		});
		// after the spring change in Berlin the hand-off is still at 09:00 local, 07:00 UTC
		var april = api.get("/api/v1/schedules/" + schedule + "/oncall?at=2026-03-31T12:00:00Z", bob.token()).json();
		assertThat(april.get("items").get(0).get("start").asString()).isEqualTo("2026-03-30T07:00:00Z");
		assertThat(api.get("/api/v1/schedules/" + schedule + "/oncall?at=2026-03-01T12:00:00Z", bob.token()).json()
			.get("items").values()).isEmpty();
	}

	@Test
	void overridesCoverOnePersonOrTheWholeRangeAndCanBeRemoved() {
		var schedule = createSchedule("UTC");
		dailyLayer(schedule, "2026-03-02T09:00", alice, bob);
		// Carol covers Bob from Monday noon to Wednesday noon: only Bob's Tuesday shift becomes hers
		var cover = api.post(overrides(schedule), alice.token(), """
				{"account_id": "%s", "replaced_account_id": "%s", "start": "2026-03-02T12:00:00Z", "end": "2026-03-04T12:00:00Z"}"""
			.formatted(carol.id(), bob.id())).expectStatus(201).json();

		assertThat(onCall(schedule, "2026-03-02T15:00:00Z")).containsExactly(alice.id().toString());
		assertThat(onCall(schedule, "2026-03-03T15:00:00Z")).containsExactly(carol.id().toString());
		assertThat(onCall(schedule, "2026-03-04T15:00:00Z")).containsExactly(alice.id().toString());

		var whole = api.post(overrides(schedule), alice.token(), """
				{"account_id": "%s", "start": "2026-03-04T10:00:00Z", "end": "2026-03-04T11:00:00Z"}"""
			.formatted(bob.id())).expectStatus(201).json();
		assertThat(onCall(schedule, "2026-03-04T10:30:00Z")).containsExactly(bob.id().toString());

		var listed = api.get(overrides(schedule) + "?from=2026-03-01T00:00:00Z", bob.token()).expectStatus(200).json();
		assertThat(listed.get("total").asInt()).isEqualTo(2);
		assertThat(listed.get("items").get(0).get("replaced_account_id").asString()).isEqualTo(bob.id().toString());

		api.delete(overrides(schedule) + "/" + cover.get("id").asString(), alice.token()).expectStatus(204);
		api.delete(overrides(schedule) + "/" + whole.get("id").asString(), alice.token()).expectStatus(204);
		assertThat(onCall(schedule, "2026-03-03T15:00:00Z")).containsExactly(bob.id().toString());
		api.delete(overrides(schedule) + "/" + whole.get("id").asString(), alice.token()).problem(404);
	}

	@Test
	void shiftsOfARangeComeWithTheirGapsAndALongRangeIsRefused() {
		var schedule = createSchedule("UTC");
		api.post(layers(schedule), alice.token(), """
				{"name": "Office", "participants": ["%s", "%s"], "shift_count": 1, "shift_unit": "days",
				 "start": "2026-03-02T00:00",
				 "restrictions": [{"type": "time_of_day", "start_time": "09:00", "end_time": "17:00"}]}"""
			.formatted(alice.id(), bob.id())).expectStatus(201);

		var answer = api.get(shifts(schedule, "2026-03-02T00:00:00Z", "2026-03-04T00:00:00Z"), bob.token())
			.expectStatus(200).json();

		assertThat(answer.get("items").values()).extracting(s -> s.get("account_id").asString() + " "
				+ s.get("start").asString() + " " + s.get("end").asString())
			.containsExactly(alice.id() + " 2026-03-02T09:00:00Z 2026-03-02T17:00:00Z",
					bob.id() + " 2026-03-03T09:00:00Z 2026-03-03T17:00:00Z");
		assertThat(answer.get("gaps").values()).extracting(g -> g.get("start").asString() + " " + g.get("end").asString())
			.containsExactly("2026-03-02T00:00:00Z 2026-03-02T09:00:00Z", "2026-03-02T17:00:00Z 2026-03-03T09:00:00Z",
					"2026-03-03T17:00:00Z 2026-03-04T00:00:00Z");

		var tooLong = api.get(shifts(schedule, "2026-03-01T00:00:00Z", "2026-06-30T00:00:00Z"), bob.token()).problem(400);
		assertThat(tooLong.get("detail").asString()).contains("at most 90 days");
		assertThat(tooLong.get("errors").get(0).get("pointer").asString()).isEqualTo("/to");
		assertThat(api.get(shifts(schedule, "2026-03-04T00:00:00Z", "2026-03-02T00:00:00Z"), bob.token()).problem(400)
			.get("detail").asString()).contains("to must be after from");
		assertThat(api.get(shifts(schedule, "yesterday", "2026-03-02T00:00:00Z"), bob.token()).problem(400)
			.get("errors").get(0).get("pointer").asString()).isEqualTo("/from");
	}

	@Test
	void everyoneOnCallOnEverySchedule() {
		var first = createSchedule("UTC");
		dailyLayer(first, "2026-03-02T09:00", alice, bob);
		var second = createSchedule("America/New_York");
		dailyLayer(second, "2026-03-02T09:00", carol);
		var empty = createSchedule("UTC");

		var answer = api.get("/api/v1/oncall?at=2026-03-03T12:00:00Z", carol.token()).expectStatus(200).json();

		assertThat(answer.get("at").asString()).isEqualTo("2026-03-03T12:00:00Z");
		assertThat(answer.get("items").values()).filteredOn(e -> e.get("schedule_id").asString().equals(first))
			.singleElement().satisfies(e -> {
				assertThat(e.get("account_id").asString()).isEqualTo(bob.id().toString());
				assertThat(e.get("start").asString()).isEqualTo("2026-03-03T09:00:00Z");
			});
		assertThat(answer.get("items").values()).filteredOn(e -> e.get("schedule_id").asString().equals(second))
			.singleElement().satisfies(e -> assertThat(e.get("account_id").asString()).isEqualTo(carol.id().toString()));
		assertThat(answer.get("uncovered").values()).extracting(u -> u.get("schedule_id").asString()).contains(empty)
			.doesNotContain(first, second);
	}

	@Test
	void lintFindsTwoWeeksRunningAndASmallRotationInPlainWords() {
		var schedule = createSchedule("UTC");
		var monday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		api.post(layers(schedule), alice.token(), """
				{"name": "Tiny", "participants": ["%s", "%s", "%s"], "shift_count": 1, "shift_unit": "weeks",
				 "start": "%sT09:00"}""".formatted(alice.id(), alice.id(), bob.id(), monday)).expectStatus(201);

		var findings = api.get("/api/v1/schedules/" + schedule + "/lint", bob.token()).expectStatus(200).json();

		var kinds = findings.get("items").values().stream().map(f -> f.get("kind").asString()).toList();
		assertThat(kinds).startsWith("small_rotation").contains("consecutive_weeks");
		assertThat(findings.get("items").get(0).get("message").asString())
			.isEqualTo("The rotation Tiny has 2 people; a rotation of fewer than 5 puts each of them on call too often "
					+ "to rest. Add people to it.");
		var twice = findings.get("items").get(1);
		assertThat(twice.get("account_id").asString()).isEqualTo(alice.id().toString());
		assertThat(twice.get("message").asString()).contains("is on call 2 weeks in a row, the weeks starting Monday");
	}

	@Test
	void layersAreReorderedEditedAndRemovedAndTheTopOneWins() {
		var schedule = createSchedule("UTC");
		var base = dailyLayer(schedule, "2026-03-02T00:00", alice);
		var top = dailyLayer(schedule, "2026-03-02T00:00", bob);
		assertThat(top.get("position").asInt()).isEqualTo(2);
		assertThat(onCall(schedule, "2026-03-03T12:00:00Z")).containsExactly(bob.id().toString());

		var moved = api.put(layers(schedule) + "/" + base.get("id").asString(), alice.token(), """
				{"name": "Base now on top", "participants": ["%s", "%s"], "shift_count": 12, "shift_unit": "hours",
				 "start": "2026-03-02T00:00", "position": 2}""".formatted(alice.id(), carol.id())).expectStatus(200).json();

		assertThat(moved.get("position").asInt()).isEqualTo(2);
		var details = api.get("/api/v1/schedules/" + schedule, alice.token()).json();
		assertThat(details.get("layers").values()).extracting(l -> l.get("name").asString() + "@" + l.get("position").asInt())
			.containsExactly("Daily@1", "Base now on top@2");
		assertThat(onCall(schedule, "2026-03-03T12:00:00Z")).containsExactly(carol.id().toString());

		api.delete(layers(schedule) + "/" + base.get("id").asString(), alice.token()).expectStatus(204);
		assertThat(api.get("/api/v1/schedules/" + schedule, alice.token()).json().get("layers").values())
			.extracting(l -> l.get("position").asInt()).containsExactly(1);
		assertThat(onCall(schedule, "2026-03-03T12:00:00Z")).containsExactly(bob.id().toString());
		api.delete(layers(schedule) + "/" + base.get("id").asString(), alice.token()).problem(404);
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndChangesNothing() {
		var schedule = createSchedule("UTC");
		var layer = dailyLayer(schedule, "2026-03-02T09:00", alice);
		var before = counts();
		var layerPath = layers(schedule) + "/" + layer.get("id").asString();
		var valid = Map.of("name", "\"Primary\"", "participants", "[\"%s\"]".formatted(bob.id()), "shift_count", "1",
				"shift_unit", "\"days\"", "start", "\"2026-03-02T09:00\"");

		expectInvalid(api.post("/api/v1/schedules", admin, "{\"name\": \"%s\", \"time_zone\": \"Mars/Olympus\"}"
			.formatted(unique())), "/time_zone", "not a time zone");
		expectInvalid(api.post("/api/v1/schedules", admin, "{\"name\": \"%s\", \"time_zone\": \"+02:00\"}"
			.formatted(unique())), "/time_zone", "is an offset, not a time zone");
		expectInvalid(api.post("/api/v1/schedules", admin, "{\"name\": \"%s\"}".formatted(unique())), "/time_zone",
				"time_zone is required");
		expectInvalid(api.post("/api/v1/schedules", admin, "{\"name\": \" \", \"time_zone\": \"UTC\"}"), "/name",
				"name is required");
		expectInvalid(api.post("/api/v1/schedules", admin, "{\"name\": \"%s\", \"time_zone\": \"UTC\", \"team_id\": \"%s\"}"
			.formatted(unique(), UUID.randomUUID())), "/team_id", "There is no team");
		expectInvalid(api.put("/api/v1/schedules/" + schedule, admin, "{\"name\": \"x\", \"time_zone\": \"Berlin\"}"),
				"/time_zone", "not a time zone");
		for (var path : List.of(layers(schedule), layerPath)) {
			var method = path.equals(layerPath) ? "PUT" : "POST";
			expectInvalid(layerCall(method, path, valid, "participants", "[]"), "/participants", "participants is required");
			expectInvalid(layerCall(method, path, valid, "participants", "[\"%s\", \"%s\"]".formatted(bob.id(), UUID.randomUUID())),
					"/participants/1", "There is no account");
			expectInvalid(layerCall(method, path, valid, "shift_count", "0"), "/shift_count", "between 1 and");
			expectInvalid(layerCall(method, path, valid, "shift_unit", "\"fortnights\""), "/shift_unit", "hours, days or weeks");
			expectInvalid(layerCall(method, path, valid, "start", "\"2026-03-02T09:00:00Z\""), "/start", "without an offset");
			expectInvalid(layerCall(method, path, valid, "end", "\"2026-03-01T09:00\""), "/end", "end must be after start");
			expectInvalid(layerCall(method, path, valid, "restrictions",
					"[{\"type\": \"day_of_week\", \"start_day\": \"moonday\", \"start_time\": \"09:00\", \"end_day\": \"friday\", \"end_time\": \"17:00\"}]"),
					"/restrictions/0/start_day", "must be a day of the week");
			expectInvalid(layerCall(method, path, valid, "restrictions",
					"[{\"type\": \"time_of_day\", \"start_time\": \"9am\", \"end_time\": \"17:00\"}]"),
					"/restrictions/0/start_time", "like 09:00");
		}
		expectInvalid(api.post(overrides(schedule), admin, """
				{"account_id": "%s", "start": "2026-03-03T00:00:00Z", "end": "2026-03-02T00:00:00Z"}""".formatted(bob.id())),
				"/end", "end must be after start");
		expectInvalid(api.post(overrides(schedule), admin, """
				{"account_id": "%s", "start": "2026-03-02T00:00:00Z", "end": "2026-03-03T00:00:00Z"}""".formatted(UUID.randomUUID())),
				"/account_id", "There is no account");
		assertThat(api.post(layers(schedule), admin, "{\"name\": \"x\", \"colour\": \"red\"}").problem(400).toString())
			.contains("colour");
		api.post(layers(UUID.randomUUID().toString()), admin, body(valid, "name", "\"Lost\"")).problem(404);

		assertThat(counts()).isEqualTo(before);
		assertThat(api.get("/api/v1/schedules/" + schedule, admin).json().get("layers").get(0).get("participants").get(0)
			.asString()).isEqualTo(alice.id().toString());
	}

	@Test
	void viewersReadSchedulesButMayNotChangeThem() {
		var schedule = createSchedule("UTC");
		var layer = dailyLayer(schedule, "2026-03-02T09:00", alice);
		var override = api.post(overrides(schedule), admin, """
				{"account_id": "%s", "start": "2026-03-02T00:00:00Z", "end": "2026-03-03T00:00:00Z"}""".formatted(bob.id()))
			.expectStatus(201).json().get("id").asString();
		var viewer = person("viewer");
		var before = counts();
		var layerBody = body(Map.of("name", "\"V\"", "participants", "[\"%s\"]".formatted(viewer.id()), "shift_count", "1",
				"shift_unit", "\"days\"", "start", "\"2026-03-02T09:00\""));

		Stream.of(api.post("/api/v1/schedules", viewer.token(), "{\"name\": \"%s\", \"time_zone\": \"UTC\"}".formatted(unique())),
				api.put("/api/v1/schedules/" + schedule, viewer.token(), "{\"name\": \"%s\", \"time_zone\": \"UTC\"}".formatted(unique())),
				api.delete("/api/v1/schedules/" + schedule, viewer.token()),
				api.post(layers(schedule), viewer.token(), layerBody),
				api.put(layers(schedule) + "/" + layer.get("id").asString(), viewer.token(), layerBody),
				api.delete(layers(schedule) + "/" + layer.get("id").asString(), viewer.token()),
				api.post(overrides(schedule), viewer.token(), """
						{"account_id": "%s", "start": "2026-03-02T00:00:00Z", "end": "2026-03-03T00:00:00Z"}""".formatted(viewer.id())),
				api.delete(overrides(schedule) + "/" + override, viewer.token()),
				api.post("/api/v1/schedules/" + schedule + "/calendar-url/rotate", viewer.token(), null))
			.forEach(response -> response.problem(403));

		assertThat(counts()).isEqualTo(before);
		api.get("/api/v1/schedules", viewer.token()).expectStatus(200);
		api.get("/api/v1/schedules/" + schedule, viewer.token()).expectStatus(200);
		api.get(shifts(schedule, "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z"), viewer.token()).expectStatus(200);
		api.get("/api/v1/schedules/" + schedule + "/lint", viewer.token()).expectStatus(200);
		api.get("/api/v1/schedules", null).problem(401);
	}

	@Test
	void everyChangeIsAudited() {
		var schedule = createSchedule("UTC");
		api.put("/api/v1/schedules/" + schedule, alice.token(), "{\"name\": \"%s\", \"time_zone\": \"Europe/Paris\"}"
			.formatted(unique())).expectStatus(200);
		var layer = dailyLayer(schedule, "2026-03-02T09:00", alice);
		api.put(layers(schedule) + "/" + layer.get("id").asString(), alice.token(), body(Map.of("name", "\"Renamed\"",
				"participants", "[\"%s\"]".formatted(bob.id()), "shift_count", "2", "shift_unit", "\"days\"", "start",
				"\"2026-03-02T09:00\""))).expectStatus(200);
		var override = api.post(overrides(schedule), alice.token(), """
				{"account_id": "%s", "start": "2026-03-02T00:00:00Z", "end": "2026-03-03T00:00:00Z"}""".formatted(carol.id()))
			.expectStatus(201).json().get("id").asString();
		api.delete(overrides(schedule) + "/" + override, alice.token()).expectStatus(204);
		api.delete(layers(schedule) + "/" + layer.get("id").asString(), alice.token()).expectStatus(204);
		api.delete("/api/v1/schedules/" + schedule, alice.token()).expectStatus(204);

		var actions = jdbc.sql("select action, actor from identity_audit where target_id = :id order by seq")
			.param("id", schedule).query((rs, n) -> rs.getString("action") + " by " + rs.getString("actor")).list();
		assertThat(actions).containsExactly("schedule.created by " + ADMIN_EMAIL, "schedule.updated by " + alice.email(),
				"schedule.layer_added by " + alice.email(), "schedule.layer_updated by " + alice.email(),
				"schedule.override_added by " + alice.email(), "schedule.override_removed by " + alice.email(),
				"schedule.layer_removed by " + alice.email(), "schedule.deleted by " + alice.email());
		api.get("/api/v1/schedules/" + schedule, admin).problem(404);
		assertThat(jdbc.sql("select count(*) from oncall_layer where schedule_id = :id").param("id", UUID.fromString(schedule))
			.query(Long.class).single()).isZero();
	}

	@Test
	void aScheduleNameIsTakenOnce() {
		var name = unique();
		api.post("/api/v1/schedules", admin, "{\"name\": \"%s\", \"time_zone\": \"UTC\"}".formatted(name)).expectStatus(201);
		assertThat(api.post("/api/v1/schedules", admin, "{\"name\": \"%s\", \"time_zone\": \"UTC\"}"
			.formatted(name.toUpperCase())).problem(409).get("detail").asString()).contains("already a schedule named");
	}

	// ---- helpers ----

	private String createSchedule(String zone) {
		return api.post("/api/v1/schedules", admin, "{\"name\": \"%s\", \"description\": \"Test schedule\", \"time_zone\": \"%s\"}"
			.formatted(unique(), zone)).expectStatus(201).json().get("id").asString();
	}

	private JsonNode dailyLayer(String schedule, String start, Person... people) {
		var ids = Stream.of(people).map(p -> "\"" + p.id() + "\"").toList();
		return api.post(layers(schedule), alice.token(), """
				{"name": "Daily", "participants": [%s], "shift_count": 1, "shift_unit": "days", "start": "%s"}"""
			.formatted(String.join(", ", ids), start)).expectStatus(201).json();
	}

	private List<String> onCall(String schedule, String at) {
		return api.get("/api/v1/schedules/" + schedule + "/oncall?at=" + at, alice.token()).expectStatus(200).json()
			.get("items").values().stream().map(s -> s.get("account_id").asString()).toList();
	}

	private dev.firebreak.Api.Response layerCall(String method, String path, Map<String, String> valid, String field,
			String value) {
		var body = body(valid, field, value);
		return method.equals("PUT") ? api.put(path, admin, body) : api.post(path, admin, body);
	}

	private static String body(Map<String, String> fields, String field, String value) {
		var copy = new java.util.LinkedHashMap<>(fields);
		copy.put(field, value);
		return body(copy);
	}

	private static String body(Map<String, String> fields) {
		return "{" + String.join(", ", fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue()).toList())
				+ "}";
	}

	private static void expectInvalid(dev.firebreak.Api.Response response, String pointer, String words) {
		var problem = response.problem(400);
		assertThat(problem.get("detail").asString()).contains(words);
		assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo(pointer);
	}

	private Map<String, Long> counts() {
		var counts = new java.util.TreeMap<String, Long>();
		TABLES.forEach(table -> counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single()));
		return counts;
	}

	private static String layers(String schedule) {
		return "/api/v1/schedules/" + schedule + "/layers";
	}

	private static String overrides(String schedule) {
		return "/api/v1/schedules/" + schedule + "/overrides";
	}

	private static String shifts(String schedule, String from, String to) {
		return "/api/v1/schedules/" + schedule + "/shifts?from=" + from + "&to=" + to;
	}

	private static String unique() {
		return "Schedule " + UUID.randomUUID().toString().substring(0, 8);
	}
}
