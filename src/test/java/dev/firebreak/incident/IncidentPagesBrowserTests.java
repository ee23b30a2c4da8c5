package dev.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.firebreak.BrowserTest;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.platform.Page;

/**
 * The incident pages as a responder uses them: in a real headless Chromium against the running
 * application, plus the refusals that need no browser (CSRF, roles, privacy, bad input) through
 * MockMvc.
 */
class IncidentPagesBrowserTests extends BrowserTest {

	@Autowired
	Incidents incidents;

	@Autowired
	UserDetailsService users;

	// ---- in the browser ----

	@Test
	void respondsToAnIncidentFromDeclarationToMitigation() throws IOException {
		signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
		var title = "Checkout fails for card payments " + UUID.randomUUID().toString().substring(0, 8);

		open("/");
		type(By.id("title"), title);
		type(By.id("summary"), "Payments time out at the provider.");
		new Select(browser().findElement(By.id("source"))).selectByValue("customer_report");
		browser().findElement(By.name("customerReported")).click();
		submit(By.cssSelector("section.declare form"));

		waitUntil(ExpectedConditions.urlMatches("/incidents/INC-\\d+$"));
		var number = Incident.parseNumber(browser().getCurrentUrl().replaceAll(".*/incidents/", ""));
		assertThat(text(By.id("incident-title"))).isEqualTo(title);
		assertThat(text(By.id("current-status"))).isEqualTo("triage");
		assertThat(text(By.id("current-severity"))).isEqualTo("unclassified");
		assertThat(text(By.id("milestone-acknowledged"))).isEqualTo("—");
		assertThat(text(By.id("role-incident_commander"))).contains("Administrator").contains("(you)");

		// a note through htmx: the timeline changes, the page (and what a script left on it) stays
		assertThat(browser().executeScript("return typeof window.htmx")).isEqualTo("object");
		browser().executeScript("window.firebreakMarker = 'the same page'");
		// without the form's hidden token, only the header htmx takes from <body hx-headers> passes CSRF
		browser().executeScript("document.querySelector('#note-form input[name=_csrf]').remove()");
		var note = "Provider status page is green; our timeouts started at 09:52 UTC.";
		type(By.id("note-text"), note);
		submit(By.id("note-form"));
		waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), note));
		assertThat(browser().executeScript("return window.firebreakMarker")).isEqualTo("the same page");
		assertThat(browser().findElement(By.id("note-text")).getDomProperty("value")).isEmpty();
		assertThat(text(By.cssSelector("#timeline li.kind-note"))).contains("Administrator").contains(note)
			.containsPattern(UTC_TIME);

		clock.advance(Duration.ofMinutes(3));
		browser().findElement(By.cssSelector("button[name='status'][value='investigating']")).click();
		waitUntil(ExpectedConditions.textToBe(By.id("current-status"), "investigating"));
		assertThat(text(By.id("milestone-acknowledged"))).matches(UTC_TIME);
		assertThat(browser().findElements(By.cssSelector("button[name='status'][value='triage']"))).isEmpty();
		assertThat(browser().findElements(By.cssSelector("button[name='status'][value='identified']"))).hasSize(1);

		new Select(browser().findElement(By.id("new-severity"))).selectByValue("SEV2");
		var reason = "Card payments fail for some customers";
		type(By.id("severity-reason"), reason);
		submit(By.id("severity-reason"));
		waitUntil(ExpectedConditions.textToBe(By.id("current-severity"), "SEV2"));
		assertThat(text(By.id("timeline"))).contains(reason);

		// the commander role was handed to someone else; the admin takes it back from the page
		var responder = person("responder");
		incidents.assignRole(number, IncidentRole.INCIDENT_COMMANDER, responder.id(), null);
		browser().navigate().refresh();
		assertThat(text(By.id("role-incident_commander"))).doesNotContain("(you)");
		browser().findElement(By.cssSelector("#role-incident_commander button")).click();
		waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("role-incident_commander"), "(you)"));
		assertThat(text(By.id("role-incident_commander"))).contains("Administrator");
		assertThat(incidents.find(number).orElseThrow().roles()).containsEntry(IncidentRole.INCIDENT_COMMANDER,
				admin().id());

		new Select(browser().findElement(By.id("lever"))).selectByValue("rollback");
		type(By.id("mitigation-description"), "Rolled back the payment client to 4.2.1.");
		browser().findElement(By.name("mitigated")).click();
		submit(By.id("mitigation-description"));
		waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("ul.mitigations"),
				"Rolled back the payment client"));
		assertThat(text(By.id("milestone-mitigated"))).matches(UTC_TIME);

		screenshot("incident.png");

		open("/");
		assertThat(text(By.cssSelector("table.list"))).contains("INC-" + number).contains(title).contains("SEV2")
			.contains("investigating").contains("Administrator");
		screenshot("incidents.png");
	}

	@Test
	void aWrongPasswordIsToldOnTheSignInPage() throws IOException {
		trySignIn(ADMIN_EMAIL, "not the password");
		waitUntil(ExpectedConditions.urlContains("/login?error"));
		assertThat(text(By.cssSelector("main .error"))).contains("do not match");
		assertThat(browser().findElements(By.cssSelector("header .me"))).isEmpty();
		screenshot("sign-in-error.png");
	}

	@Test
	void aBlankTitleIsAnsweredOnTheFormWithoutAStackTrace() throws IOException {
		signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
		open("/");
		// spaces pass the browser's own "required" check and reach the server
		type(By.id("title"), "   ");
		type(By.id("summary"), "Kept when the form comes back");
		submit(By.cssSelector("section.declare form"));

		waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("declare-error")));
		assertThat(text(By.id("declare-error"))).contains("Give the incident a title");
		assertThat(browser().findElement(By.id("summary")).getDomProperty("value"))
			.isEqualTo("Kept when the form comes back");
		assertThat(browser().getPageSource()).doesNotContain("Exception", "at dev.firebreak", "Whitelabel");
		screenshot("declare-error.png");
	}

	// ---- without a browser ----

	@Test
	void declaringWithoutACsrfTokenIsRefusedAndCreatesNothing() throws Exception {
		var before = incidentCount();

		var response = perform(post("/incidents").with(user(admin())).param("title", "No token " + UUID.randomUUID()));

		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(incidentCount()).isEqualTo(before);
	}

	@Test
	void aViewerReadsButMayNotDeclare() throws Exception {
		var viewer = (FirebreakUser) users.loadUserByUsername(person("viewer").email());
		var incident = incidents.declare(Declaration.of("Slow dashboards " + UUID.randomUUID(), Severity.SEV4),
				admin().id());
		var before = incidentCount();

		var page = perform(get("/incidents/" + incident.id()).with(user(viewer)));
		var list = perform(get("/").with(user(viewer)));
		var declared = perform(post("/incidents").with(user(viewer)).with(csrf()).param("title", "Viewer " + UUID.randomUUID()));

		assertThat(list.getStatus()).isEqualTo(200);
		assertThat(list.getContentAsString(StandardCharsets.UTF_8)).contains("Incidents")
			.doesNotContain("Declare an incident");
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains(incident.title())
			.doesNotContain("Take this role", "Add to timeline", "Change severity", "Move to");
		assertThat(declared.getStatus()).isEqualTo(403);
		assertThat(incidentCount()).isEqualTo(before);
	}

	@Test
	void aTitleOverTheLimitIsAnsweredOnTheForm() throws Exception {
		var before = incidentCount();

		var response = perform(post("/incidents").with(user(admin())).with(csrf()).param("title", "x".repeat(201)));

		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("Keep the title to 200 characters");
		assertThat(incidentCount()).isEqualTo(before);
	}

	@Test
	void declaringRedirectsToTheNewIncident() throws Exception {
		var response = perform(post("/incidents").with(user(admin())).with(csrf())
			.param("title", "Search is slow " + UUID.randomUUID())
			.param("severity", "SEV3")
			.param("source", "internal"));

		assertThat(response.getStatus()).isEqualTo(302);
		var number = Incident.parseNumber(response.getRedirectedUrl().replaceAll(".*/incidents/", ""));
		assertThat(incidents.find(number).orElseThrow().severity()).isEqualTo(Severity.SEV3);
	}

	@Test
	void anUnknownIncidentIsAPageNotFound() throws Exception {
		for (var id : new String[] { "INC-987654321", "nonsense" }) {
			var response = perform(get("/incidents/" + id).with(user(admin())));
			assertThat(response.getStatus()).as(id).isEqualTo(404);
			var html = response.getContentAsString(StandardCharsets.UTF_8);
			assertThat(html).contains("<h1>Incident not found</h1>").contains("<title>Incident not found · Firebreak</title>")
				.doesNotContain("th:text");
		}
	}

	@Test
	void aPrivateIncidentIsNotFoundForSomeoneNotOnIt() throws Exception {
		var incident = incidents.declare(new Declaration("Leaked credentials " + UUID.randomUUID(), null, Severity.SEV1,
				null, null, null, false, false, true, true, null, null), admin().id());
		var responder = (FirebreakUser) users.loadUserByUsername(person("responder").email());

		var page = perform(get("/incidents/" + incident.id()).with(user(responder)));
		var note = perform(post("/incidents/" + incident.id() + "/timeline").with(user(responder)).with(csrf())
			.param("text", "I should not be able to write this"));

		assertThat(page.getStatus()).isEqualTo(404);
		assertThat(page.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Leaked credentials");
		assertThat(note.getStatus()).isEqualTo(404);
		assertThat(incidents.timeline(incident.number())).noneMatch(e -> e.text().contains("should not"));
	}

	@Test
	void whatPeopleTypeIsShownAsTextNeverAsMarkup() throws Exception {
		var incident = incidents.declare(Declaration.of("<script>alert('title')</script>", null), admin().id());
		incidents.addNote(incident.number(), "<img src=x onerror=alert('note')>", null, admin().id());

		var page = perform(get("/incidents/" + incident.id()).with(user(admin())))
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(page).doesNotContain("<script>alert", "<img src=x")
			.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;")
			.contains("&lt;img src=x onerror=alert(&#39;note&#39;)&gt;");
	}

	@Test
	void aNoteFromHtmxIsAnsweredWithTheTimelineAlone() throws Exception {
		var incident = incidents.declare(Declaration.of("Queue backlog " + UUID.randomUUID(), Severity.SEV3),
				admin().id());

		var added = perform(post("/incidents/" + incident.id() + "/timeline").with(user(admin())).with(csrf())
			.header("HX-Request", "true")
			.param("text", "Backlog is draining"));
		var empty = perform(post("/incidents/" + incident.id() + "/timeline").with(user(admin())).with(csrf())
			.header("HX-Request", "true")
			.param("text", "  "));

		assertThat(added.getStatus()).isEqualTo(200);
		assertThat(added.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"timeline\"")
			.contains("Backlog is draining")
			.doesNotContain("<html");
		assertThat(empty.getStatus()).isEqualTo(422);
		assertThat(empty.getContentAsString(StandardCharsets.UTF_8)).contains("Write something first");
	}

	// ---- helpers ----

	private FirebreakUser admin() {
		return (FirebreakUser) users.loadUserByUsername(ADMIN_EMAIL);
	}

	private long incidentCount() {
		return incidents.list(IncidentFilter.all(), Page.Request.of(0, 1), admin()).total();
	}

	private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}
}
