package dev.firebreak.statuspage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;

import dev.firebreak.ApiTest;
import dev.firebreak.identity.FirebreakUser;

/**
 * "Preview on the status page" from the incident's composer: the public page as it would look
 * with the drafted update, under a banner, while nothing is posted or changed.
 */
class StatusPagePreviewTests extends ApiTest {

	private static final String BANNER = "Preview — not published.";

	@Autowired
	private UserDetailsService users;

	private String admin;

	private StatusPageWorld world;

	private Person responder;

	private FirebreakUser signedIn;

	@BeforeEach
	void world() {
		admin = adminToken();
		world = new StatusPageWorld(api, admin);
		responder = person("responder");
		signedIn = (FirebreakUser) users.loadUserByUsername(responder.email());
	}

	@Test
	void thePreviewShowsTheWouldBeUpdateAndComponentStatusAndChangesNothing() throws Exception {
		var service = world.service("payments-api");
		var name = StatusPageWorld.unique("Card payments");
		var component = world.component(name, null, service).get("id").asString();
		var incident = world.declare(responder.token(), "payments-api returns 500", "SEV1", false, service);
		settle();
		var summary = api.get("/status/api/v2/summary.json", null).expectStatus(200).body();
		var revision = revision();
		var text = "Card payments fail for most customers. Next update within 30 minutes.";

		var preview = mvc.perform(post("/status-page/preview").param("incident", incident).with(user(signedIn)).with(csrf())
			.param("audience", "public").param("phase", "investigating").param("components", name).param("text", text))
			.andReturn().getResponse();

		assertThat(preview.getStatus()).isEqualTo(200);
		assertThat(preview.getHeader("Cache-Control")).isEqualTo("no-store");
		var html = html(preview);
		assertThat(html).contains("id=\"preview-banner\"").contains(BANNER).contains(incident)
			.contains("Major outage of " + name).contains(text).contains("Major Service Outage")
			.doesNotContain("payments-api");
		var row = html.substring(html.indexOf("id=\"component-" + component + "\""));
		assertThat(row.substring(0, row.indexOf("class=\"bar\""))).contains("Major outage");

		settle();
		assertThat(api.get("/status/api/v2/summary.json", null).body()).isEqualTo(summary);
		assertThat(revision()).isEqualTo(revision);
		assertThat(api.get("/api/v1/incidents/" + incident + "/status-updates", responder.token()).json().get("total")
			.asInt()).isZero();
		var page = api.get("/status", null).expectStatus(200).body();
		assertThat(page).doesNotContain(text).doesNotContain("Major outage of " + name).doesNotContain(BANNER);
	}

	@Test
	void previewingAResolutionReturnsTheComponentsAndKeepsTheEarlierUpdates() throws Exception {
		var name = StatusPageWorld.unique("Checkout");
		var component = world.component(name, null).get("id").asString();
		var incident = world.declare(responder.token(), "checkout slow", "SEV2", false);
		world.publicUpdate(incident, responder.token(), "identified", "Checkout is slow; we found why. Next update within 30 minutes.", name);
		settle();
		var summary = world.json("summary.json");
		assertThat(StatusPageWorld.byId(summary.get("components"), component).get("status").asString())
			.isEqualTo("partial_outage");

		var html = html(mvc.perform(post("/status-page/preview").param("incident", incident).with(user(signedIn))
			.with(csrf()).param("audience", "public").param("phase", "resolved").param("components", "")
			.param("text", "Checkout is fast again.")).andReturn().getResponse());

		assertThat(html).contains(BANNER);
		assertThat(html.substring(html.indexOf("id=\"past\""))).contains("Checkout is fast again.")
			.contains("Checkout is slow; we found why. Next update within 30 minutes.").contains("Partial outage of " + name);
		var row = html.substring(html.indexOf("id=\"component-" + component + "\""));
		assertThat(row.substring(0, row.indexOf("class=\"bar\""))).contains("Operational").doesNotContain("Partial outage");
		var active = html.indexOf("id=\"active\"") < 0 ? "" : html.substring(html.indexOf("id=\"active\""),
				html.indexOf("id=\"components\""));
		assertThat(active).doesNotContain("Checkout is fast again.");
		assertThat(world.json("summary.json").toString()).isEqualTo(summary.toString());
	}

	@Test
	void thePreviewIsRefusedForPrivateIncidentsOtherAudiencesUnknownComponentsAndViewers() throws Exception {
		var name = StatusPageWorld.unique("Search");
		world.component(name, null);
		var secret = world.declare(responder.token(), "secret thing", "SEV2", true);
		var open = world.declare(responder.token(), "open thing", "SEV3", false);

		var hidden = preview(signedIn, secret, "public", "investigating", name, "Search is slow.");
		var internal = preview(signedIn, open, "internal", "investigating", name, "Search is slow.");
		var unknown = preview(signedIn, open, "public", "investigating", "Sarch", "Search is slow.");
		var noText = preview(signedIn, open, "public", "investigating", name, " ");
		var viewer = (FirebreakUser) users.loadUserByUsername(person("viewer").email());
		var refused = preview(viewer, open, "public", "investigating", name, "Search is slow.");

		assertThat(hidden.getStatus()).isEqualTo(409);
		assertThat(html(hidden)).contains("private incidents never reach the status page").doesNotContain(BANNER);
		assertThat(internal.getStatus()).isEqualTo(400);
		assertThat(html(internal)).contains("only public updates reach the status page");
		assertThat(unknown.getStatus()).isEqualTo(400);
		assertThat(html(unknown)).contains("no component named &quot;Sarch&quot;").contains(name);
		assertThat(noText.getStatus()).isEqualTo(400);
		assertThat(html(noText)).contains("text is required");
		assertThat(refused.getStatus()).isEqualTo(403);
	}

	@Test
	void theComposerOffersThePreviewForIncidentsThatCanReachThePage() throws Exception {
		var open = world.declare(responder.token(), "open thing", "SEV3", false);
		var secret = world.declare(responder.token(), "secret thing", "SEV3", true);

		var composer = html(mvc.perform(get("/incidents/" + open + "/updates").with(user(signedIn))).andReturn()
			.getResponse());
		var hidden = html(mvc.perform(get("/incidents/" + secret + "/updates").with(user(signedIn))).andReturn()
			.getResponse());

		assertThat(composer).contains("id=\"preview-on-status-page\"").contains("formtarget=\"_blank\"")
			.contains("formaction=\"/status-page/preview?incident=" + open + "\"").contains("Preview on the status page");
		assertThat(hidden).doesNotContain("Preview on the status page");
	}

	private MockHttpServletResponse preview(FirebreakUser who, String incident, String audience, String phase,
			String components, String text) throws Exception {
		return mvc.perform(post("/status-page/preview").param("incident", incident).with(user(who)).with(csrf())
			.param("audience", audience).param("phase", phase).param("components", components).param("text", text))
			.andReturn().getResponse();
	}

	private long revision() {
		return api.get("/api/v1/status-page/settings", admin).json().get("revision").asLong();
	}

	private static String html(MockHttpServletResponse response) throws Exception {
		return response.getContentAsString(StandardCharsets.UTF_8);
	}
}
