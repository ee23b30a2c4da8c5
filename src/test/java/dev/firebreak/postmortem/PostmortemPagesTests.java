package dev.firebreak.postmortem;

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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.firebreak.identity.FirebreakUser;

/** The post-mortem pages: the list, the page with its form, moves and blameless findings, the printable copy. */
class PostmortemPagesTests extends PostmortemWorld {

	@Autowired
	private UserDetailsService users;

	@Test
	void aResponderWritesTheSectionsSeesTheBlamelessFindingsAndIsToldWhatPublishingNeeds() throws Exception {
		var commander = person("responder");
		var viewer = person("viewer");
		var outsider = person("responder");
		var id = declare(commander, "SEV1");
		settle();
		resolve(id, commander, "");
		var quiet = declare(commander, "SEV3");
		resolve(quiet, commander, "");
		var pmId = postmortem(id, commander).get("id").asString();
		var as = signIn(commander);

		var redirect = call(get("/incidents/" + id + "/postmortem"), as);
		assertThat(redirect.getRedirectedUrl()).isEqualTo("/postmortems/" + pmId);
		assertThat(call(get("/incidents/" + quiet + "/postmortem"), as).getStatus()).isEqualTo(404);
		assertThat(html(call(get("/incidents/" + id), as))).contains("href=\"/incidents/" + id + "/postmortem\"");

		var list = html(call(get("/postmortems?owner=me"), as));
		assertThat(list).contains("id=\"postmortem-" + pmId + "\"").contains("Draft the post-mortem with its timeline")
			.doesNotContain(">" + quiet + "<");

		var page = html(call(get("/postmortems/" + pmId), as));
		assertThat(page).contains("id=\"sections-form\"").contains("id=\"save-sections\"").contains("id=\"schedule\"")
			.contains("time to acknowledge").contains(" to resolution</dt>").contains("every SEV1 has one")
			.doesNotContain("id=\"blameless-findings\"");

		var saved = call(post("/postmortems/" + pmId).with(csrf()).param("what_happened", "Checkout failed.")
			.param("why", "A bad config.", "Because someone forgot the review.", "", "", "")
			.param("slowed_response", "Sloppy runbooks."), as);
		assertThat(saved.getRedirectedUrl()).isEqualTo("/postmortems/" + pmId + "?saved");
		var after = html(call(get("/postmortems/" + pmId + "?saved"), as));
		assertThat(after).contains("id=\"blameless-findings\"").contains("“someone forgot”").contains("“Sloppy”")
			.contains("Checkout failed.").contains("value=\"Because someone forgot the review.\"");

		var tooLong = call(post("/postmortems/" + pmId).with(csrf()).param("what_happened", "x".repeat(10_001)), as);
		assertThat(tooLong.getStatus()).isEqualTo(400);
		assertThat(html(tooLong)).contains("id=\"pm-error\"").contains("what_happened is 10001 characters long");
		assertThat(postmortem(id, commander).get("sections").get("what_happened").asString()).isEqualTo("Checkout failed.");

		assertThat(call(post("/postmortems/" + pmId + "/status").with(csrf()).param("status", "in_review"), as)
			.getRedirectedUrl()).isEqualTo("/postmortems/" + pmId);
		var refused = call(post("/postmortems/" + pmId + "/status").with(csrf()).param("status", "published"), as);
		assertThat(refused.getStatus()).isEqualTo(409);
		assertThat(html(refused)).contains("cannot be published yet").contains("the review meeting is not recorded");
		assertThat(call(post("/postmortems/" + pmId + "/review").with(csrf()).param("held_at", "2026-03-02T09:00")
			.param("attendees", "SRE"), as).getRedirectedUrl()).isEqualTo("/postmortems/" + pmId);
		assertThat(postmortem(id, commander).get("review").get("held_at").asString()).isEqualTo("2026-03-02T09:00:00Z");

		var read = html(call(get("/postmortems/" + pmId), signIn(viewer)));
		assertThat(read).contains("Checkout failed.").doesNotContain("id=\"save-sections\"").doesNotContain("id=\"move-");
		assertThat(call(get("/postmortems/" + pmId), signIn(outsider)).getStatus()).isEqualTo(200);

		var print = html(call(get("/postmortems/" + pmId + "/print"), as));
		assertThat(print).contains("Post-mortem: " + id).contains("@media print").contains("Because someone forgot the review.")
			.contains(" to resolution</th>")
			.doesNotContain("<nav").doesNotContain("<form");
	}

	private FirebreakUser signIn(Person person) {
		return (FirebreakUser) users.loadUserByUsername(person.email());
	}

	private MockHttpServletResponse call(MockHttpServletRequestBuilder request, FirebreakUser as) throws Exception {
		return mvc.perform(request.with(user(as))).andReturn().getResponse();
	}

	private static String html(MockHttpServletResponse response) throws Exception {
		return response.getContentAsString(StandardCharsets.UTF_8);
	}
}
