package dev.firebreak.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.firebreak.ApiTest;
import dev.firebreak.FakeProviders;
import dev.firebreak.identity.FirebreakUser;

/** The hand-off part of a schedule's page: the latest notes, writing one, and the announce channel. */
class HandoffPagesTests extends ApiTest {

	@Autowired
	UserDetailsService users;

	private String admin;

	private Person ada;

	private FirebreakUser responder;

	private String schedule;

	@BeforeEach
	void aSchedule() {
		admin = adminToken();
		ada = person("responder");
		responder = (FirebreakUser) users.loadUserByUsername(ada.email());
		schedule = api.post("/api/v1/schedules", admin, "{\"name\": \"Pages %s\", \"time_zone\": \"UTC\"}"
			.formatted(UUID.randomUUID().toString().substring(0, 8))).expectStatus(201).json().get("id").asString();
	}

	@Test
	void aResponderWritesANoteAndChoosesTheChannelOnTheSchedulesPage() throws Exception {
		var hook = "page-" + UUID.randomUUID();
		var channel = api.post("/api/v1/notification-channels", admin, "{\"name\": \"%s\", \"type\": \"webhook\", \"url\": \"%s\"}"
			.formatted(hook, FakeProviders.webhookUrl(hook))).expectStatus(201).json().get("id").asString();

		var empty = page(get("/schedules/" + schedule).with(user(responder)));
		assertThat(empty).contains("No hand-off notes yet.").contains("Your hand-off note").contains("No channel.")
			.contains("value=\"" + channel + "\"");

		var saved = mvc.perform(post("/schedules/" + schedule + "/handoff-notes").with(user(responder)).with(csrf())
			.param("text", "Payments retries are noisy <b>tonight</b>.")).andReturn().getResponse();
		assertThat(saved.getRedirectedUrl()).isEqualTo("/schedules/" + schedule + "#handoff-heading");
		var chosen = mvc.perform(post("/schedules/" + schedule + "/announce-channel").with(user(responder)).with(csrf())
			.param("channelId", channel)).andReturn().getResponse();
		assertThat(chosen.getRedirectedUrl()).isEqualTo("/schedules/" + schedule + "#handoff-heading");

		var html = page(get("/schedules/" + schedule).with(user(responder)));
		var notes = html.substring(html.indexOf("id=\"handoff-notes\""));
		assertThat(notes).contains("Payments retries are noisy &lt;b&gt;tonight&lt;/b&gt;.").contains("(latest)");
		assertThat(html).contains("Posted to").contains(hook).contains("selected=\"selected\"");
		assertThat(api.get("/api/v1/schedules/" + schedule + "/handoff-notes", ada.token()).json().get("items").get(0)
			.get("author_id").asString()).isEqualTo(ada.id().toString());

		mvc.perform(post("/schedules/" + schedule + "/announce-channel").with(user(responder)).with(csrf())
			.param("channelId", "")).andReturn();
		assertThat(api.get("/api/v1/schedules/" + schedule + "/announce-channel", ada.token()).json().get("channel_id")
			.isNull()).isTrue();
	}

	@Test
	void aRefusedNoteComesBackWithItsMessageAndChangesNothing() throws Exception {
		var tooLong = "z".repeat(4001);

		// the flashed refusal lives in the (JDBC) session until the page after the redirect reads it
		var refused = mvc.perform(post("/schedules/" + schedule + "/handoff-notes").with(user(responder)).with(csrf())
			.param("text", tooLong)).andReturn().getResponse();
		assertThat(refused.getRedirectedUrl()).isEqualTo("/schedules/" + schedule + "#handoff-heading");
		var again = page(get("/schedules/" + schedule).with(user(responder)).cookie(refused.getCookies()));
		assertThat(again).contains("text is 4001 characters long; the limit is 4000").contains(tooLong);

		var unknown = mvc.perform(post("/schedules/" + schedule + "/announce-channel").with(user(responder)).with(csrf())
			.param("channelId", UUID.randomUUID().toString())).andReturn().getResponse();
		var channelAgain = page(get("/schedules/" + schedule).with(user(responder)).cookie(unknown.getCookies()));
		assertThat(channelAgain).contains("There is no chat channel");
		assertThat(api.get("/api/v1/schedules/" + schedule + "/handoff-notes", ada.token()).json().get("total").asInt())
			.isZero();
		assertThat(api.get("/api/v1/schedules/" + schedule + "/announce-channel", ada.token()).json().get("channel_id")
			.isNull()).isTrue();
	}

	@Test
	void viewersReadTheNotesButHaveNoForms() throws Exception {
		api.post("/api/v1/schedules/" + schedule + "/handoff-notes", ada.token(), "{\"text\": \"Quiet week.\"}")
			.expectStatus(201);
		var viewer = (FirebreakUser) users.loadUserByUsername(person("viewer").email());

		var html = page(get("/schedules/" + schedule).with(user(viewer)));

		assertThat(html).contains("Quiet week.").doesNotContain("Your hand-off note").doesNotContain("Save channel");
		for (var path : new String[] { "/handoff-notes", "/announce-channel" }) {
			assertThat(mvc.perform(post("/schedules/" + schedule + path).with(user(viewer)).with(csrf())
				.param("text", "x").param("channelId", "")).andReturn().getResponse().getStatus()).as(path).isEqualTo(403);
		}
		assertThat(api.get("/api/v1/schedules/" + schedule + "/handoff-notes", ada.token()).json().get("total").asInt())
			.isEqualTo(1);
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		var response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as("status of %s", response.getContentAsString()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}
}
