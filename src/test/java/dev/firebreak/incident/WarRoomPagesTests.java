package dev.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.firebreak.ApiTest;
import dev.firebreak.identity.FirebreakUser;

/**
 * The war room on the incident page, without a browser: what is owed and its states, setting one
 * aside, the checkpoint, decisions, opening a war room by hand, the roles by the book, the list's
 * most pressing obligation, and who may see the live timeline.
 */
class WarRoomPagesTests extends ApiTest {

	@Autowired
	Incidents incidents;

	@Autowired
	Obligations obligations;

	@Autowired
	UserDetailsService users;

	@Test
	void theObligationsPanelShowsWhatIsOwedWithItsStateAndCountdown() throws Exception {
		var commander = signedIn(person("responder"));
		var incident = declare("Checkout down", Severity.SEV1, commander);
		var due = clockTime(Duration.ofMinutes(15));

		var fresh = html(get(path(incident, "/obligations")).with(user(commander)));
		assertThat(fresh).contains("id=\"obligations\"").contains("Fill the role of scribe")
			.containsPattern("id=\"obligation-role-scribe\"\\s+class=\"obligation state-pending\"")
			.contains("due in 15:00").contains(due).contains("Incident commander").contains("Set aside")
			.doesNotContain("<html");

		timePasses(Duration.ofMinutes(11));
		assertThat(html(get(path(incident, "/obligations")).with(user(commander))))
			.containsPattern("id=\"obligation-role-scribe\"\\s+class=\"obligation state-due_soon\"").contains("due in 4:00");

		timePasses(Duration.ofMinutes(5));
		assertThat(html(get(path(incident, "/obligations")).with(user(commander))))
			.containsPattern("id=\"obligation-role-scribe\"\\s+class=\"obligation state-overdue\"").contains("overdue by 1:00");
	}

	@Test
	void theCommanderSetsAnObligationAsideAndOthersMayNot() throws Exception {
		var commander = signedIn(person("responder"));
		var other = signedIn(person("responder"));
		var incident = declare("Search slow", Severity.SEV1, commander);

		var refused = perform(post(path(incident, "/obligations/waive")).with(user(other)).with(csrf())
			.param("key", "role:scribe").param("reason", "not mine to decide"));
		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("Only the incident commander sets an obligation aside")
			.contains("id=\"obligations-error\"");
		assertThat(state(incident, "role:scribe")).isEqualTo(Obligation.State.PENDING);

		var blank = perform(post(path(incident, "/obligations/waive")).with(user(commander)).with(csrf())
			.param("key", "role:scribe").param("reason", " "));
		assertThat(blank.getStatus()).isEqualTo(400);
		assertThat(state(incident, "role:scribe")).isEqualTo(Obligation.State.PENDING);

		var waived = perform(post(path(incident, "/obligations/waive")).with(user(commander)).with(csrf())
			.param("key", "role:scribe").param("reason", "two people only tonight"));
		assertThat(waived.getStatus()).isEqualTo(302);
		assertThat(waived.getRedirectedUrl()).isEqualTo("/incidents/" + incident.id() + "#obligations");
		assertThat(state(incident, "role:scribe")).isEqualTo(Obligation.State.WAIVED);
		assertThat(html(get(path(incident, "/obligations")).with(user(commander))))
			.contains("Met or set aside").contains("set aside").contains("two people only tonight")
			.doesNotContain("id=\"obligation-role-scribe\"");
		assertThat(incidents.timeline(incident.number())).anyMatch(e -> e.text().contains("two people only tonight"));
	}

	@Test
	void theCommanderAnswersTheCheckpointThroughTheForm() throws Exception {
		var commander = signedIn(person("responder"));
		var other = signedIn(person("responder"));
		var incident = declare("Payments fail", Severity.SEV1, commander);

		var room = html(get(path(incident, "/war-room")).with(user(commander)));
		assertThat(room).contains("id=\"war-room-banner\"").contains("War room open since").contains(clockTime(Duration.ZERO))
			.contains("What do we know now?").contains("Is the status page current?")
			.doesNotContain("class=\"checkpoint pressing\"");
		assertThat(html(get(path(incident, "/war-room")).with(user(other)))).doesNotContain("id=\"checkpoint-form\"");

		timePasses(Duration.ofMinutes(11));
		assertThat(html(get(path(incident, "/war-room")).with(user(commander)))).contains("class=\"checkpoint pressing\"");

		var incomplete = perform(post(path(incident, "/checkpoints")).with(user(commander)).with(csrf())
			.param("known", "Card payments fail at the provider").param("next", "").param("escalate", "no")
			.param("statusPage", "yes"));
		assertThat(incomplete.getStatus()).isEqualTo(400);
		assertThat(incomplete.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"checkpoint-error\"")
			.contains("what are we trying next?").contains("Card payments fail at the provider");

		var answered = perform(post(path(incident, "/checkpoints")).with(user(commander)).with(csrf())
			.param("known", "Card payments fail at the provider").param("next", "Fail over to the second provider")
			.param("escalate", "No").param("statusPage", "Yes, updated 10:05 UTC"));
		assertThat(answered.getStatus()).isEqualTo(302);
		assertThat(incidents.timeline(incident.number())).filteredOn(e -> e.kind() == TimelineKind.CHECKPOINT)
			.anyMatch(e -> e.text().contains("Fail over to the second provider"));
		assertThat(state(incident, "checkpoint")).isIn(Obligation.State.PENDING);
		assertThat(html(get(path(incident, "/war-room")).with(user(commander)))).doesNotContain("class=\"checkpoint pressing\"");
	}

	@Test
	void decisionsAreRecordedWithWhoDecidedAndAWarRoomIsOpenedByHand() throws Exception {
		var responder = signedIn(person("responder"));
		var incident = declare("Reports late", Severity.SEV3, responder);

		var before = html(get(path(incident, "/war-room")).with(user(responder)));
		assertThat(before).contains("No war room").contains("id=\"open-war-room-form\"").doesNotContain("war-room-banner");

		var opened = perform(post(path(incident, "/war-room")).with(user(responder)).with(csrf())
			.param("reason", "three teams are involved"));
		assertThat(opened.getStatus()).isEqualTo(302);

		var decided = perform(post(path(incident, "/decisions")).with(user(responder)).with(csrf())
			.param("decision", "Pause the nightly export").param("rationale", "It competes for the database"));
		assertThat(decided.getStatus()).isEqualTo(302);
		var blank = perform(post(path(incident, "/decisions")).with(user(responder)).with(csrf()).param("decision", ""));
		assertThat(blank.getStatus()).isEqualTo(400);
		assertThat(blank.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"decision-error\"");

		var after = html(get(path(incident, "/war-room")).with(user(responder)));
		assertThat(after).contains("three teams are involved").contains("id=\"war-room-banner\"")
			.contains("Pause the nightly export").contains("It competes for the database")
			.contains(responder.account().displayName());
	}

	@Test
	void aViewerSeesTheWarRoomButNoForms() throws Exception {
		var viewer = signedIn(person("viewer"));
		var incident = declare("Login slow", Severity.SEV1, signedIn(person("responder")));

		var page = html(get("/incidents/" + incident.id()).with(user(viewer)));

		assertThat(page).contains("What this incident owes").contains("War room open since").contains("Fill the role of scribe")
			.doesNotContain("Set aside", "id=\"checkpoint-form\"", "id=\"decision-form\"", "id=\"resolve-button\"",
					"id=\"open-war-room-form\"");
		var decided = perform(post(path(incident, "/decisions")).with(user(viewer)).with(csrf()).param("decision", "x"));
		assertThat(decided.getStatus()).isEqualTo(403);
	}

	@Test
	void theRolesPanelShowsTheRequiredRolesAndWhenTheyAreDue() throws Exception {
		var commander = signedIn(person("responder"));
		var sev1 = declare("Data loss", Severity.SEV1, commander);
		var sev3 = declare("Typo", Severity.SEV3, commander);
		var due = clockTime(Duration.ofMinutes(15));

		var page = html(get("/incidents/" + sev1.id()).with(user(commander)));
		assertThat(page).contains("SEV1 procedures: the roles marked required must be filled.")
			.contains("unfilled — due " + due).contains("Move to investigating").doesNotContain("Move to resolved")
			.contains("id=\"resolve-button\"").contains("id=\"communication\"").contains("/incidents/" + sev1.id() + "/updates")
			.contains("data-live-timeline=\"/incidents/" + sev1.id() + "/timeline/stream?after=");
		assertThat(html(get("/incidents/" + sev3.id()).with(user(commander))))
			.contains("SEV3: the on-call (incident commander) holds every role.").doesNotContain("unfilled — due");
	}

	@Test
	void theListShowsEachActiveIncidentsMostPressingObligation() throws Exception {
		var commander = signedIn(person("responder"));
		var incident = declare("Queue stuck", Severity.SEV1, commander);
		timePasses(Duration.ofMinutes(16));

		var list = html(get("/").with(user(commander)));

		var row = list.substring(list.indexOf(">" + incident.id() + "<"));
		row = row.substring(0, row.indexOf("</tr>"));
		assertThat(row).contains("obligation state-overdue").contains("overdue by");
		assertThat(list).contains("Owed first");
	}

	@Test
	void theLiveTimelineIsRefusedToSomeoneWhoCannotSeeAPrivateIncident() throws Exception {
		var outsider = signedIn(person("responder"));
		var insider = signedIn(person("responder"));
		var incident = incidents.declare(new Declaration("Leaked keys " + UUID.randomUUID(), null, Severity.SEV1, null, null,
				null, false, false, true, true, null, null), insider.id());
		settle();

		var refused = perform(get(path(incident, "/timeline/stream")).with(user(outsider)));

		assertThat(refused.getStatus()).isEqualTo(404);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Leaked keys");
	}

	@Test
	void theLiveTimelineSendsNewEntriesAfterTheLastOneReceived() throws Exception {
		var commander = signedIn(person("responder"));
		var incident = declare("Uploads fail", Severity.SEV2, commander);
		var seen = incidents.addNote(incident.number(), "Seen before the reconnect", null, commander.id());
		var lastEventId = jdbc.sql("select seq from incident_timeline where id = :id").param("id", seen.id())
			.query(Long.class).single();

		var stream = mvc.perform(get(path(incident, "/timeline/stream")).with(user(commander))
			.header("Last-Event-ID", lastEventId.toString())).andReturn();
		incidents.addNote(incident.number(), "Written <b>after</b> the reconnect", null, commander.id());

		assertThat(stream.getRequest().isAsyncStarted()).isTrue();
		assertThat(stream.getResponse().getContentType()).startsWith("text/event-stream");
		Awaitility.await("the note is pushed").atMost(Duration.ofSeconds(15))
			.until(() -> stream.getResponse().getContentAsString(StandardCharsets.UTF_8).contains("after</b>")
					|| stream.getResponse().getContentAsString(StandardCharsets.UTF_8).contains("after&lt;/b&gt;"));
		var events = stream.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(events).contains("event:entry").containsPattern("id:\\d+")
			.contains("class=\"entry kind-note\"").contains("Written &lt;b&gt;after&lt;/b&gt; the reconnect")
			.doesNotContain("Seen before the reconnect");
	}

	@Test
	void resolvingGoesThroughTheGateAndTheCommanderMayOverride() throws Exception {
		var commander = signedIn(person("responder"));
		var other = signedIn(person("responder"));
		var incident = declare("Logins fail", Severity.SEV1, commander);

		var dialog = html(get(path(incident, "/resolve")).with(user(commander)).header("HX-Request", "true"));
		assertThat(dialog).doesNotContain("<html").contains("id=\"resolve-form\"").contains("id=\"gate-severity_and_impact\"")
			.contains("every SEV1 has one").contains("id=\"resolve-override\"");
		assertThat(html(get(path(incident, "/resolve")).with(user(commander)))).contains("<html").contains("id=\"resolve-form\"");

		var refused = perform(post(path(incident, "/resolve")).with(user(commander)).with(csrf())
			.header("HX-Request", "true").param("customerImpact", "Nobody could sign in"));
		assertThat(refused.getStatus()).isEqualTo(409);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("<html")
			.contains("id=\"resolve-error\"").contains("cannot be resolved yet")
			.containsPattern("id=\"gate-mitigation_verified\"\\s+class=\"unmet\"")
			.containsPattern("id=\"gate-severity_and_impact\"\\s+class=\"met\"")
			.contains("record a mitigation that stopped user impact");
		var plain = perform(post(path(incident, "/resolve")).with(user(commander)).with(csrf()));
		assertThat(plain.getStatus()).isEqualTo(409);
		assertThat(plain.getContentAsString(StandardCharsets.UTF_8)).contains("<html").contains("cannot be resolved yet");

		var notTheCommander = perform(post(path(incident, "/resolve")).with(user(other)).with(csrf())
			.param("overrideReason", "I want it closed"));
		assertThat(notTheCommander.getStatus()).isEqualTo(403);
		assertThat(incidents.find(incident.number()).orElseThrow().status()).isEqualTo(IncidentStatus.TRIAGE);

		var resolved = perform(post(path(incident, "/resolve")).with(user(commander)).with(csrf())
			.header("HX-Request", "true").param("customerImpact", "Nobody could sign in")
			.param("overrideReason", "Vendor outage over"));
		assertThat(resolved.getHeader("HX-Redirect")).isEqualTo("/incidents/" + incident.id());
		assertThat(incidents.find(incident.number()).orElseThrow().status()).isEqualTo(IncidentStatus.RESOLVED);
		var page = html(get("/incidents/" + incident.id()).with(user(commander)));
		assertThat(page).contains("id=\"resolved-note\"").contains("Draft the post-mortem")
			.doesNotContain("id=\"resolve-button\"");
	}

	// ---- helpers ----

	private Incident declare(String title, Severity severity, FirebreakUser by) {
		var incident = incidents.declare(Declaration.of(title + " " + UUID.randomUUID(), severity), by.id());
		settle();
		return incident;
	}

	/** {@code 10:15 UTC}: the simulated clock's time of day, this far ahead. */
	private String clockTime(Duration ahead) {
		return java.time.format.DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC)
			.format(clock.instant().plus(ahead));
	}

	private Obligation.State state(Incident incident, String key) {
		return obligations.of(incident.number()).stream().filter(o -> o.key().equals(key)).findFirst().orElseThrow()
			.state();
	}

	private static String path(Incident incident, String rest) {
		return "/incidents/" + incident.id() + rest;
	}

	private String html(MockHttpServletRequestBuilder request) throws Exception {
		var response = perform(request);
		assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

	private FirebreakUser signedIn(Person person) {
		return (FirebreakUser) users.loadUserByUsername(person.email());
	}
}
