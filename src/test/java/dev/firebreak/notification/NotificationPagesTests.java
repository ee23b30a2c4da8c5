package dev.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.incident.Declaration;
import dev.firebreak.incident.Severity;

/** A person sets up how they are reached on their own page, and sees who was notified on an incident. */
class NotificationPagesTests extends NotificationTest {

	@Autowired
	UserDetailsService users;

	@Test
	void aPersonAddsVerifiesAndTestsAnEmailAndAddsARule() throws Exception {
		var olga = person("responder");
		var me = signedIn(olga);
		var address = address("olga");

		var empty = mvc.perform(get("/me/notifications").with(user(me))).andReturn().getResponse();
		assertThat(empty.getStatus()).isEqualTo(200);
		assertThat(empty.getContentAsString(StandardCharsets.UTF_8)).contains("No contact methods yet", "My notifications");

		var added = mvc.perform(post("/me/notifications/contact-methods").with(user(me)).with(csrf())
			.param("type", "email").param("address", address).param("label", "Work mail")).andReturn().getResponse();
		assertThat(added.getStatus()).isEqualTo(302);
		var id = api.get(methods(olga), olga.token()).json().get("items").get(0).get("id").asString();

		var wrong = mvc.perform(post("/me/notifications/contact-methods/" + id + "/verify").with(user(me)).with(csrf())
			.param("code", lastCode(address).equals("000000") ? "111111" : "000000")).andReturn().getResponse();
		assertThat(wrong.getStatus()).isEqualTo(400);
		assertThat(wrong.getContentAsString(StandardCharsets.UTF_8)).contains("not the code that was sent");

		var verified = mvc.perform(post("/me/notifications/contact-methods/" + id + "/verify").with(user(me)).with(csrf())
			.param("code", lastCode(address))).andReturn().getResponse();
		assertThat(verified.getStatus()).isEqualTo(302);
		var testForm = testForm(mvc.perform(get("/me/notifications").with(user(me))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8), id);
		assertThat(testForm).as("the verified method's row has a 'Send me a test' form").isNotNull();
		assertThat(testForm).contains("method=\"post\"", "Send me a test");
		var action = ACTION.matcher(testForm);
		assertThat(action.find()).isTrue();
		assertThat(action.group(1)).isEqualTo("/me/notifications/contact-methods/" + id + "/test");
		var tested = mvc.perform(post(action.group(1)).with(user(me)).with(csrf())).andReturn().getResponse();
		assertThat(tested.getStatus()).isEqualTo(302);
		assertThat(pages(address)).extracting(TestMail::subject).containsExactly("Firebreak test message");

		var ruled = mvc.perform(post("/me/notifications/rules").with(user(me)).with(csrf()).param("urgency", "high")
			.param("contact_method_id", id).param("delay_minutes", "0")).andReturn().getResponse();
		assertThat(ruled.getStatus()).isEqualTo(302);

		var page = mvc.perform(get("/me/notifications").with(user(me))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Work mail", address, "verified", "after 0 min: Work mail (email)",
				"href=\"/me/notifications\"");
	}

	@Test
	void aViewerSeesTheirPageButCannotChangeIt() throws Exception {
		var viewer = signedIn(person("viewer"));

		var page = mvc.perform(get("/me/notifications").with(user(viewer))).andReturn().getResponse();
		assertThat(page.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Add a contact method");

		var refused = mvc.perform(post("/me/notifications/contact-methods").with(user(viewer)).with(csrf())
			.param("type", "email").param("address", address("viewer"))).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(403);
	}

	@Test
	void theIncidentPageCanLoadWhoWasNotified() throws Exception {
		var pia = person("responder");
		var address = address("pia");
		rule(pia, "high", verifiedEmail(pia, address), 0);
		var incident = incident("Fragment", Severity.SEV2, List.of());
		page(key(), pia, incident, "level 1");
		settle();
		var reader = signedIn(person("viewer"));

		var fragment = mvc.perform(get("/incidents/" + incident.id() + "/notifications").with(user(reader))).andReturn()
			.getResponse();

		assertThat(fragment.getStatus()).isEqualTo(200);
		var html = fragment.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("id=\"notifications\"", address, "sent", "smtp accepted").doesNotContain("<html");

		var hidden = incidents.declare(new Declaration("Private " + incident.title(), null, Severity.SEV2, null, List.of(),
				null, false, false, false, true, null, null), pia.id());
		assertThat(mvc.perform(get("/incidents/" + hidden.id() + "/notifications").with(user(reader))).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
	}

	private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

	/** The form in the method's row whose button is "Send me a test"; null when the row has none. */
	private static String testForm(String html, String methodId) {
		var row = Pattern.compile("<tr[^>]*id=\"method-" + Pattern.quote(methodId) + "\".*?</tr>", Pattern.DOTALL)
			.matcher(html);
		assertThat(row.find()).as("a row for contact method %s", methodId).isTrue();
		var forms = Pattern.compile("<form\\b.*?</form>", Pattern.DOTALL).matcher(row.group());
		while (forms.find()) {
			if (forms.group().contains(">Send me a test</button>")) {
				return forms.group();
			}
		}
		return null;
	}

	private FirebreakUser signedIn(Person person) {
		return (FirebreakUser) users.loadUserByUsername(person.email());
	}
}
