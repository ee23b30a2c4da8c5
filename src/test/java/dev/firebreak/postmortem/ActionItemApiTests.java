package dev.firebreak.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import dev.firebreak.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * Action items over the API: every missing or bad field is named at once and changes nothing; a
 * good one is created, edited, completed with evidence and reopened, each change audited; viewers
 * read; a private incident's items exist only for those who may see it.
 */
class ActionItemApiTests extends ApiTest {

	@Autowired
	UserDetailsService users;

	static final String GOOD_DONE = "An alert pages the payments on-call within 5 minutes when checkout errors exceed 2%"
			+ " for 5 minutes; verified by a fire drill";

	@Test
	void anItemIsCheckedCreatedEditedCompletedAndReopenedAndEveryChangeIsAudited() {
		var alice = person("responder");
		var viewer = person("viewer");
		var incident = declare(alice, false);
		var items = "/api/v1/incidents/" + incident + "/action-items";
		var today = today();

		var empty = api.post(items, alice.token(), "{}").problem(400);
		assertThat(pointers(empty)).containsExactly("/title", "/owner_id", "/due_on", "/priority", "/definition_of_done");
		assertThat(empty.get("detail").asString()).startsWith("The action item has 5 problems: title is required");

		var bad = api.post(items, alice.token(), """
				{"title": "Better alerting", "owner_id": "%s", "due_on": "%s", "priority": "P5",
				 "definition_of_done": "improve monitoring"}""".formatted(viewer.id(), today.minusDays(1))).problem(400);
		assertThat(pointers(bad)).containsExactly("/owner_id", "/due_on", "/priority", "/definition_of_done");
		assertThat(detail(bad, "/owner_id")).endsWith("is a viewer; an action item's owner is a responder or an admin");
		assertThat(detail(bad, "/due_on")).isEqualTo("due_on " + today.minusDays(1) + " is in the past; today is " + today + " (UTC)");
		assertThat(detail(bad, "/priority")).isEqualTo("priority must be P0, P1 or P2, not 'P5'");
		assertThat(detail(bad, "/definition_of_done")).contains("'improve' and 'monitoring' say what to work on")
			.contains("For example: \"An alert pages the payments on-call within 5 minutes");
		assertThat(bad.get("example").asString()).startsWith("An alert pages the payments on-call");

		var malformed = api.post(items, alice.token(), """
				{"title": "x", "owner_id": "alice", "due_on": "next friday", "priority": "P1", "definition_of_done": "%s"}"""
			.formatted(GOOD_DONE)).problem(400);
		assertThat(pointers(malformed)).containsExactly("/owner_id", "/due_on");
		assertThat(api.post(items, alice.token(), "{\"title\": \"x\", \"colour\": \"red\"}").status()).isEqualTo(400);
		assertThat(api.get(items, alice.token()).expectStatus(200).json().get("total").asLong()).isZero();
		assertThat(audited(incident)).isZero();

		var created = api.post(items, alice.token(), """
				{"title": "Page payments on checkout errors", "owner_id": "%s", "due_on": "%s", "priority": "P1",
				 "definition_of_done": "%s"}""".formatted(alice.id(), today.plusDays(14), GOOD_DONE)).expectStatus(201);
		var item = created.json();
		var id = item.get("id").asString();
		assertThat(created.location()).isEqualTo("/api/v1/action-items/" + id);
		assertThat(item.get("incident").asString()).isEqualTo(incident);
		assertThat(item.get("priority").asString()).isEqualTo("P1");
		assertThat(item.get("status").asString()).isEqualTo("open");
		assertThat(item.get("due_on").asString()).isEqualTo(today.plusDays(14).toString());
		assertThat(item.get("overdue").asBoolean()).isFalse();
		assertThat(api.get(items, viewer.token()).expectStatus(200).json().get("items").get(0).get("id").asString())
			.isEqualTo(id);
		assertThat(api.get("/api/v1/action-items/" + id, viewer.token()).expectStatus(200).json()).isEqualTo(item);
		api.post(items, viewer.token(), "{}").expectStatus(403);
		api.post("/api/v1/action-items/" + id + "/complete", viewer.token(), "{\"evidence\": \"done\"}").expectStatus(403);

		var refused = api.put("/api/v1/action-items/" + id, alice.token(), """
				{"title": "Page payments", "owner_id": "%s", "due_on": "%s", "priority": "P0",
				 "definition_of_done": "be more careful"}""".formatted(alice.id(), today.plusDays(7))).problem(400);
		assertThat(pointers(refused)).containsExactly("/definition_of_done");
		assertThat(api.get("/api/v1/action-items/" + id, alice.token()).json()).isEqualTo(item);
		var edited = api.put("/api/v1/action-items/" + id, alice.token(), """
				{"title": "Page payments", "owner_id": "%s", "due_on": "%s", "priority": "P0", "definition_of_done": "%s"}"""
			.formatted(alice.id(), today.plusDays(7), GOOD_DONE)).expectStatus(200).json();
		assertThat(edited.get("title").asString()).isEqualTo("Page payments");
		assertThat(edited.get("priority").asString()).isEqualTo("P0");

		var noEvidence = api.post("/api/v1/action-items/" + id + "/complete", alice.token(), "{}").problem(400);
		assertThat(pointers(noEvidence)).containsExactly("/evidence");
		var done = api.post("/api/v1/action-items/" + id + "/complete", alice.token(),
				"{\"evidence\": \"Fire drill on 2026-03-05 paged in 3 minutes\"}").expectStatus(200).json();
		assertThat(done.get("status").asString()).isEqualTo("done");
		assertThat(done.get("evidence").asString()).isEqualTo("Fire drill on 2026-03-05 paged in 3 minutes");
		assertThat(done.get("completed_by").asString()).isEqualTo(alice.id().toString());
		// a second click changes nothing
		assertThat(api.post("/api/v1/action-items/" + id + "/complete", alice.token(), "{\"evidence\": \"again\"}")
			.expectStatus(200).json()).isEqualTo(done);
		api.put("/api/v1/action-items/" + id, alice.token(), """
				{"title": "x", "owner_id": "%s", "due_on": "%s", "priority": "P0", "definition_of_done": "%s"}"""
			.formatted(alice.id(), today.plusDays(7), GOOD_DONE)).problem(409);
		var reopened = api.post("/api/v1/action-items/" + id + "/reopen", alice.token(),
				"{\"reason\": \"the drill paged the wrong rotation\"}").expectStatus(200).json();
		assertThat(reopened.get("status").asString()).isEqualTo("open");
		assertThat(reopened.get("evidence").isNull()).isTrue();

		assertThat(jdbc.sql("select action from identity_audit where target_id = :id order by at").param("id", id)
			.query(String.class).list()).containsExactly("action_item.created", "action_item.updated",
					"action_item.completed", "action_item.reopened");
		assertThat(item.has("incident_number")).isFalse();
		assertThat(item.has("open")).isFalse();
	}

	@Test
	void aDueDayPastTheHorizonIsRefusedNamingTheLatestAllowed() {
		var alice = person("responder");
		var incident = declare(alice, false);
		var items = "/api/v1/incidents/" + incident + "/action-items";
		// firebreak.postmortem.action-items.due-within: P2Y
		var latest = today().plusYears(2);
		var body = """
				{"title": "Page payments", "owner_id": "%s", "due_on": "%s", "priority": "P1", "definition_of_done": "%s"}""";

		for (var far : List.of("+999999999-12-31", latest.plusDays(1).toString())) {
			var refused = api.post(items, alice.token(), body.formatted(alice.id(), far, GOOD_DONE)).problem(400);
			assertThat(pointers(refused)).containsExactly("/due_on");
			assertThat(detail(refused, "/due_on")).isEqualTo("due_on " + LocalDate.parse(far) + " is too far ahead; the latest"
					+ " allowed is " + latest + " (UTC)");
		}
		assertThat(api.get(items, alice.token()).expectStatus(200).json().get("total").asLong()).isZero();
		assertThat(audited(incident)).isZero();

		var item = api.post(items, alice.token(), body.formatted(alice.id(), latest, GOOD_DONE)).expectStatus(201).json();
		var id = item.get("id").asString();
		var edit = api.put("/api/v1/action-items/" + id, alice.token(), body.formatted(alice.id(), "+999999999-12-31",
				GOOD_DONE)).problem(400);
		assertThat(pointers(edit)).containsExactly("/due_on");
		assertThat(api.get("/api/v1/action-items/" + id, alice.token()).json().get("due_on").asString())
			.isEqualTo(latest.toString());
	}

	@Test
	void theListIsPagedByTheDatabaseLeavingOutWhatTheReaderMayNotSee() {
		var alice = person("responder");
		var outsider = person("responder");
		var open = declare(alice, false);
		var secret = declare(alice, true);
		var body = """
				{"title": "Item due in %d days", "owner_id": "%s", "due_on": "%s", "priority": "P2", "definition_of_done": "%s"}""";
		for (var days : List.of(5, 1, 3)) {
			api.post("/api/v1/incidents/" + open + "/action-items", alice.token(),
					body.formatted(days, alice.id(), today().plusDays(days), GOOD_DONE)).expectStatus(201);
		}
		for (var days : List.of(4, 2)) {
			api.post("/api/v1/incidents/" + secret + "/action-items", alice.token(),
					body.formatted(days, alice.id(), today().plusDays(days), GOOD_DONE)).expectStatus(201);
		}
		var list = "/api/v1/action-items?owner=" + alice.id() + "&size=2&page=";

		var first = api.get(list + 0, outsider.token()).expectStatus(200).json();
		assertThat(first.get("total").asLong()).isEqualTo(3);
		assertThat(titles(first)).containsExactly("Item due in 1 days", "Item due in 3 days");
		var second = api.get(list + 1, outsider.token()).expectStatus(200).json();
		assertThat(second.get("total").asLong()).isEqualTo(3);
		assertThat(titles(second)).containsExactly("Item due in 5 days");
		assertThat(titles(api.get(list + 2, outsider.token()).expectStatus(200).json())).isEmpty();

		assertThat(api.get(list + 0, alice.token()).expectStatus(200).json().get("total").asLong()).isEqualTo(5);
		assertThat(titles(api.get(list + 1, alice.token()).json())).containsExactly("Item due in 3 days", "Item due in 4 days");
		assertThat(titles(api.get(list + 2, alice.token()).json())).containsExactly("Item due in 5 days");
		assertThat(titles(api.get("/api/v1/action-items?owner=me&state=open&size=1&page=1", alice.token()).json()))
			.containsExactly("Item due in 2 days");
	}

	private static List<String> titles(JsonNode page) {
		return page.get("items").values().stream().map(i -> i.get("title").asString()).toList();
	}

	@Test
	void theIncidentsPageAddsAnItemThroughTheSameChecks() throws Exception {
		var alice = person("responder");
		var incident = declare(alice, false);
		var me = user(users.loadUserByUsername(alice.email()));
		var refused = mvc.perform(post("/incidents/" + incident + "/action-items").with(me).with(csrf())
			.param("title", "Better alerting").param("owner_id", alice.id().toString())
			.param("due_on", today().plusDays(3).toString()).param("priority", "P2")
			.param("definition_of_done", "better alerting")).andReturn();
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/incidents/" + incident + "/action-items");
		assertThat((String) refused.getFlashMap().get("formError")).contains("'better' says what to work on");
		assertThat(api.get("/api/v1/incidents/" + incident + "/action-items", alice.token()).json().get("total").asLong()).isZero();
		var added = mvc.perform(post("/incidents/" + incident + "/action-items").with(me).with(csrf())
			.param("title", "Page payments").param("owner_id", alice.id().toString())
			.param("due_on", today().plusDays(3).toString()).param("priority", "P2")
			.param("definition_of_done", GOOD_DONE)).andReturn();
		assertThat((String) added.getFlashMap().get("notice")).isEqualTo("Added \"Page payments\".");
		var listed = api.get("/api/v1/incidents/" + incident + "/action-items", alice.token()).json().get("items");
		assertThat(listed.values()).extracting(i -> i.get("title").asString() + " " + i.get("priority").asString())
			.containsExactly("Page payments P2");
	}

	@Test
	void aPrivateIncidentsItemsExistOnlyForThoseWhoMaySeeIt() {
		var commander = person("responder");
		var outsider = person("responder");
		var incident = declare(commander, true);
		var items = "/api/v1/incidents/" + incident + "/action-items";

		var notAllowed = api.post(items, commander.token(), """
				{"title": "Rotate the leaked key", "owner_id": "%s", "due_on": "%s", "priority": "P0",
				 "definition_of_done": "Key PAY-KEY-1 revoked; verified by a failed login with it"}"""
			.formatted(outsider.id(), today().plusDays(1))).problem(400);
		assertThat(detail(notAllowed, "/owner_id")).endsWith("cannot see " + incident + ", a private incident; add them to it first");
		var id = api.post(items, commander.token(), """
				{"title": "Rotate the leaked key", "owner_id": "%s", "due_on": "%s", "priority": "P0",
				 "definition_of_done": "Key PAY-KEY-1 revoked; verified by a failed login with it"}"""
			.formatted(commander.id(), today().plusDays(1))).expectStatus(201).json().get("id").asString();

		api.get(items, outsider.token()).problem(404);
		api.get("/api/v1/action-items/" + id, outsider.token()).problem(404);
		api.post("/api/v1/action-items/" + id + "/complete", outsider.token(), "{\"evidence\": \"x\"}").problem(404);
		assertThat(ids(api.get("/api/v1/action-items?state=open", outsider.token()).expectStatus(200).json())).doesNotContain(id);
		assertThat(ids(api.get("/api/v1/action-items?owner=me", commander.token()).expectStatus(200).json())).containsExactly(id);
		assertThat(api.get("/api/v1/action-items/" + id, commander.token()).json().get("status").asString()).isEqualTo("open");
	}

	private String declare(Person by, boolean isPrivate) {
		return api.post("/api/v1/incidents", by.token(), """
				{"title": "Action items %s", "severity": "SEV2", "private": %s}""".formatted(UUID.randomUUID(), isPrivate))
			.expectStatus(201).json().get("id").asString();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	private long audited(String incident) {
		return jdbc.sql("select count(*) from identity_audit where action like 'action_item.%' and detail like :incident")
			.param("incident", incident + ":%").query(Long.class).single();
	}

	static List<String> pointers(JsonNode problem) {
		return problem.get("errors").values().stream().map(e -> e.get("pointer").asString()).toList();
	}

	static String detail(JsonNode problem, String pointer) {
		return problem.get("errors").values().stream().filter(e -> e.get("pointer").asString().equals(pointer))
			.map(e -> e.get("detail").asString()).findFirst().orElseThrow();
	}

	static List<String> ids(JsonNode page) {
		return page.get("items").values().stream().map(i -> i.get("id").asString()).toList();
	}
}
