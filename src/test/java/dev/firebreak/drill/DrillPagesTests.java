package dev.firebreak.drill;

import static dev.firebreak.drill.DrillWorld.who;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.RequestBuilder;

import dev.firebreak.ApiTest;
import dev.firebreak.identity.FirebreakUser;

/** A responder starts a drill from the drills page, reads its report, and sees DRILL on the incident. */
class DrillPagesTests extends ApiTest {

	@Autowired
	UserDetailsService users;

	@Test
	void aResponderStartsADrillFromThePageAndReadsItsReportWhileAViewerOnlyReads() throws Exception {
		var world = new DrillWorld(api, adminToken());
		var dan = person("responder");
		var viewer = person("viewer");
		var search = world.service("search");
		var lonely = world.service("lonely");
		world.policy(search, who(world.reachable(person("responder"))));
		var me = signedIn(dan);

		var list = page(get("/drills").with(user(me)));
		assertThat(list.getStatus()).isEqualTo(200);
		assertThat(body(list)).contains("Start a drill", "Fire drills");
		assertThat(body(page(get("/drills").with(user(signedIn(viewer)))))).doesNotContain("Start the drill");

		var refused = page(post("/drills").with(user(me)).with(csrf()).param("service_id", lonely.toString())
			.param("severity", "SEV3"));
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(body(refused)).contains("no escalation policy");
		assertThat(page(post("/drills").with(user(signedIn(viewer))).with(csrf()).param("service_id", search.toString()))
			.getStatus()).isEqualTo(403);

		var started = page(post("/drills").with(user(me)).with(csrf()).param("service_id", search.toString())
			.param("severity", "SEV3").param("summary", "Search latency drill"));
		assertThat(started.getStatus()).isEqualTo(302);
		var report = started.getRedirectedUrl();
		assertThat(report).startsWith("/drills/");
		settle();
		var shown = body(page(get(report).with(user(me))));
		assertThat(shown).contains("DRILL", "SEV3 drill on search-", "Search latency drill", "Time to acknowledge",
				"End the drill", "This is the service's first drill.");
		var incident = api.get("/api/v1/drills/" + report.substring("/drills/".length()), dan.token()).expectStatus(200)
			.json().get("drill").get("incident_id").asString();
		assertThat(body(page(get("/incidents/" + incident).with(user(me))))).contains("class=\"tag drill\"");
		assertThat(body(page(get("/").with(user(me))))).contains("class=\"tag drill\"");

		var ended = page(post(report + "/end").with(user(me)).with(csrf()));
		assertThat(ended.getStatus()).isEqualTo(302);
		settle();
		assertThat(body(page(get(report).with(user(me))))).doesNotContain("End the drill").contains("by " + me.account().displayName());
		assertThat(page(get("/drills/not-a-drill").with(user(me))).getStatus()).isEqualTo(404);
	}

	private MockHttpServletResponse page(RequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

	private static String body(MockHttpServletResponse response) throws Exception {
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private FirebreakUser signedIn(Person person) {
		return (FirebreakUser) users.loadUserByUsername(person.email());
	}
}
