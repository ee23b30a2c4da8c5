package dev.firebreak.postmortem;

import static dev.firebreak.postmortem.ActionItemApiTests.GOOD_DONE;
import static dev.firebreak.postmortem.ActionItemApiTests.ids;
import static dev.firebreak.postmortem.ActionItemApiTests.pointers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import dev.firebreak.ApiTest;
import dev.firebreak.notification.TestMail;
import tools.jackson.databind.JsonNode;

/**
 * Action items over time: the lists of a person, a team and the overdue; the owner reminded before
 * the due day and again when it is overdue, and nobody reminded of an item done; the day-30 review
 * listing every open item and meeting the incident's obligation.
 */
class ActionItemScenarioTests extends ApiTest {

	@Autowired
	UserDetailsService users;

	@Test
	void listsPerPersonTeamAndOverdueAndRemindersBeforeAndAfterTheDueDay() throws Exception {
		var admin = adminToken();
		var alice = person("responder");
		var bob = person("responder");
		var carol = person("responder");
		// the incident is someone else's: its commander hears of every obligation, and a flood of mail
		// is bundled by the throttle; the owners here hear only of their items
		var declarer = person("responder");
		var teamName = "Payments " + UUID.randomUUID();
		var team = api.post("/api/v1/teams", admin, "{\"name\": \"" + teamName + "\"}").expectStatus(201).json()
			.get("id").asString();
		api.put("/api/v1/teams/" + team + "/members/" + alice.id(), admin, null).expectStatus(200);
		api.put("/api/v1/teams/" + team + "/members/" + bob.id(), admin, null).expectStatus(200);
		var incident = declare(declarer, "SEV2");
		var today = today();
		var a = create(incident, alice, "Alice alert " + UUID.randomUUID(), alice, today.plusDays(3));
		var b = create(incident, alice, "Bob runbook " + UUID.randomUUID(), bob, today.plusDays(10));
		var c = create(incident, alice, "Carol test " + UUID.randomUUID(), carol, today.plusDays(3));
		api.post("/api/v1/action-items/" + c.id + "/complete", carol.token(), "{\"evidence\": \"PR #12 merged\"}")
			.expectStatus(200);

		assertThat(ids(list("owner=me", alice))).containsExactly(a.id);
		assertThat(ids(list("owner=" + bob.id(), alice))).containsExactly(b.id);
		assertThat(ids(list("team=" + team, alice))).containsExactly(a.id, b.id);
		assertThat(ids(list("team=" + team + "&owner=" + carol.id(), alice))).isEmpty();
		assertThat(ids(list("owner=" + carol.id() + "&state=done", alice))).containsExactly(c.id);
		assertThat(ids(list("owner=" + carol.id() + "&state=open", alice))).isEmpty();
		assertThat(pointers(api.get("/api/v1/action-items?state=late", alice.token()).problem(400))).containsExactly("/state");
		assertThat(pointers(api.get("/api/v1/action-items?owner=alice", alice.token()).problem(400))).containsExactly("/owner");
		api.get("/api/v1/action-items?team=" + UUID.randomUUID(), alice.token()).problem(404);

		// remind-before (P2D) ahead of the due day: the start of the day after today
		timePasses(Duration.between(clock.instant(), today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()).minusMinutes(1));
		assertThat(subjects(alice, a.title)).isEmpty();
		timePasses(Duration.ofMinutes(2));
		assertThat(subjects(alice, a.title)).containsExactly("[" + incident + "] Action item due on " + today.plusDays(3) + ": " + a.title);
		assertThat(subjects(carol, c.title)).isEmpty();
		assertThat(subjects(bob, b.title)).isEmpty();
		assertThat(ids(list("state=overdue&owner=me", alice))).isEmpty();

		// overdue from the day after the due day (UTC)
		timePasses(Duration.between(clock.instant(), today.plusDays(4).atStartOfDay(ZoneOffset.UTC).toInstant()).plusMinutes(1));
		assertThat(subjects(alice, a.title)).containsExactly(
				"[" + incident + "] Action item due on " + today.plusDays(3) + ": " + a.title,
				"[" + incident + "] Overdue action item (due " + today.plusDays(3) + "): " + a.title);
		assertThat(subjects(carol, c.title)).isEmpty();
		var overdue = list("state=overdue&team=" + team, alice);
		assertThat(ids(overdue)).containsExactly(a.id);
		assertThat(overdue.get("items").get(0).get("overdue").asBoolean()).isTrue();
		assertThat(list("owner=" + bob.id(), alice).get("items").get(0).get("overdue").asBoolean()).isFalse();

		var page = page("/action-items", alice);
		assertThat(page).contains("<h2>Mine</h2>").contains(a.title).contains(teamName).contains(b.title)
			.contains("id=\"overdue\"").contains("item-" + a.id).doesNotContain(c.title);
		assertThat(page("/incidents/" + incident + "/action-items", bob)).contains(a.title).contains(b.title).contains(c.title)
			.contains("Evidence: PR #12 merged").contains("No review is owed");
	}

	@Test
	void theDay30ReviewListsEveryOpenItemAndMeetsTheObligation() throws Exception {
		var commander = person("responder");
		var bob = person("responder");
		var incident = declare(commander, "SEV1");
		settle();
		var today = today();
		var soon = create(incident, commander, "Alert on queue depth " + UUID.randomUUID(), bob, today.plusDays(5));
		var later = create(incident, commander, "Load test checkout " + UUID.randomUUID(), bob, today.plusDays(60));
		var done = create(incident, commander, "Remove the flag " + UUID.randomUUID(), bob, today.plusDays(2));
		api.post("/api/v1/action-items/" + done.id + "/complete", bob.token(), "{\"evidence\": \"PR #77\"}").expectStatus(200);
		api.resolve(incident, commander.token()).expectStatus(200);
		settle();
		// the post-mortem's own steps are another capability's: set aside here, so the commander's mail is only the review's
		for (var step : List.of("draft", "review", "review-deadline", "publish")) {
			api.post("/api/v1/incidents/" + incident + "/obligations/postmortem:" + step + "/waive", commander.token(),
					"{\"reason\": \"not what this test is about\"}").expectStatus(200);
		}

		var review = api.get("/api/v1/incidents/" + incident + "/action-review", bob.token()).expectStatus(200).json();
		assertThat(review.get("obligation").get("state").asString()).isEqualTo("pending");
		assertThat(review.get("obligation").get("owner_id").asString()).isEqualTo(commander.id().toString());
		assertThat(ids(review)).containsExactly(soon.id, later.id);
		assertThat(review.get("items").get(1).get("owner").get("name").asString()).startsWith("responder ");
		assertThat(review.get("items").get(1).get("owner").get("email").asString()).isEqualTo(bob.email());

		// the obligation comes due (its reminder is 5 minutes ahead): the commander hears which items are open
		timePasses(Duration.ofDays(7));
		timePasses(Duration.ofDays(23).minusMinutes(4));
		// (with the incident module's own reminder of the review it comes bundled in one mail of titles)
		assertThat(TestMail.to(commander.email()).stream().map(TestMail::text))
			.filteredOn(text -> text.contains("[" + incident + "] Action-item review: 2 open, 1 overdue")).hasSize(1)
			.allSatisfy(text -> assertThat(text).contains("/incidents/" + incident + "/action-review"));

		review = api.get("/api/v1/incidents/" + incident + "/action-review", bob.token()).expectStatus(200).json();
		assertThat(review.get("items").values()).extracting(i -> i.get("overdue").asBoolean()).containsExactly(true, false);

		assertThat(pointers(api.post("/api/v1/incidents/" + incident + "/action-review", bob.token(), "{}").problem(400)))
			.containsExactly("/notes");
		assertThat(obligation(incident, commander).get("state").asString()).isEqualTo("due_soon");
		var held = api.post("/api/v1/incidents/" + incident + "/action-review", bob.token(),
				"{\"notes\": \"Queue alert re-planned for next sprint\"}").expectStatus(200).json();
		assertThat(held.get("obligation").get("state").asString()).isEqualTo("met");
		var outcome = obligation(incident, commander).get("outcome").asString();
		assertThat(outcome).startsWith("Action-item review held by responder ")
			.contains("Notes: Queue alert re-planned for next sprint")
			.contains("2 open: [P1] " + soon.title).contains("(OVERDUE)").contains(later.title).doesNotContain(done.title);
		assertThat(api.post("/api/v1/incidents/" + incident + "/action-review", bob.token(), "{\"notes\": \"again\"}")
			.problem(409).get("detail").asString()).contains("was met");
		assertThat(page("/incidents/" + incident + "/action-items", commander)).contains("Day-30 action-item review")
			.contains("Queue alert re-planned for next sprint");

		var minor = declare(commander, "SEV4");
		api.resolve(minor, commander.token()).expectStatus(200);
		assertThat(api.get("/api/v1/incidents/" + minor + "/action-review", bob.token()).expectStatus(200).json()
			.get("obligation").isNull()).isTrue();
		api.post("/api/v1/incidents/" + minor + "/action-review", bob.token(), "{\"notes\": \"n/a\"}").problem(409);
	}

	private record Item(String id, String title) {
	}

	private Item create(String incident, Person by, String title, Person owner, LocalDate due) {
		var id = api.post("/api/v1/incidents/" + incident + "/action-items", by.token(), """
				{"title": "%s", "owner_id": "%s", "due_on": "%s", "priority": "P1", "definition_of_done": "%s"}"""
			.formatted(title, owner.id(), due, GOOD_DONE)).expectStatus(201).json().get("id").asString();
		return new Item(id, title);
	}

	private JsonNode list(String query, Person as) {
		return api.get("/api/v1/action-items?" + query, as.token()).expectStatus(200).json();
	}

	private List<String> subjects(Person person, String title) {
		return TestMail.to(person.email()).stream().map(TestMail::subject).filter(s -> s.endsWith(title)).toList();
	}

	private JsonNode obligation(String incident, Person as) {
		return api.get("/api/v1/incidents/" + incident + "/obligations", as.token()).expectStatus(200).json().get("items")
			.values().stream().filter(o -> o.get("key").asString().equals("postmortem:action-review")).findFirst()
			.orElseThrow();
	}

	private String page(String path, Person as) throws Exception {
		var response = mvc.perform(get(path).with(user(users.loadUserByUsername(as.email())))).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private String declare(Person by, String severity) {
		return api.post("/api/v1/incidents", by.token(), """
				{"title": "Action items %s", "severity": "%s"}""".formatted(UUID.randomUUID(), severity))
			.expectStatus(201).json().get("id").asString();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}
}
