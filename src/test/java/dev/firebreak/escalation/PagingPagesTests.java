package dev.firebreak.escalation;

import static dev.firebreak.escalation.PagingWorld.level;
import static dev.firebreak.escalation.PagingWorld.who;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import dev.firebreak.ApiTest;
import dev.firebreak.identity.FirebreakUser;

/** The paging parts of the incident page: the escalation, who was notified, and acknowledging from the page. */
class PagingPagesTests extends ApiTest {

	@Autowired
	private UserDetailsService users;

	private PagingWorld world;

	@BeforeEach
	void aWorld() {
		world = new PagingWorld(api, adminToken());
	}

	@Test
	void theIncidentPageShowsTheEscalationAndWhoWasNotifiedAndAcknowledgingStopsIt() throws Exception {
		var alice = world.reachable(person("responder"), "email", 0);
		var bob = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)), level(ofMinutes(5), who(bob)));
		var incident = world.declare("SEV1", checkout);
		settle();
		var signedIn = (FirebreakUser) users.loadUserByUsername(alice.email());

		var page = html(mvc.perform(get("/incidents/" + incident).with(user(signedIn))).andReturn().getResponse());
		assertThat(page).contains("hx-get=\"/incidents/" + incident + "/escalations\"")
			.contains("hx-get=\"/incidents/" + incident + "/notifications\"")
			.contains("id=\"acknowledge-form\"");
		var escalation = html(mvc.perform(get("/incidents/" + incident + "/escalations").with(user(signedIn))).andReturn().getResponse());
		assertThat(escalation).contains("level 1, high urgency").contains("next level at");
		var notified = html(mvc.perform(get("/incidents/" + incident + "/notifications").with(user(signedIn))).andReturn().getResponse());
		assertThat(notified).contains("email").contains("sent");

		var acknowledged = mvc.perform(post("/incidents/" + incident + "/acknowledge").with(user(signedIn)).with(csrf()))
			.andReturn().getResponse();
		assertThat(acknowledged.getStatus()).isEqualTo(302);
		timePasses(ofMinutes(10));

		assertThat(world.pagesTo(incident, bob)).isEmpty();
		assertThat(html(mvc.perform(get("/incidents/" + incident + "/escalations").with(user(signedIn))).andReturn()
			.getResponse())).contains("acknowledged").doesNotContain("next level at");
		assertThat(html(mvc.perform(get("/incidents/" + incident).with(user(signedIn))).andReturn().getResponse()))
			.doesNotContain("id=\"acknowledge-form\"");
	}

	@Test
	void anEscalationThatRanOutIsShownAsSuch() throws Exception {
		var alice = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)));
		var incident = world.declare("SEV2", checkout);
		timePasses(ofMinutes(5));
		var signedIn = (FirebreakUser) users.loadUserByUsername(alice.email());

		assertThat(html(mvc.perform(get("/incidents/" + incident + "/escalations").with(user(signedIn))).andReturn()
			.getResponse())).contains("unacknowledged after escalation");
	}

	@Test
	void theIncidentListAndTheIncidentPageShowAnIncidentUnacknowledgedAfterEscalationUntilItIsAcknowledged()
			throws Exception {
		var alice = world.reachable(person("responder"), "email", 0);
		var checkout = world.service("checkout");
		world.policy(checkout, level(ofMinutes(5), who(alice)));
		var quiet = world.declare("SEV2", checkout);
		var flagged = world.declare("SEV2", checkout);
		settle();
		world.acknowledge(quiet, alice);
		timePasses(ofMinutes(5));
		var signedIn = (FirebreakUser) users.loadUserByUsername(alice.email());

		var list = html(mvc.perform(get("/").with(user(signedIn))).andReturn().getResponse());
		assertThat(row(list, flagged)).contains("unacknowledged after escalation");
		assertThat(row(list, quiet)).doesNotContain("unacknowledged after escalation");
		assertThat(html(mvc.perform(get("/incidents/" + flagged).with(user(signedIn))).andReturn().getResponse()))
			.contains("class=\"tag alarm\"").contains("unacknowledged after escalation");

		world.acknowledge(flagged, alice);
		settle();
		assertThat(row(html(mvc.perform(get("/").with(user(signedIn))).andReturn().getResponse()), flagged))
			.doesNotContain("unacknowledged after escalation");
		assertThat(html(mvc.perform(get("/incidents/" + flagged).with(user(signedIn))).andReturn().getResponse()))
			.doesNotContain("class=\"tag alarm\"");
	}

	/** The list's row of an incident, from its number to the end of the row. */
	private static String row(String list, String incident) {
		var start = list.indexOf(">" + incident + "</a>");
		assertThat(start).as("%s is in the list", incident).isNotNegative();
		return list.substring(start, list.indexOf("</tr>", start));
	}

	@Test
	void anIncidentThatIsNotThereIsAProblemPageInWords() throws Exception {
		var someone = (FirebreakUser) users.loadUserByUsername(person("responder").email());

		var missing = mvc.perform(get("/incidents/INC-999999/escalations").with(user(someone))).andReturn().getResponse();

		assertThat(missing.getStatus()).isEqualTo(404);
		assertThat(missing.getContentAsString(StandardCharsets.UTF_8)).contains("No incident INC-999999")
			.contains("Back to the escalation policies");
	}

	private static String html(org.springframework.mock.web.MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}
}
