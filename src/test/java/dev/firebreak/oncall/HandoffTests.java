package dev.firebreak.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.firebreak.ApiTest;
import dev.firebreak.FakeProviders;
import dev.firebreak.notification.TestMail;
import tools.jackson.databind.JsonNode;

/**
 * Shift hand-offs: the person taking over is told, once and at the lead time, the open incidents
 * (never a private one) and the note the outgoing person left during their shift; a schedule's
 * announce channel hears each change of who is on call and each gap. Notes and channels are
 * checked, authorised and audited.
 *
 * <p>The hand-off check runs on every schedule in the shared database, so each test looks only at
 * its own people and channels, and places its shifts relative to the shared clock's time.
 */
class HandoffTests extends ApiTest {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private String admin;

	private Person alice;

	private Person bob;

	@BeforeEach
	void twoResponders() {
		admin = adminToken();
		alice = person("responder");
		bob = person("responder");
	}

	@Test
	void thePersonTakingOverIsToldOnceAtTheLeadTimeWithOpenIncidentsAndTheOutgoingNote() {
		var zone = ZoneId.of("Europe/Berlin");
		var name = unique();
		var schedule = schedule(name, zone.getId());
		// Alice from a0 for two hours, then Bob
		var a0 = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(30));
		var handoff = a0.plus(Duration.ofHours(2));
		layer(schedule, "hours", 2, local(a0, zone), null, alice, bob);
		note(schedule, alice, "Written before my shift: ignore").expectStatus(201);

		timePasses(Duration.between(clock.instant(), a0.plus(Duration.ofMinutes(1))));
		note(schedule, alice, "db-3's disk is at 80%; the cleanup job runs at 02:00.").expectStatus(201);
		note(schedule, bob, "Bob's own thoughts").expectStatus(201);
		var open = declare(bob, "Checkout is slow " + UUID.randomUUID(), "SEV2", false);
		var secret = declare(bob, "Credential leak " + UUID.randomUUID(), "SEV1", true);
		var over = declare(bob, "Over already " + UUID.randomUUID(), "SEV3", false);
		api.resolve(over.id(), bob.token()).expectStatus(200);

		timePasses(Duration.between(clock.instant(), handoff.minus(Duration.ofMinutes(62))));
		assertThat(handoffRows(bob, schedule)).as("not told before the lead time").isEmpty();

		timePasses(Duration.ofMinutes(2));
		var rows = handoffRows(bob, schedule);
		assertThat(rows).singleElement().satisfies(row -> {
			assertThat(row.get("key").asString())
				.isEqualTo("notice:handoff:" + schedule + ":" + bob.id() + ":" + handoff.getEpochSecond() + "/" + bob.id());
			assertThat(row.get("contact_type").asString()).isEqualTo("email");
			assertThat(row.get("status").asString()).isIn("sent", "delivered");
		});
		var mails = mailsAbout(bob, name);
		assertThat(mails).hasSize(1);
		var berlin = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH).format(handoff.atZone(zone));
		var utc = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH).format(handoff.atZone(ZoneId.of("UTC")));
		assertThat(TestMail.subject(mails.get(0))).isEqualTo("You are on call on " + name + " from " + berlin + " Europe/Berlin");
		assertThat(TestMail.text(mails.get(0)))
			.contains("You are on call on " + name)
			.contains("From:  " + berlin + " Europe/Berlin (" + utc + " UTC)")
			.contains("Until: " + DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH)
				.format(handoff.plus(Duration.ofHours(2)).atZone(zone)))
			.contains(open.id() + " [SEV2] " + open.title())
			.doesNotContain(secret.title()).doesNotContain(secret.id() + " ")
			.doesNotContain(over.title())
			.contains("Hand-off note from " + displayName(alice))
			.contains("db-3's disk is at 80%; the cleanup job runs at 02:00.")
			.doesNotContain("Written before my shift").doesNotContain("Bob's own thoughts")
			.contains("http://localhost:8080/schedules/" + schedule);

		timePasses(Duration.ofMinutes(1));
		timePasses(Duration.ofMinutes(30));
		assertThat(handoffRows(bob, schedule)).as("told once, however often the check runs").hasSize(1);
		assertThat(mailsAbout(bob, name)).hasSize(1);
	}

	@Test
	void withoutANoteThePersonIsToldThereIsNone() {
		var name = unique();
		var schedule = schedule(name, "UTC");
		var a0 = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(5));
		layer(schedule, "hours", 1, local(a0, ZoneId.of("UTC")), null, alice, bob);

		timePasses(Duration.ofMinutes(1));
		timePasses(Duration.between(clock.instant(), a0.plus(Duration.ofMinutes(1))));

		var mails = mailsAbout(bob, name);
		assertThat(mails).singleElement()
			.satisfies(mail -> assertThat(TestMail.text(mail)).contains("No hand-off note from " + displayName(alice) + "."));
		// Alice's shift followed a gap: she was told too, and that nobody hands over to her
		assertThat(mailsAbout(alice, name)).singleElement()
			.satisfies(mail -> assertThat(TestMail.text(mail)).contains("Nobody is on call just before you"));
	}

	@Test
	void aShiftThatContinuesTheSamePersonIsNoHandoff() {
		var carol = person("responder");
		var name = unique();
		var schedule = schedule(name, "UTC");
		var zone = ZoneId.of("UTC");
		// hourly shifts, all Carol's, begun an hour ago: one long shift, never handed over
		layer(schedule, "hours", 1, local(clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(1)), zone),
				null, carol);

		for (int i = 0; i < 4; i++) {
			timePasses(Duration.ofMinutes(30));
		}

		assertThat(handoffRows(carol, schedule)).isEmpty();
		assertThat(mailsAbout(carol, name)).isEmpty();
	}

	@Test
	void theAnnounceChannelHearsEachChangeOfWhoIsOnCallAndTheGapOnce() {
		var hook = "oncall-" + UUID.randomUUID();
		var channel = channel(hook);
		var name = unique();
		var schedule = schedule(name, "UTC");
		var zone = ZoneId.of("UTC");
		var a0 = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(5));
		layer(schedule, "hours", 1, local(a0, zone), local(a0.plus(Duration.ofHours(2)), zone), alice, bob);
		var set = api.put(announce(schedule), alice.token(), "{\"channel_id\": \"%s\"}".formatted(channel))
			.expectStatus(200).json();
		assertThat(set.get("channel_id").asString()).isEqualTo(channel.toString());
		assertThat(set.get("name").asString()).isEqualTo(hook);
		assertThat(set.get("type").asString()).isEqualTo("webhook");

		timePasses(Duration.between(clock.instant(), a0.plusSeconds(30)));
		assertThat(titles(hook)).containsExactly(displayName(alice) + " is on call on " + name);

		timePasses(Duration.ofHours(1));
		timePasses(Duration.ofHours(1));
		timePasses(Duration.ofMinutes(1));
		timePasses(Duration.ofMinutes(1));

		var gapAt = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH)
			.format(a0.plus(Duration.ofHours(2)).atZone(zone));
		assertThat(titles(hook)).containsExactly(displayName(alice) + " is on call on " + name,
				displayName(bob) + " is on call on " + name, "Nobody is on call on " + name + " from " + gapAt + " UTC");
		var bodies = FakeProviders.postsTo(hook).stream().map(post -> json.readTree(post.body())).toList();
		assertThat(bodies.get(1).get("text").asString()).contains(displayName(bob) + " is on call on " + name + " from ")
			.contains(" until " + gapAt + " UTC");
		assertThat(bodies.get(2).get("text").asString()).contains("with no one coming up")
			.contains(displayName(bob) + "'s shift ended");
		assertThat(bodies).allSatisfy(body -> assertThat(body.get("link").asString())
			.isEqualTo("http://localhost:8080/schedules/" + schedule));
	}

	@Test
	void notesAreListedNewestFirstAndPaged() {
		var schedule = schedule(unique(), "UTC");
		for (var text : List.of("first", "second", "third")) {
			var created = note(schedule, alice, text).expectStatus(201);
			assertThat(created.location()).isEqualTo("/api/v1/schedules/" + schedule + "/handoff-notes/"
					+ created.json().get("id").asString());
			assertThat(created.json().get("author_id").asString()).isEqualTo(alice.id().toString());
		}
		var viewer = person("viewer");

		var first = api.get(notes(schedule) + "?size=2", viewer.token()).expectStatus(200).json();
		var second = api.get(notes(schedule) + "?page=1&size=2", viewer.token()).expectStatus(200).json();

		assertThat(first.get("total").asInt()).isEqualTo(3);
		assertThat(first.get("items").values()).extracting(n -> n.get("text").asString()).containsExactly("third", "second");
		assertThat(second.get("items").values()).extracting(n -> n.get("text").asString()).containsExactly("first");
		var one = first.get("items").get(0);
		assertThat(api.get(notes(schedule) + "/" + one.get("id").asString(), viewer.token()).expectStatus(200).json()
			.get("text").asString()).isEqualTo("third");
		api.get(notes(UUID.randomUUID().toString()), viewer.token()).problem(404);
		api.get(notes(schedule) + "/" + UUID.randomUUID(), viewer.token()).problem(404);
	}

	@Test
	void badNotesAndChannelsAreRefusedNamingTheFieldAndChangeNothing() {
		var schedule = schedule(unique(), "UTC");
		var channel = channel("refusals-" + UUID.randomUUID());
		api.put(announce(schedule), alice.token(), "{\"channel_id\": \"%s\"}".formatted(channel)).expectStatus(200);
		var before = counts(schedule);

		expectInvalid(note(schedule, alice, ""), "/text", "text is required");
		expectInvalid(note(schedule, alice, "   "), "/text", "text is required");
		expectInvalid(note(schedule, alice, "x".repeat(4001)), "/text", "the limit is 4000");
		expectInvalid(note(schedule, alice, "bell \u0007"), "/text", "control character");
		expectInvalid(api.post(notes(schedule), alice.token(), "{}"), "/text", "text is required");
		api.post(notes(schedule), alice.token(), "{\"text\": \"hi\", \"urgent\": true}").problem(400);
		api.post(notes(schedule), alice.token(), "[1, 2]").problem(400);
		api.post(notes(UUID.randomUUID().toString()), alice.token(), "{\"text\": \"hi\"}").problem(404);

		expectInvalid(api.put(announce(schedule), alice.token(), "{}"), "/channel_id", "channel_id is required");
		expectInvalid(api.put(announce(schedule), alice.token(), "{\"channel_id\": \"%s\"}".formatted(UUID.randomUUID())),
				"/channel_id", "There is no chat channel");
		expectInvalid(api.put(announce(schedule), alice.token(), "{\"channel_id\": \"general\"}"), "/channel_id", "");
		api.put(announce(schedule), alice.token(), "{\"channel_id\": \"%s\", \"mute\": true}".formatted(channel)).problem(400);
		api.put(announce(UUID.randomUUID().toString()), alice.token(), "{\"channel_id\": \"%s\"}".formatted(channel))
			.problem(404);

		assertThat(counts(schedule)).isEqualTo(before);
		assertThat(api.get(announce(schedule), alice.token()).expectStatus(200).json().get("channel_id").asString())
			.isEqualTo(channel.toString());
		note(schedule, alice, "y".repeat(4000)).expectStatus(201);
	}

	@Test
	void viewersReadButOnlyRespondersWriteAndEveryChangeIsAudited() {
		var schedule = schedule(unique(), "UTC");
		var channel = channel("audit-" + UUID.randomUUID());
		var viewer = person("viewer");

		note(schedule, viewer, "I am only watching").problem(403);
		api.put(announce(schedule), viewer.token(), "{\"channel_id\": \"%s\"}".formatted(channel)).problem(403);
		api.delete(announce(schedule), viewer.token()).problem(403);
		api.post(notes(schedule), null, "{\"text\": \"anonymous\"}").expectStatus(401);
		assertThat(api.get(notes(schedule), viewer.token()).expectStatus(200).json().get("total").asInt()).isZero();
		assertThat(api.get(announce(schedule), viewer.token()).expectStatus(200).json().get("channel_id").isNull()).isTrue();

		note(schedule, alice, "All quiet.").expectStatus(201);
		api.put(announce(schedule), alice.token(), "{\"channel_id\": \"%s\"}".formatted(channel)).expectStatus(200);
		assertThat(api.get(announce(schedule), viewer.token()).json().get("channel_id").asString())
			.isEqualTo(channel.toString());
		api.delete(announce(schedule), bob.token()).expectStatus(204);
		api.delete(announce(schedule), bob.token()).expectStatus(204);
		assertThat(api.get(announce(schedule), viewer.token()).json().get("channel_id").isNull()).isTrue();

		var actions = jdbc.sql("select action, actor from identity_audit where target_id = :id order by seq")
			.param("id", schedule).query((rs, n) -> rs.getString("action") + " by " + rs.getString("actor")).list();
		assertThat(actions).containsExactly("schedule.created by " + ADMIN_EMAIL,
				"schedule.handoff_note_added by " + alice.email(), "schedule.announce_channel_set by " + alice.email(),
				"schedule.announce_channel_cleared by " + bob.email());
	}

	// ---- helpers ----

	private record Declared(String id, String title) {
	}

	private Declared declare(Person by, String title, String severity, boolean isPrivate) {
		var id = api.post("/api/v1/incidents", by.token(), """
				{"title": "%s", "severity": "%s", "private": %s}""".formatted(title, severity, isPrivate))
			.expectStatus(201).json().get("id").asString();
		return new Declared(id, title);
	}

	private String schedule(String name, String zone) {
		return api.post("/api/v1/schedules", admin, "{\"name\": \"%s\", \"time_zone\": \"%s\"}".formatted(name, zone))
			.expectStatus(201).json().get("id").asString();
	}

	private void layer(String schedule, String unit, int count, String start, String end, Person... people) {
		var ids = String.join(", ", Stream.of(people).map(p -> "\"" + p.id() + "\"").toList());
		api.post("/api/v1/schedules/" + schedule + "/layers", admin, """
				{"name": "Primary", "participants": [%s], "shift_count": %d, "shift_unit": "%s", "start": "%s"%s}"""
			.formatted(ids, count, unit, start, end == null ? "" : ", \"end\": \"" + end + "\"")).expectStatus(201);
	}

	private UUID channel(String name) {
		return UUID.fromString(api.post("/api/v1/notification-channels", admin,
				"{\"name\": \"%s\", \"type\": \"webhook\", \"url\": \"%s\"}".formatted(name, FakeProviders.webhookUrl(name)))
			.expectStatus(201).json().get("id").asString());
	}

	private dev.firebreak.Api.Response note(String schedule, Person by, String text) {
		return api.post(notes(schedule), by.token(), json.writeValueAsString(java.util.Map.of("text", text)));
	}

	/** The hand-off notices this person was sent about this schedule. */
	private List<JsonNode> handoffRows(Person person, String schedule) {
		var rows = new ArrayList<JsonNode>();
		api.get("/api/v1/accounts/" + person.id() + "/notifications", admin).expectStatus(200).json().get("items").values()
			.forEach(row -> {
				if (row.get("key").asString().startsWith("notice:handoff:" + schedule + ":")) {
					rows.add(row);
				}
			});
		return rows;
	}

	private List<jakarta.mail.internet.MimeMessage> mailsAbout(Person person, String scheduleName) {
		return TestMail.to(person.email()).stream()
			.filter(mail -> TestMail.subject(mail).startsWith("You are on call on " + scheduleName + " ")).toList();
	}

	/** The titles posted to a webhook channel, in order. */
	private List<String> titles(String hook) {
		return FakeProviders.postsTo(hook).stream().map(post -> json.readTree(post.body()).get("title").asString()).toList();
	}

	private String displayName(Person person) {
		return api.get("/api/v1/accounts/" + person.id(), admin).json().get("display_name").asString();
	}

	private List<Long> counts(String schedule) {
		var id = UUID.fromString(schedule);
		return List.of(
				jdbc.sql("select count(*) from oncall_handoff_note where schedule_id = :id").param("id", id).query(Long.class).single(),
				jdbc.sql("select count(*) from oncall_schedule_channel where schedule_id = :id").param("id", id).query(Long.class).single(),
				jdbc.sql("select count(*) from identity_audit where target_id = :id").param("id", schedule).query(Long.class).single());
	}

	private static void expectInvalid(dev.firebreak.Api.Response response, String pointer, String words) {
		var problem = response.problem(400);
		assertThat(problem.get("detail").asString()).contains(words);
		assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo(pointer);
	}

	private static String local(Instant instant, ZoneId zone) {
		return LOCAL.format(LocalDateTime.ofInstant(instant, zone));
	}

	private static String notes(String schedule) {
		return "/api/v1/schedules/" + schedule + "/handoff-notes";
	}

	private static String announce(String schedule) {
		return "/api/v1/schedules/" + schedule + "/announce-channel";
	}

	private static String unique() {
		return "Handoff " + UUID.randomUUID().toString().substring(0, 8);
	}
}
