package dev.firebreak.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

import dev.firebreak.ApiTest;

class CatalogApiTests extends ApiTest {

	private String admin;

	@BeforeEach
	void signIn() {
		admin = adminToken();
	}

	@Test
	void teamIsCreatedReadUpdatedAndDeleted() {
		var name = unique("Payments");
		var created = api.post("/api/v1/teams", admin, """
				{"name": "%s", "description": "Takes the money", "time_zone": "Europe/Berlin"}""".formatted(name))
			.expectStatus(201);
		var team = created.json();
		var id = team.get("id").asString();
		assertThat(created.location()).isEqualTo("/api/v1/teams/" + id);
		assertThat(team.get("name").asString()).isEqualTo(name);
		assertThat(team.get("description").asString()).isEqualTo("Takes the money");
		assertThat(team.get("time_zone").asString()).isEqualTo("Europe/Berlin");
		assertThat(team.get("member_ids").values()).isEmpty();
		assertThat(team.get("created_at").asString()).endsWith("Z");

		assertThat(api.get("/api/v1/teams/" + id, admin).expectStatus(200).json()).isEqualTo(team);

		var renamed = api.put("/api/v1/teams/" + id, admin, """
				{"name": "%s renamed", "time_zone": "Asia/Tokyo"}""".formatted(name)).expectStatus(200).json();
		assertThat(renamed.get("name").asString()).isEqualTo(name + " renamed");
		assertThat(renamed.get("time_zone").asString()).isEqualTo("Asia/Tokyo");
		assertThat(renamed.get("description").isNull()).isTrue();
		assertThat(renamed.get("created_at")).isEqualTo(team.get("created_at"));
		assertThat(api.get("/api/v1/teams/" + id, admin).json()).isEqualTo(renamed);

		api.delete("/api/v1/teams/" + id, admin).expectStatus(204);
		api.get("/api/v1/teams/" + id, admin).problem(404);
		api.delete("/api/v1/teams/" + id, admin).problem(404);
	}

	@Test
	void teamTimeZoneDefaultsToUtcAndMustBeReal() {
		var team = createTeam(unique("Night shift"));
		assertThat(team.get("time_zone").asString()).isEqualTo("UTC");

		var problem = api.post("/api/v1/teams", admin, """
				{"name": "%s", "time_zone": "Atlantis/Capital"}""".formatted(unique("Lost"))).problem(400);
		assertThat(pointers(problem)).containsExactly("/time_zone");
	}

	@Test
	void serviceIsCreatedReadUpdatedAndDeleted() {
		var owner = createTeam(unique("Checkout team"));
		var other = createTeam(unique("Platform team"));
		var name = unique("checkout-api");

		var created = api.post("/api/v1/services", admin, """
				{"name": "%s", "description": "Takes orders", "owner_team_id": "%s", "tier": 1}"""
			.formatted(name, id(owner))).expectStatus(201);
		var service = created.json();
		var id = id(service);
		assertThat(created.location()).isEqualTo("/api/v1/services/" + id);
		assertThat(service.get("name").asString()).isEqualTo(name);
		assertThat(service.get("owner_team_id").asString()).isEqualTo(id(owner));
		assertThat(service.get("tier").asInt()).isEqualTo(1);
		assertThat(service.get("created_at").asString()).endsWith("Z");
		assertThat(api.get("/api/v1/services/" + id, admin).expectStatus(200).json()).isEqualTo(service);

		var moved = api.put("/api/v1/services/" + id, admin, """
				{"name": "%s", "owner_team_id": "%s", "tier": 3}""".formatted(name, id(other))).expectStatus(200).json();
		assertThat(moved.get("owner_team_id").asString()).isEqualTo(id(other));
		assertThat(moved.get("tier").asInt()).isEqualTo(3);
		assertThat(api.get("/api/v1/services/" + id, admin).json()).isEqualTo(moved);

		api.delete("/api/v1/services/" + id, admin).expectStatus(204);
		api.get("/api/v1/services/" + id, admin).problem(404);
	}

	@Test
	void serviceWithoutOwnerOrTierIsTierTwoAndOwnerless() {
		var service = createService(unique("orphan"), null, null);

		assertThat(service.get("tier").asInt()).isEqualTo(2);
		assertThat(service.get("owner_team_id").isNull()).isTrue();
	}

	@Test
	void listsArePagedWithTheirTotal() {
		var team = createTeam(unique("Busy team"));
		var names = List.of(unique("a-svc"), unique("b-svc"), unique("c-svc"));
		names.forEach(name -> createService(name, id(team), 2));
		var owned = "/api/v1/services?owner_team_id=" + id(team);

		var all = api.get(owned, admin).expectStatus(200).json();
		assertThat(all.get("total").asLong()).isEqualTo(3);
		assertThat(all.get("items").values()).extracting(s -> s.get("name").asString()).containsExactlyElementsOf(names);

		var second = api.get(owned + "&page=1&size=2", admin).expectStatus(200).json();
		assertThat(second.get("total").asLong()).isEqualTo(3);
		assertThat(second.get("items").values()).extracting(s -> s.get("name").asString()).containsExactly(names.get(2));

		var beyond = api.get(owned + "&page=5&size=2", admin).expectStatus(200).json();
		assertThat(beyond.get("items").values()).isEmpty();
		assertThat(beyond.get("total").asLong()).isEqualTo(3);

		var teams = api.get("/api/v1/teams?page=0&size=1", admin).expectStatus(200).json();
		assertThat(teams.get("items").values()).hasSize(1);
		assertThat(teams.get("total").asLong()).isGreaterThanOrEqualTo(1);
		var services = api.get("/api/v1/services?size=2", admin).expectStatus(200).json();
		assertThat(services.get("items").values()).hasSize(2);
		assertThat(services.get("total").asLong()).isGreaterThanOrEqualTo(3);
	}

	@ParameterizedTest
	@ValueSource(strings = { "size=0", "size=201", "page=-1", "page=first", "size=many" })
	void badPagingIsRefused(String query) {
		var problem = api.get("/api/v1/teams?" + query, admin).problem(400);

		assertThat(pointers(problem)).containsExactly("/" + query.substring(0, query.indexOf('=')));
	}

	@Test
	void duplicateNamesConflictWhateverTheirCase() {
		var teamName = unique("Search");
		var team = createTeam(teamName);
		var serviceName = unique("search-api");
		createService(serviceName, id(team), 2);
		var teams = rows("catalog_team");
		var services = rows("catalog_service");

		assertThat(api.post("/api/v1/teams", admin, "{\"name\": \"%s\"}".formatted(teamName.toUpperCase()))
			.problem(409).get("detail").asString()).contains(teamName.toUpperCase());
		api.post("/api/v1/services", admin, "{\"name\": \" %s \"}".formatted(serviceName)).problem(409);

		assertThat(rows("catalog_team")).isEqualTo(teams);
		assertThat(rows("catalog_service")).isEqualTo(services);
	}

	@Test
	void renamingOntoAnotherNameConflicts() {
		var taken = createTeam(unique("Taken"));
		var team = createTeam(unique("Free"));
		var takenService = createService(unique("taken-svc"), null, 2);
		var service = createService(unique("free-svc"), null, 2);

		api.put("/api/v1/teams/" + id(team), admin, "{\"name\": \"%s\"}".formatted(name(taken))).problem(409);
		api.put("/api/v1/services/" + id(service), admin, "{\"name\": \"%s\"}".formatted(name(takenService)))
			.problem(409);

		assertThat(api.get("/api/v1/teams/" + id(team), admin).json()).isEqualTo(team);
		assertThat(api.get("/api/v1/services/" + id(service), admin).json()).isEqualTo(service);
		// keeping one's own name is no conflict
		api.put("/api/v1/teams/" + id(team), admin, "{\"name\": \"%s\"}".formatted(name(team))).expectStatus(200);
	}

	@Test
	void serviceOwnedByAnUnknownTeamIsInvalid() {
		var name = unique("ghost-svc");

		var problem = api.post("/api/v1/services", admin, """
				{"name": "%s", "owner_team_id": "%s"}""".formatted(name, UUID.randomUUID())).problem(400);

		assertThat(pointers(problem)).containsExactly("/owner_team_id");
		assertThat(servicesNamed(name)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "4", "-1", "\"high\"", "1.5" })
	void tierOutsideOneToThreeIsInvalid(String tier) {
		var name = unique("tiered");

		var problem = api.post("/api/v1/services", admin, """
				{"name": "%s", "tier": %s}""".formatted(name, tier)).problem(400);

		assertThat(pointers(problem)).containsExactly("/tier");
		assertThat(servicesNamed(name)).isZero();
	}

	@Test
	void teamThatStillOwnsServicesCannotBeDeleted() {
		var team = createTeam(unique("Owners"));
		var first = createService(unique("owned-one"), id(team), 1);
		var second = createService(unique("owned-two"), id(team), 3);

		var problem = api.delete("/api/v1/teams/" + id(team), admin).problem(409);

		assertThat(problem.get("detail").asString()).contains(name(first), name(second));
		assertThat(api.get("/api/v1/teams/" + id(team), admin).expectStatus(200).json()).isEqualTo(team);

		api.delete("/api/v1/services/" + id(first), admin).expectStatus(204);
		api.delete("/api/v1/services/" + id(second), admin).expectStatus(204);
		api.delete("/api/v1/teams/" + id(team), admin).expectStatus(204);
	}

	@Test
	void membersJoinAndLeaveATeam() {
		var team = createTeam(unique("Members"));
		var alice = person("responder");
		var bob = person("viewer");

		api.put(members(team, alice.id()), admin, null).expectStatus(200);
		var both = api.put(members(team, bob.id()), admin, null).expectStatus(200).json();
		assertThat(both.get("member_ids").values()).extracting(JsonNode::asString)
			.containsExactlyInAnyOrder(alice.id().toString(), bob.id().toString());

		// adding twice changes nothing
		api.put(members(team, bob.id()), admin, null).expectStatus(200);
		assertThat(api.get("/api/v1/teams/" + id(team), bob.token()).json().get("member_ids").values()).hasSize(2);

		var left = api.delete(members(team, alice.id()), admin).expectStatus(200).json();
		assertThat(left.get("member_ids").values()).extracting(JsonNode::asString).containsExactly(bob.id().toString());
		assertThat(api.get("/api/v1/teams?size=200", admin).json().get("items").values())
			.filteredOn(t -> id(t).equals(id(team))).singleElement()
			.satisfies(t -> assertThat(t.get("member_ids").values()).hasSize(1));
	}

	@Test
	void membersMustBeAccountsOfTeamsThatExist() {
		var team = createTeam(unique("Real team"));
		var person = person("viewer");

		assertThat(api.put(members(team, UUID.randomUUID()), admin, null).problem(404).get("detail").asString())
			.contains("account");
		assertThat(api.delete(members(team, UUID.randomUUID()), admin).problem(404).get("detail").asString())
			.contains("account");
		api.put("/api/v1/teams/" + UUID.randomUUID() + "/members/" + person.id(), admin, null).problem(404);
		api.delete("/api/v1/teams/" + UUID.randomUUID() + "/members/" + person.id(), admin).problem(404);
		assertThat(pointers(api.put("/api/v1/teams/" + id(team) + "/members/bob", admin, null).problem(400)))
			.containsExactly("/account_id");

		assertThat(api.get("/api/v1/teams/" + id(team), admin).json().get("member_ids").values()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "viewer", "responder" })
	void onlyAdminsChangeTheCatalog(String role) {
		var person = person(role);
		var team = createTeam(unique("Guarded"));
		var service = createService(unique("guarded-svc"), id(team), 2);
		var teams = rows("catalog_team");
		var services = rows("catalog_service");
		var memberships = rows("catalog_team_member");
		var audit = rows("identity_audit");
		var token = person.token();

		Stream.of(api.post("/api/v1/teams", token, "{\"name\": \"%s\"}".formatted(unique("Mine"))),
				api.put("/api/v1/teams/" + id(team), token, "{\"name\": \"%s\"}".formatted(unique("Mine"))),
				api.delete("/api/v1/teams/" + id(team), token),
				api.put(members(team, person.id()), token, null),
				api.delete(members(team, person.id()), token),
				api.post("/api/v1/services", token, "{\"name\": \"%s\"}".formatted(unique("mine"))),
				api.put("/api/v1/services/" + id(service), token, "{\"name\": \"%s\"}".formatted(unique("mine"))),
				api.delete("/api/v1/services/" + id(service), token))
			.forEach(response -> assertThat(response.problem(403).get("title").asString()).isEqualTo("Not allowed"));

		assertThat(rows("catalog_team")).isEqualTo(teams);
		assertThat(rows("catalog_service")).isEqualTo(services);
		assertThat(rows("catalog_team_member")).isEqualTo(memberships);
		assertThat(rows("identity_audit")).isEqualTo(audit);
		assertThat(api.get("/api/v1/teams/" + id(team), admin).json()).isEqualTo(team);
		assertThat(api.get("/api/v1/services/" + id(service), admin).json()).isEqualTo(service);
	}

	@Test
	void viewersReadTheCatalog() {
		var viewer = person("viewer");
		var team = createTeam(unique("Visible"));
		var service = createService(unique("visible-svc"), id(team), 1);

		assertThat(api.get("/api/v1/teams/" + id(team), viewer.token()).expectStatus(200).json()).isEqualTo(team);
		assertThat(api.get("/api/v1/services/" + id(service), viewer.token()).expectStatus(200).json())
			.isEqualTo(service);
		assertThat(api.get("/api/v1/teams", viewer.token()).expectStatus(200).json().get("total").asLong()).isPositive();
		assertThat(api.get("/api/v1/services?owner_team_id=" + id(team), viewer.token()).expectStatus(200).json()
			.get("items").values()).singleElement().isEqualTo(service);
	}

	@Test
	void unknownIdsAreNotFound() {
		var unknown = UUID.randomUUID();

		Stream.of(api.get("/api/v1/teams/" + unknown, admin),
				api.put("/api/v1/teams/" + unknown, admin, "{\"name\": \"%s\"}".formatted(unique("Nobody"))),
				api.delete("/api/v1/teams/" + unknown, admin),
				api.get("/api/v1/services/" + unknown, admin),
				api.put("/api/v1/services/" + unknown, admin, "{\"name\": \"%s\"}".formatted(unique("nothing"))),
				api.delete("/api/v1/services/" + unknown, admin))
			.forEach(response -> assertThat(response.problem(404).get("detail").asString()).contains(unknown.toString()));

		assertThat(pointers(api.get("/api/v1/teams/not-a-uuid", admin).problem(400))).containsExactly("/id");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\": ", "{\"name\": \"%s\" \"y\"}", "{name: \"%s\"}", "{\"name\": \"%s\"}}",
			"{\"name\": \"%s\", }", "{\"name\": '%s'}" })
	void malformedJsonIsRefusedAndChangesNothing(String template) {
		var body = template.replace("%s", unique("Broken"));
		var team = createTeam(unique("Stable"));
		var teams = rows("catalog_team");
		var audit = rows("identity_audit");

		assertThat(api.post("/api/v1/teams", admin, body).problem(400).get("detail").asString())
			.contains("not valid JSON");
		assertThat(api.put("/api/v1/teams/" + id(team), admin, body).problem(400).get("detail").asString())
			.contains("not valid JSON");
		assertThat(api.post("/api/v1/services", admin, body).problem(400).get("detail").asString())
			.contains("not valid JSON");

		assertThat(rows("catalog_team")).isEqualTo(teams);
		assertThat(rows("identity_audit")).isEqualTo(audit);
		assertThat(api.get("/api/v1/teams/" + id(team), admin).json()).isEqualTo(team);
	}

	@Test
	void bodyThatIsNotAnObjectIsRefusedPlainly() {
		var problem = api.post("/api/v1/teams", admin, "[\"a team\"]").problem(400);

		assertThat(problem.get("detail").asString()).contains("JSON object").doesNotContain("dev.firebreak");
		api.post("/api/v1/teams", admin, "").problem(400);
		api.post("/api/v1/teams", admin, "null").problem(400);
	}

	@Test
	void unknownFieldsAreRefusedByName() {
		var name = unique("Typo");

		var problem = api.post("/api/v1/teams", admin, """
				{"name": "%s", "timezone": "UTC"}""".formatted(name)).problem(400);

		assertThat(pointers(problem)).containsExactly("/timezone");
		assertThat(problem.get("detail").asString()).contains("time_zone");
		assertThat(teamsNamed(name)).isZero();
	}

	@Test
	void namesLongerThanOneHundredCharactersAreRefused() {
		var longest = "n".repeat(63) + UUID.randomUUID() + "x";
		assertThat(longest).hasSize(100);
		var tooLong = longest + "x";

		assertThat(pointers(api.post("/api/v1/teams", admin, "{\"name\": \"%s\"}".formatted(tooLong)).problem(400)))
			.containsExactly("/name");
		assertThat(pointers(api.post("/api/v1/services", admin, "{\"name\": \"%s\"}".formatted(tooLong)).problem(400)))
			.containsExactly("/name");
		assertThat(teamsNamed(tooLong)).isZero();
		assertThat(servicesNamed(tooLong)).isZero();

		createTeam(longest);
		createService(longest, null, null);
	}

	@Test
	void blankNamesAreRefused() {
		var teams = rows("catalog_team");

		assertThat(pointers(api.post("/api/v1/teams", admin, "{\"name\": \"   \"}").problem(400))).containsExactly("/name");
		assertThat(pointers(api.post("/api/v1/teams", admin, "{}").problem(400))).containsExactly("/name");

		assertThat(rows("catalog_team")).isEqualTo(teams);
	}

	@Test
	void everyChangeIsAudited() {
		var person = person("viewer");
		var team = createTeam(unique("Audited"));
		var service = createService(unique("audited-svc"), id(team), 2);
		api.put("/api/v1/teams/" + id(team), admin, "{\"name\": \"%s 2\"}".formatted(name(team))).expectStatus(200);
		api.put(members(team, person.id()), admin, null).expectStatus(200);
		api.delete(members(team, person.id()), admin).expectStatus(200);
		api.put("/api/v1/services/" + id(service), admin, "{\"name\": \"%s\", \"tier\": 1}".formatted(name(service)))
			.expectStatus(200);
		api.delete("/api/v1/services/" + id(service), admin).expectStatus(204);
		api.delete("/api/v1/teams/" + id(team), admin).expectStatus(204);

		var entries = api.get("/api/v1/audit?size=20", admin).expectStatus(200).json().get("items").values().stream()
			.filter(e -> List.of(id(team), id(service)).contains(e.get("target_id").asString()))
			.toList();

		assertThat(entries).extracting(e -> e.get("action").asString()).containsExactly("team.deleted",
				"service.deleted", "service.updated", "team.member_removed", "team.member_added", "team.updated",
				"service.created", "team.created");
		assertThat(entries).allSatisfy(e -> {
			assertThat(e.get("actor").asString()).isEqualTo(ADMIN_EMAIL);
			assertThat(e.get("address").asString()).isEqualTo("192.0.2.7");
		});
		assertThat(entries).filteredOn(e -> e.get("action").asString().startsWith("team.member"))
			.allSatisfy(e -> assertThat(e.get("detail").asString()).contains(person.email()));
	}

	private JsonNode createTeam(String name) {
		return api.post("/api/v1/teams", admin, "{\"name\": \"%s\"}".formatted(name)).expectStatus(201).json();
	}

	private JsonNode createService(String name, String ownerTeamId, Integer tier) {
		var owner = ownerTeamId == null ? "" : ", \"owner_team_id\": \"%s\"".formatted(ownerTeamId);
		var tierField = tier == null ? "" : ", \"tier\": " + tier;
		return api.post("/api/v1/services", admin, "{\"name\": \"%s\"%s%s}".formatted(name, owner, tierField))
			.expectStatus(201).json();
	}

	private static String members(JsonNode team, UUID accountId) {
		return "/api/v1/teams/" + id(team) + "/members/" + accountId;
	}

	private static String id(JsonNode node) {
		return node.get("id").asString();
	}

	private static String name(JsonNode node) {
		return node.get("name").asString();
	}

	private static String unique(String name) {
		return name + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	private static List<String> pointers(JsonNode problem) {
		return problem.get("errors").values().stream().map(e -> e.get("pointer").asString()).toList();
	}

	private long rows(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private long teamsNamed(String name) {
		return jdbc.sql("select count(*) from catalog_team where name = :name").param("name", name)
			.query(Long.class).single();
	}

	private long servicesNamed(String name) {
		return jdbc.sql("select count(*) from catalog_service where name = :name").param("name", name)
			.query(Long.class).single();
	}
}
