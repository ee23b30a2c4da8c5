package dev.firebreak.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import dev.firebreak.ApiTest;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.notification.Notifications;
import dev.firebreak.notification.PageRecord;
import dev.firebreak.notification.TestMail;

/**
 * Runbooks where they matter: the page for an alert links its runbook and records it; a page
 * without one records the gap and the incident page says so; a runbook not reviewed for the
 * configured time is flagged stale until someone reviews it; and the runbook pages themselves.
 * Simulated clock, real database, real SMTP server.
 */
class RunbookPagingTests extends ApiTest {

	private static final String BASE_URL = "http://localhost:8080";

	@Autowired
	private Notifications notifications;

	@Autowired
	private UserDetailsService users;

	@Test
	void aPageLinksItsRunbookAPageWithoutOneIsTheGapAndAnUnreviewedRunbookGoesStale() throws Exception {
		var admin = adminToken();
		var unique = UUID.randomUUID().toString().substring(0, 8);
		var alice = person("responder");
		var checkout = service("checkout");
		api.put("/api/v1/services/" + checkout + "/alert-routing", admin, "{\"critical\": \"none\"}").expectStatus(200);
		policy(checkout, alice);
		var runbook = createRunbook(alice.token(), "Checkout database timeouts", List.of(checkout),
				"{\"field\": \"class\", \"value\": \"db_timeout_" + unique + "\"}");
		var from = clock.instant();

		trigger(key(checkout), "db-" + unique, "db_timeout_" + unique);
		settle();

		var alertPage = pageAbout(from, alice, page -> page.subject().alertId() != null);
		assertThat(alertPage.runbookId()).hasToString(runbook);
		var mail = mailTo(alice, "Alert: Database timeouts");
		assertThat(mail).contains("Runbook: Checkout database timeouts — " + BASE_URL + "/runbooks/" + runbook);

		var billing = service("billing");
		policy(billing, alice);
		trigger(key(billing), "billing-" + unique, "no_runbook_" + unique);
		settle();
		var incident = incidentOf(billing);
		var incidentPage = pageAbout(from, alice, page -> page.subject().incidentNumber() != null
				&& incident.equals("INC-" + page.subject().incidentNumber()));
		assertThat(incidentPage.runbookId()).as("paged without a runbook: recorded as none").isNull();
		assertThat(mailTo(alice, incident)).doesNotContain("Runbook:");
		var shown = page(alice, "/incidents/" + incident);
		assertThat(shown.select("#runbook-gap").text()).startsWith("Paged without a runbook");
		assertThat(shown.select("#runbook-gap a").attr("href")).isEqualTo("/runbooks/new?service_id=" + billing);
		assertThat(shown.select("#runbook-links")).isEmpty();
		var gaps = new ArrayList<String>();
		api.get("/api/v1/runbooks/gaps?days=30&size=200", alice.token()).expectStatus(200).json().get("items").values()
			.forEach(gap -> gaps.add(gap.get("service_id").asString() + " " + gap.get("alert_class").asString() + " "
					+ gap.get("pages").asLong()));
		assertThat(gaps).as("the gap names the service and the alert's class").contains(billing + " no_runbook_" + unique + " 1")
			.noneMatch(gap -> gap.startsWith(checkout.toString()));
		api.get("/api/v1/runbooks/gaps?days=0", alice.token()).problem(400);

		var billingRunbook = createRunbook(alice.token(), "Billing in general", List.of(billing), "");
		shown = page(alice, "/incidents/" + incident);
		assertThat(shown.select("#runbook-gap")).isEmpty();
		assertThat(shown.select("#runbook-links a").attr("href")).isEqualTo("/runbooks/" + billingRunbook);
		assertThat(shown.select("#runbook-links .stale")).isEmpty();

		timePasses(Duration.ofDays(90));
		assertThat(runbook(billingRunbook).get("stale").asBoolean()).as("90 days is not more than 90 days").isFalse();
		timePasses(Duration.ofMinutes(1));
		assertThat(runbook(billingRunbook).get("stale").asBoolean()).isTrue();
		assertThat(page(alice, "/incidents/" + incident).select("#runbook-links .stale").text()).isEqualTo("stale");
		assertThat(page(alice, "/runbooks/" + billingRunbook).select(".stale-warning").text()).startsWith("Stale");
		assertThat(page(alice, "/runbooks?service_id=" + billing).select("#runbook-" + billingRunbook + " .stale"))
			.isNotEmpty();

		var bob = person("responder");
		var reviewed = api.post("/api/v1/runbooks/" + billingRunbook + "/reviewed", bob.token(), null).expectStatus(200).json();
		assertThat(reviewed.get("stale").asBoolean()).isFalse();
		assertThat(reviewed.get("last_reviewed_by").asString()).isEqualTo(bob.id().toString());
		assertThat(reviewed.get("last_reviewed_at").asString()).isEqualTo(clock.instant().toString());
		api.post("/api/v1/runbooks/" + billingRunbook + "/reviewed", person("viewer").token(), null).expectStatus(403);
		api.post("/api/v1/runbooks/" + UUID.randomUUID() + "/reviewed", bob.token(), null).problem(404);
		assertThat(page(alice, "/incidents/" + incident).select("#runbook-links .stale")).isEmpty();
		assertThat(audit(billingRunbook)).containsExactly("runbook.reviewed", "runbook.created");
	}

	@Test
	void theGapsCountAPrivateIncidentsPagesButNameItsAlertClassOnlyToThoseWhoMaySeeIt() {
		var admin = adminToken();
		var unique = UUID.randomUUID().toString().substring(0, 8);
		var alice = person("responder");
		var vault = service("vault");
		policy(vault, alice);
		api.post("/api/v1/incidents", admin, """
				{"title": "Credential leak %s", "severity": "SEV2", "affected_service_ids": ["%s"], "private": true}"""
			.formatted(unique, vault)).expectStatus(201);
		trigger(key(vault), "leak-" + unique, "credential_leak_" + unique);
		settle();

		assertThat(gaps(admin, vault)).as("an admin may see the private incident").singleElement().asString()
			.startsWith("credential_leak_" + unique + " ");
		assertThat(gaps(person("viewer").token(), vault)).as("the page still counts, without what it was about")
			.singleElement().asString().startsWith("null ");
		api.get("/api/v1/runbooks/gaps?days=366", admin).expectStatus(200);
		assertThat(api.get("/api/v1/runbooks/gaps?days=367", admin).problem(400).get("detail").asString())
			.contains("firebreak.catalog.runbook-gaps-max-range");
	}

	/** The alert classes and page counts of this service's gaps in the last 30 days. */
	private List<String> gaps(String token, UUID service) {
		var found = new ArrayList<String>();
		api.get("/api/v1/runbooks/gaps?days=30&size=200", token).expectStatus(200).json().get("items").values().forEach(gap -> {
			if (service.toString().equals(gap.get("service_id").asString())) {
				var alertClass = gap.get("alert_class");
				found.add((alertClass == null || alertClass.isNull() ? "null" : alertClass.asString()) + " "
						+ gap.get("pages").asLong());
			}
		});
		return found;
	}

	@Test
	void theRunbookPagesWriteFromTheSixHeadingsRefuseGapsAndRenderSafely() throws Exception {
		var responder = person("responder");
		var viewer = person("viewer");
		var service = service("search");

		var form = page(responder, "/runbooks/new?service_id=" + service);
		var template = form.select("#runbook-markdown").text();
		for (var heading : List.of("## Symptom", "## Impact", "## Investigation", "## Mitigation", "## Escalation",
				"## Context")) {
			assertThat(template).contains(heading);
		}
		assertThat(form.select("#runbook-services option[selected]").attr("value")).isEqualTo(service.toString());
		var forbidden = mvc.perform(get("/runbooks/new").with(user(signedIn(viewer)))).andReturn().getResponse();
		assertThat(forbidden.getStatus()).isEqualTo(403);

		var title = "Search is slow " + UUID.randomUUID();
		var refused = mvc.perform(post("/runbooks").with(csrf()).with(user(signedIn(responder))).param("title", title)
			.param("markdown", "## Symptom\nSlow.\n## Mitigation\nRestart.").param("serviceIds", service.toString())
			.param("matchers", "alertname=SlowSearch")).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(422);
		var again = Jsoup.parse(refused.getContentAsString(StandardCharsets.UTF_8));
		assertThat(again.select("#form-errors li").eachText()).containsExactly("missing section: Impact",
				"missing section: Investigation", "missing section: Escalation", "missing section: Context");
		assertThat(again.select("#runbook-title").val()).isEqualTo(title);
		assertThat(again.select("#runbook-matchers").text()).isEqualTo("alertname=SlowSearch");
		assertThat(api.get("/api/v1/runbooks?service_id=" + service, viewer.token()).expectStatus(200).json().get("total")
			.asLong()).isZero();

		var markdown = RunbookApiTests.SIX_SECTIONS.formatted(
				"Note: <script>alert('x')</script> See [the dashboard](https://grafana.example.com/d/search) or [this](javascript:alert(1)).");
		var saved = mvc.perform(post("/runbooks").with(csrf()).with(user(signedIn(responder))).param("title", title)
			.param("markdown", markdown).param("serviceIds", service.toString()).param("matchers", "alertname=SlowSearch\n"))
			.andReturn().getResponse();
		assertThat(saved.getStatus()).isEqualTo(302);
		var location = saved.getRedirectedUrl();
		assertThat(location).startsWith("/runbooks/");

		var shown = page(viewer, location);
		assertThat(shown.select("#runbook-title").text()).isEqualTo(title);
		var body = shown.select("#runbook-body").first();
		assertThat(body.select("h2").eachText()).containsExactly("Symptom", "Impact", "Investigation", "Mitigation",
				"Escalation", "Context");
		assertThat(body.select("script")).isEmpty();
		assertThat(body.text()).contains("<script>alert('x')</script>");
		assertThat(body.select("a").eachAttr("href")).containsExactly("https://grafana.example.com/d/search", "");
		assertThat(shown.select("#mark-reviewed")).as("viewers read, they do not review").isEmpty();
		assertThat(shown.select(".stale-warning")).isEmpty();

		var list = page(viewer, "/runbooks?service_id=" + service);
		var row = list.select("#runbook-" + location.substring("/runbooks/".length())).first();
		assertThat(row.text()).contains(title).contains("alertname=SlowSearch").contains("search-")
			.contains(responder.email().substring("responder-".length(), "responder-".length() + 6));
		assertThat(row.select(".stale")).isEmpty();
		var missing = mvc.perform(get("/runbooks/" + UUID.randomUUID()).with(user(signedIn(viewer)))).andReturn().getResponse();
		assertThat(missing.getStatus()).isEqualTo(404);
		assertThat(missing.getContentAsString(StandardCharsets.UTF_8)).contains("Back to the runbooks");
	}

	// ---- steps ----

	private FirebreakUser signedIn(Person person) {
		return (FirebreakUser) users.loadUserByUsername(person.email());
	}

	private Document page(Person person, String path) throws Exception {
		var response = mvc.perform(get(path).with(user(signedIn(person)))).andReturn().getResponse();
		assertThat(response.getStatus()).as("GET %s", path).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
	}

	private UUID service(String name) {
		return UUID.fromString(api.post("/api/v1/services", adminToken(), "{\"name\": \"%s-%s\"}".formatted(name, UUID.randomUUID()))
			.expectStatus(201).json().get("id").asString());
	}

	private String key(UUID service) {
		return api.post("/api/v1/services/" + service + "/integrations", adminToken(), "{\"type\": \"events_v2\"}")
			.expectStatus(201).json().get("routing_key").asString();
	}

	private void policy(UUID service, Person person) {
		api.post("/api/v1/escalation-policies", adminToken(), """
				{"name": "policy-%s", "repeat": 0, "service_ids": ["%s"],
				 "levels": [{"delay": "PT5M", "targets": [{"type": "person", "id": "%s"}]}]}"""
			.formatted(UUID.randomUUID(), service, person.id())).expectStatus(201);
	}

	private void trigger(String routingKey, String dedupKey, String eventClass) {
		api.post("/v2/enqueue", null, """
				{"routing_key": "%s", "event_action": "trigger", "dedup_key": "%s",
				 "payload": {"summary": "Database timeouts", "source": "db-1", "severity": "critical", "class": "%s"}}"""
			.formatted(routingKey, dedupKey, eventClass)).expectStatus(202);
	}

	private String createRunbook(String token, String title, List<UUID> services, String matchers) {
		return api.post("/api/v1/runbooks", token, """
				{"title": "%s", "markdown": %s, "service_ids": [%s], "matchers": [%s]}""".formatted(title,
				json.writeValueAsString(RunbookApiTests.SIX_SECTIONS.formatted("Owned by " + title)),
				String.join(", ", services.stream().map(s -> "\"" + s + "\"").toList()), matchers))
			.expectStatus(201).json().get("id").asString();
	}

	private tools.jackson.databind.JsonNode runbook(String id) {
		return api.get("/api/v1/runbooks/" + id, adminToken()).expectStatus(200).json();
	}

	private PageRecord pageAbout(java.time.Instant from, Person person, java.util.function.Predicate<PageRecord> about) {
		var found = notifications.pages(from, clock.instant().plusSeconds(1)).stream()
			.filter(page -> page.accountId().equals(person.id())).filter(about).toList();
		assertThat(found).as("pages to %s", person.email()).hasSize(1);
		return found.get(0);
	}

	private static String mailTo(Person person, String inSubject) {
		var texts = TestMail.to(person.email()).stream().filter(m -> TestMail.subject(m).contains(inSubject))
			.map(TestMail::text).toList();
		assertThat(texts).as("mails to %s about %s", person.email(), inSubject).isNotEmpty();
		return texts.get(texts.size() - 1);
	}

	private String incidentOf(UUID service) {
		var items = api.get("/api/v1/incidents?service=" + service, adminToken()).expectStatus(200).json().get("items");
		assertThat(items.size()).as("incidents of %s", service).isEqualTo(1);
		return items.get(0).get("id").asString();
	}

	private List<String> audit(String targetId) {
		var found = new ArrayList<String>();
		api.get("/api/v1/audit?size=200", adminToken()).expectStatus(200).json().get("items").values().forEach(entry -> {
			if (targetId.equals(entry.get("target_id").asString())) {
				found.add(entry.get("action").asString());
			}
		});
		return found;
	}
}
