package dev.firebreak.escalation;

import static dev.firebreak.escalation.PagingWorld.level;
import static dev.firebreak.escalation.PagingWorld.who;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

import dev.firebreak.ApiTest;

/**
 * Escalation policies sent wrong: each is answered with a problem detail naming the field, and
 * changes nothing — neither a new policy (POST) nor the policy it was meant to rewrite (PUT).
 */
class EscalationPolicyBadInputTests extends ApiTest {

	private static final String POLICIES = "/api/v1/escalation-policies";

	private String admin;

	private PagingWorld world;

	private Person ivy;

	/** A policy the bad PUTs aim at; it must read the same afterwards. */
	private JsonNode existing;

	@BeforeEach
	void aPolicy() {
		admin = adminToken();
		world = new PagingWorld(api, admin);
		ivy = person("responder");
		existing = api.post(POLICIES, admin, """
				{"name": "%s", "levels": [%s], "service_ids": ["%s"]}""".formatted(unique("Existing"),
				level(ofMinutes(5), who(ivy)), world.service("existing"))).expectStatus(201).json();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"name\": null,", "\"name\": \"   \",", "" })
	void aPolicyNeedsAName(String name) {
		refused("{%s \"levels\": [%s]}".formatted(name, personLevel()), 400, "/name");
	}

	@Test
	void aNameLongerThanTwoHundredCharactersIsRefused() {
		var problem = refused(body(unique("n".repeat(192))), 400, "/name");

		assertThat(problem.get("detail").asString()).contains("201").contains("200");
	}

	@Test
	void aNameTakenInAnyCaseConflicts() {
		var taken = existing.get("name").asString();
		var other = api.post(POLICIES, admin, body(unique("Other"))).expectStatus(201).json();
		var before = snapshot();

		var created = api.post(POLICIES, admin, body(taken.toUpperCase())).problem(409);
		assertThat(created.get("detail").asString()).contains(taken.toUpperCase()).contains("already exists");
		var renamed = api.put(POLICIES + "/" + id(other), admin, body(" " + taken.toLowerCase() + " ")).problem(409);
		assertThat(renamed.get("detail").asString()).contains(taken.toLowerCase());

		assertThat(snapshot()).isEqualTo(before);
		assertThat(api.get(POLICIES + "/" + id(other), admin).json()).isEqualTo(other);
		// a policy keeps its own name, in another case too
		assertThat(api.put(POLICIES + "/" + id(existing), admin, """
				{"name": "%s", "levels": [%s], "service_ids": ["%s"]}""".formatted(taken.toUpperCase(), personLevel(),
				existing.get("service_ids").get(0).asString())).expectStatus(200).json().get("name").asString())
			.isEqualTo(taken.toUpperCase());
	}

	@ParameterizedTest
	@ValueSource(ints = { -1, 10, 1000 })
	void repeatIsBetweenZeroAndNine(int repeat) {
		var problem = refused("""
				{"name": "%s", "repeat": %d, "levels": [%s]}""".formatted(unique("Repeat"), repeat, personLevel()), 400,
				"/repeat");

		assertThat(problem.get("detail").asString()).contains("0").contains("9");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"two\"", "1.5", "true", "[1]" })
	void repeatIsAWholeNumber(String repeat) {
		refused("""
				{"name": "%s", "repeat": %s, "levels": [%s]}""".formatted(unique("Repeat"), repeat, personLevel()), 400,
				"/repeat");
	}

	@ParameterizedTest
	@ValueSource(strings = { ", \"levels\": []", ", \"levels\": null", "" })
	void aPolicyHasAtLeastOneLevel(String levels) {
		refused("{\"name\": \"%s\"%s}".formatted(unique("Empty"), levels), 400, "/levels");
	}

	@Test
	void twentyOneLevelsAreTooMany() {
		var levels = String.join(", ", Collections.nCopies(21, personLevel()));

		var problem = refused("{\"name\": \"%s\", \"levels\": [%s]}".formatted(unique("Tall"), levels), 400, "/levels");

		assertThat(problem.get("detail").asString()).contains("20");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"delay\": \"PT5M\"}", "{\"delay\": \"PT5M\", \"targets\": []}", "{\"targets\": null}" })
	void aLevelWithoutTargetsIsRefused(String level) {
		refused("""
				{"name": "%s", "levels": [%s, %s]}""".formatted(unique("Nobody"), personLevel(), level), 400,
				"/levels/1/targets");
	}

	@Test
	void aLevelOfTwentyOneTargetsIsRefused() {
		var targets = Stream.generate(() -> "{\"type\": \"person\", \"id\": \"%s\"}".formatted(UUID.randomUUID()))
			.limit(21).toList();

		refused("""
				{"name": "%s", "levels": [{"targets": [%s]}]}""".formatted(unique("Crowd"), String.join(", ", targets)),
				400, "/levels/0/targets");
	}

	@Test
	void aNullLevelIsRefusedByItsPosition() {
		refused("""
				{"name": "%s", "levels": [%s, null]}""".formatted(unique("Null level"), personLevel()), 400, "/levels/1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "PT30S", "PT59S", "PT0S", "-PT5M" })
	void aDelayUnderOneMinuteIsRefused(String delay) {
		var problem = refused("""
				{"name": "%s", "levels": [{"delay": "%s", "targets": [%s]}]}""".formatted(unique("Hasty"), delay,
				who(ivy)), 400, "/levels/0/delay");

		assertThat(problem.get("detail").asString()).contains("at least");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"five minutes\"", "\"5\"", "true" })
	void aDelayThatIsNoDurationIsRefused(String delay) {
		refused("""
				{"name": "%s", "levels": [{"delay": %s, "targets": [%s]}]}""".formatted(unique("When"), delay, who(ivy)),
				400, "/levels/0/delay");
	}

	@ParameterizedTest
	@ValueSource(strings = { "person", "schedule", "team", "channel" })
	void aTargetThatDoesNotExistIsRefusedWithItsType(String type) {
		var ghost = UUID.randomUUID();

		var problem = refused("""
				{"name": "%s", "levels": [%s, {"targets": [%s, {"type": "%s", "id": "%s"}]}]}""".formatted(unique("Ghost"),
				personLevel(), who(ivy), type, ghost), 400, "/levels/1/targets/1/id");

		assertThat(problem.get("detail").asString()).contains(type).contains(ghost.toString());
	}

	@Test
	void aTargetOfAnotherKindsIdDoesNotExist() {
		// ivy is a person, not a schedule
		refused("""
				{"name": "%s", "levels": [{"targets": [{"type": "schedule", "id": "%s"}]}]}""".formatted(unique("Mixed"),
				ivy.id()), 400, "/levels/0/targets/0/id");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"type\": \"robot\", \"id\": \"%s\"}", "{\"type\": \"person\", \"id\": \"bob\"}" })
	void aTargetOfAnUnknownTypeOrIdIsUnreadable(String target) {
		var problem = refused("""
				{"name": "%s", "levels": [{"targets": [%s]}]}""".formatted(unique("Robot"),
				target.formatted(ivy.id())), 400, null);

		assertThat(pointers(problem)).singleElement().asString().startsWith("/levels/0/targets/0/");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"type\": \"person\"}", "{\"id\": \"%s\"}", "null" })
	void anIncompleteTargetIsRefused(String target) {
		refused("""
				{"name": "%s", "levels": [{"targets": [%s]}]}""".formatted(unique("Half"), target.formatted(ivy.id())),
				400, "/levels/0/targets/0");
	}

	@Test
	void aTargetTwiceInOneLevelIsRefused() {
		var problem = refused("""
				{"name": "%s", "levels": [{"targets": [%s, %s]}]}""".formatted(unique("Twice"), who(ivy), who(ivy)), 400,
				"/levels/0/targets");

		assertThat(problem.get("detail").asString()).contains("twice");
	}

	@Test
	void anUnknownServiceIsRefusedByItsPosition() {
		var real = world.service("real");
		var ghost = UUID.randomUUID();

		var problem = refused("""
				{"name": "%s", "levels": [%s], "service_ids": ["%s", "%s"]}""".formatted(unique("Ghost service"),
				personLevel(), real, ghost), 400, "/service_ids/1");

		assertThat(problem.get("detail").asString()).contains(ghost.toString());
		assertThat(api.get("/api/v1/services/" + real, admin).expectStatus(200).json()).isNotNull();
	}

	@Test
	void aServiceIdThatIsNoUuidIsRefused() {
		refused("""
				{"name": "%s", "levels": [%s], "service_ids": ["checkout"]}""".formatted(unique("Not uuid"), personLevel()),
				400, "/service_ids/0");
	}

	@Test
	void aServiceFollowingAnotherPolicyConflictsNamingThatPolicy() {
		var followed = existing.get("service_ids").get(0).asString();
		var free = world.service("free");
		var other = api.post(POLICIES, admin, body(unique("Other"))).expectStatus(201).json();
		var before = snapshot();
		var thief = """
				{"name": "%s", "levels": [%s], "service_ids": ["%s", "%s"]}""".formatted(unique("Thief"), personLevel(),
				free, followed);

		Stream.of(api.post(POLICIES, admin, thief), api.put(POLICIES + "/" + id(other), admin, thief))
			.map(response -> response.problem(409).get("detail").asString())
			.forEach(detail -> assertThat(detail).contains("'" + existing.get("name").asString() + "'")
				.contains("already follows"));

		assertThat(snapshot()).isEqualTo(before);
		assertThat(api.get(POLICIES + "/" + id(other), admin).json()).isEqualTo(other);
		assertThat(api.get(POLICIES + "/" + id(existing), admin).json()).isEqualTo(existing);
	}

	@Test
	void anUnknownPropertyIsRefusedByName() {
		var problem = refused("""
				{"name": "%s", "levels": [%s], "services": []}""".formatted(unique("Typo"), personLevel()), 400,
				"/services");
		assertThat(problem.get("detail").asString()).contains("service_ids");

		var nested = refused("""
				{"name": "%s", "levels": [{"delay_minutes": 5, "targets": [%s]}]}""".formatted(unique("Typo"), who(ivy)),
				400, "/levels/0/delay_minutes");
		assertThat(nested.get("detail").asString()).contains("delay");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\": ", "{\"name\": \"x\" \"levels\": []}", "{name: \"x\"}", "{\"name\": 'x'}",
			"{\"name\": \"x\", }" })
	void malformedJsonIsRefused(String body) {
		var problem = refused(body, 400, null);

		assertThat(problem.get("detail").asString()).contains("not valid JSON");
	}

	@Test
	void aBodyThatIsNoObjectIsRefused() {
		refused("[]", 400, null);
		refused("\"policy\"", 400, null);
	}

	@ParameterizedTest
	@ValueSource(strings = { "viewer", "responder" })
	void onlyAdminsChangePoliciesButEveryoneReadsThem(String role) {
		var token = person(role).token();
		var before = snapshot();

		assertThat(api.get(POLICIES + "/" + id(existing), token).expectStatus(200).json()).isEqualTo(existing);
		assertThat(api.get(POLICIES, token).expectStatus(200).json().get("total").asLong()).isEqualTo(before.total());
		Stream.of(api.post(POLICIES, token, body(unique("Mine"))),
				api.put(POLICIES + "/" + id(existing), token, body(unique("Mine"))),
				api.delete(POLICIES + "/" + id(existing), token),
				// refused before the body is read, so bad input teaches nothing either
				api.post(POLICIES, token, "{\"name\": "))
			.forEach(response -> assertThat(response.problem(403).get("title").asString()).isEqualTo("Not allowed"));

		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void withoutATokenNothingIsReadOrChanged() {
		var before = snapshot();

		Stream.of(api.get(POLICIES, null), api.get(POLICIES + "/" + id(existing), null),
				api.post(POLICIES, null, body(unique("Anonymous"))),
				api.put(POLICIES + "/" + id(existing), null, body(unique("Anonymous"))),
				api.delete(POLICIES + "/" + id(existing), null),
				api.get("/api/v1/incidents/INC-1/escalations", null))
			.forEach(response -> assertThat(response.problem(401).get("title").asString())
				.isEqualTo("Authentication required"));

		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void unknownPoliciesAreNotFound() {
		var unknown = UUID.randomUUID();
		var before = snapshot();

		Stream.of(api.get(POLICIES + "/" + unknown, admin), api.put(POLICIES + "/" + unknown, admin, body(unique("Nope"))),
				api.delete(POLICIES + "/" + unknown, admin))
			.forEach(response -> assertThat(response.problem(404).get("detail").asString()).contains(unknown.toString()));
		assertThat(pointers(api.get(POLICIES + "/not-a-uuid", admin).problem(400))).containsExactly("/id");

		assertThat(snapshot()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "size=0", "size=201", "page=-1", "page=first" })
	void badPagingIsRefused(String query) {
		assertThat(pointers(api.get(POLICIES + "?" + query, admin).problem(400)))
			.containsExactly("/" + query.substring(0, query.indexOf('=')));
	}

	@ParameterizedTest
	@ValueSource(strings = { "INC-999999", "999999", "INC-0", "nonsense" })
	void escalationsOfAnIncidentThatDoesNotExistAreNotFound(String incident) {
		assertThat(api.get("/api/v1/incidents/" + incident + "/escalations", admin).problem(404).get("detail").asString())
			.contains(incident);
	}

	@Test
	void escalationsOfAPrivateIncidentAreHiddenFromThoseNotOnIt() {
		var service = world.service("secret");
		world.policy(service, level(ofMinutes(5), who(ivy)));
		var secret = api.post("/api/v1/incidents", ivy.token(), """
				{"title": "Credential leak", "severity": "SEV1", "security": true, "private": true,
				 "affected_service_ids": ["%s"]}""".formatted(service)).expectStatus(201).json().get("id").asString();
		settle();
		var outsider = person("responder");
		var path = "/api/v1/incidents/" + secret + "/escalations";

		assertThat(api.get(path, ivy.token()).expectStatus(200).json().get("items").values()).singleElement()
			.satisfies(e -> assertThat(e.get("status").asString()).isEqualTo("active"));
		assertThat(api.get(path, adminToken()).expectStatus(200).json().get("total").asLong()).isEqualTo(1);
		var hidden = api.get(path, outsider.token()).problem(404);
		assertThat(hidden.get("title").asString()).isEqualTo("Not found");
		assertThat(hidden.toString()).doesNotContain("Credential leak").doesNotContain(ivy.id().toString());
		api.get(path, person("viewer").token()).problem(404);
	}

	// ---- helpers ----

	/**
	 * Sends the body as a new policy and as a rewrite of the existing one: both answer this problem
	 * (with this pointer unless null) and nothing changes.
	 */
	private JsonNode refused(String body, int status, String pointer) {
		var before = snapshot();

		var created = api.post(POLICIES, admin, body).problem(status);
		assertThat(snapshot()).as("after POST %s", body).isEqualTo(before);
		var rewritten = api.put(POLICIES + "/" + id(existing), admin, body).problem(status);
		assertThat(snapshot()).as("after PUT %s", body).isEqualTo(before);
		assertThat(api.get(POLICIES + "/" + id(existing), admin).json()).isEqualTo(existing);

		if (pointer != null) {
			assertThat(pointers(created)).containsExactly(pointer);
			assertThat(pointers(rewritten)).containsExactly(pointer);
		}
		if (status != 409) {
			assertThat(rewritten.get("detail")).isEqualTo(created.get("detail"));
		}
		return created;
	}

	private Snapshot snapshot() {
		var total = api.get(POLICIES + "?size=1", admin).expectStatus(200).json().get("total").asLong();
		return new Snapshot(total, jdbc.sql("""
				select (select count(*) from escalation_policy) + (select count(*) from escalation_level)
				     + (select count(*) from escalation_target) + (select count(*) from escalation_service_policy)""")
			.query(Long.class).single(),
				jdbc.sql("select count(*) from identity_audit").query(Long.class).single());
	}

	private record Snapshot(long total, long rows, long audit) {
	}

	private String personLevel() {
		return level(ofMinutes(5), who(ivy));
	}

	private String body(String name) {
		return "{\"name\": \"%s\", \"levels\": [%s]}".formatted(name, personLevel());
	}

	private static String id(JsonNode node) {
		return node.get("id").asString();
	}

	private static List<String> pointers(JsonNode problem) {
		var errors = problem.get("errors");
		return errors == null ? List.of() : errors.values().stream().map(e -> e.get("pointer").asString()).toList();
	}

	private static String unique(String name) {
		return name + " " + UUID.randomUUID().toString().substring(0, 8);
	}
}
