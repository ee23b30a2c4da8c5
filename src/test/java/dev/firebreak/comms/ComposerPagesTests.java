package dev.firebreak.comms;

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

/** The composer the incident page loads: updates by audience, the template, the inline writing check, posting. */
class ComposerPagesTests extends ApiTest {

	@Autowired
	private UserDetailsService users;

	private Person responder;

	private FirebreakUser signedIn;

	private CommsWorld world;

	@BeforeEach
	void aWorld() {
		responder = person("responder");
		signedIn = (FirebreakUser) users.loadUserByUsername(responder.email());
		world = new CommsWorld(api, adminToken());
		// public updates name components the status page lists
		for (var name : new String[] { "Card payments", "Cart", "Checkout" }) {
			dev.firebreak.statuspage.StatusPageWorld.ensureComponent(api, adminToken(), name);
		}
	}

	private static String html(MockHttpServletResponse response) throws Exception {
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void theIncidentPageLoadsTheComposerWhichListsTheUpdatesByAudience() throws Exception {
		var incident = world.declare(responder.token(), "SEV2", false);
		world.post(incident, responder.token(), """
				{"audience": "internal", "text": "Rolling back the deploy."}""").expectStatus(201);

		var page = html(mvc.perform(get("/incidents/" + incident).with(user(signedIn))).andReturn().getResponse());
		var composer = mvc.perform(get("/incidents/" + incident + "/updates").with(user(signedIn))).andReturn().getResponse();

		assertThat(page).contains("hx-get=\"/incidents/" + incident + "/updates\"");
		assertThat(composer.getStatus()).isEqualTo(200);
		assertThat(html(composer)).contains("id=\"status-updates\"").contains("id=\"updates-internal\"")
			.contains("Rolling back the deploy.").contains("id=\"composer-form\"")
			.contains("hx-post=\"/incidents/" + incident + "/updates/check\"")
			.contains("keyup changed delay:500ms").contains("Use template").contains("name=\"_csrf\"");
	}

	@Test
	void theCheckMarksTheOffendingWordsWithTheSuggestionAndAsksForAReason() throws Exception {
		var service = world.service("orders-db");
		var name = world.serviceName(service);
		var incident = world.declare(responder.token(), "SEV2", false, service);

		var checked = html(mvc.perform(post("/incidents/" + incident + "/updates/check").with(user(signedIn)).with(csrf())
			.param("audience", "public").param("phase", "investigating")
			.param("text", "The " + name + " is slow. Next update by 10:30 UTC.")).andReturn().getResponse());
		var clean = html(mvc.perform(post("/incidents/" + incident + "/updates/check").with(user(signedIn)).with(csrf())
			.param("audience", "public").param("phase", "investigating")
			.param("text", "Orders are slow. Next update by 10:30 UTC.")).andReturn().getResponse());

		assertThat(checked).contains("<mark>" + name + "</mark>").contains("class=\"suggestion\"")
			.contains("name=\"override_reason\"");
		assertThat(clean).contains("id=\"update-findings\"").doesNotContain("<mark>").doesNotContain("override_reason");
	}

	@Test
	void theTemplateButtonFillsTheTextArea() throws Exception {
		var incident = world.declare(responder.token(), "SEV1", false);

		var text = html(mvc.perform(get("/incidents/" + incident + "/updates/template").with(user(signedIn))
			.param("audience", "public").param("phase", "investigating")).andReturn().getResponse());

		assertThat(text).startsWith("<textarea").contains("id=\"update-text\"")
			.contains("We are investigating reports of this problem").contains("UTC");
	}

	@Test
	void postingFromTheFormKeepsTheDraftWithItsFindingsUntilAReasonIsGiven() throws Exception {
		var service = world.service("cart-svc");
		var name = world.serviceName(service);
		var incident = world.declare(responder.token(), "SEV2", false, service);
		var text = "The " + name + " is slow. Next update by 10:30 UTC.";

		var refused = mvc.perform(post("/incidents/" + incident + "/updates").with(user(signedIn)).with(csrf())
			.header("HX-Request", "true").param("audience", "public").param("phase", "investigating")
			.param("components", "Cart").param("text", text)).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(html(refused)).contains("<mark>" + name + "</mark>").contains("name=\"override_reason\"")
			.contains(text);
		assertThat(api.get("/api/v1/incidents/" + incident + "/status-updates", responder.token()).json().get("total")
			.asInt()).isZero();

		var posted = mvc.perform(post("/incidents/" + incident + "/updates").with(user(signedIn)).with(csrf())
			.header("HX-Request", "true").param("audience", "public").param("phase", "investigating")
			.param("components", "Cart, Checkout").param("text", text).param("override_reason", "Customers know it"))
			.andReturn().getResponse();
		assertThat(posted.getStatus()).isEqualTo(200);
		assertThat(html(posted)).contains("Posted the public update").contains("Customers know it");
		var stored = api.get("/api/v1/incidents/" + incident + "/status-updates", responder.token()).json().get("items").get(0);
		assertThat(stored.get("components").values()).extracting(c -> c.asString()).containsExactly("Cart", "Checkout");

		var plain = mvc.perform(post("/incidents/" + incident + "/updates").with(user(signedIn)).with(csrf())
			.param("audience", "internal").param("phase", "identified").param("text", "Rolled back.")).andReturn()
			.getResponse();
		assertThat(plain.getStatus()).isEqualTo(302);
		assertThat(plain.getRedirectedUrl()).isEqualTo("/incidents/" + incident);
	}

	@Test
	void badInputAnswersWithTheProblemPage() throws Exception {
		var incident = world.declare(responder.token(), "SEV2", false);

		var empty = mvc.perform(post("/incidents/" + incident + "/updates").with(user(signedIn)).with(csrf())
			.param("audience", "internal").param("text", " ")).andReturn().getResponse();
		var missing = mvc.perform(get("/incidents/INC-999999999/updates").with(user(signedIn))).andReturn().getResponse();
		var nonsense = mvc.perform(get("/incidents/" + incident + "/updates/template").with(user(signedIn))
			.param("audience", "everyone")).andReturn().getResponse();

		assertThat(empty.getStatus()).isEqualTo(400);
		assertThat(html(empty)).contains("text is required").contains("Back to the incidents");
		assertThat(missing.getStatus()).isEqualTo(404);
		assertThat(html(missing)).contains("No such incident");
		assertThat(nonsense.getStatus()).isEqualTo(400);
		assertThat(html(nonsense)).contains("internal, stakeholders, public");
		assertThat(api.get("/api/v1/incidents/" + incident + "/status-updates", responder.token()).json().get("total")
			.asInt()).isZero();
	}
}
