package dev.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import dev.firebreak.ApiTest;
import dev.firebreak.identity.FirebreakUser;

/** An incident commander staffs the response from the incident page: gives roles to others and takes them back. */
class IncidentRolePagesTests extends ApiTest {

	@Autowired
	Incidents incidents;

	@Autowired
	UserDetailsService users;

	@Test
	void theCommanderGivesARoleToSomeoneElseAndReleasesIt() throws Exception {
		var commander = signedIn(person("responder"));
		var sam = person("responder");
		var incident = incidents.declare(Declaration.of("Staffing " + UUID.randomUUID(), Severity.SEV1), commander.id());

		var page = mvc.perform(get("/incidents/" + incident.id()).with(user(commander))).andReturn().getResponse();
		assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("Give a role").contains(sam.email());

		var given = mvc.perform(post("/incidents/" + incident.id() + "/roles").with(user(commander)).with(csrf())
			.param("role", "communications_lead").param("account_id", sam.id().toString())).andReturn().getResponse();
		assertThat(given.getStatus()).isEqualTo(302);
		assertThat(incidents.find(incident.number()).orElseThrow().roles())
			.containsEntry(IncidentRole.COMMUNICATIONS_LEAD, sam.id());

		var released = mvc.perform(post("/incidents/" + incident.id() + "/roles/communications_lead/release")
			.with(user(commander)).with(csrf())).andReturn().getResponse();
		assertThat(released.getStatus()).isEqualTo(302);
		assertThat(incidents.find(incident.number()).orElseThrow().roles())
			.doesNotContainKey(IncidentRole.COMMUNICATIONS_LEAD);
		assertThat(incidents.timeline(incident.number())).extracting(TimelineEntry::kind)
			.contains(TimelineKind.ROLE_ASSIGNED, TimelineKind.ROLE_UNASSIGNED);
	}

	@Test
	void givingARoleToNobodyKnownIsAnsweredOnThePageAndChangesNothing() throws Exception {
		var commander = signedIn(person("responder"));
		var incident = incidents.declare(Declaration.of("Unknown helper " + UUID.randomUUID(), Severity.SEV2),
				commander.id());

		var response = mvc.perform(post("/incidents/" + incident.id() + "/roles").with(user(commander)).with(csrf())
			.param("role", "scribe").param("account_id", UUID.randomUUID().toString())).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("No account");
		assertThat(incidents.find(incident.number()).orElseThrow().roles()).doesNotContainKey(IncidentRole.SCRIBE);
	}

	private FirebreakUser signedIn(Person person) {
		return (FirebreakUser) users.loadUserByUsername(person.email());
	}
}
