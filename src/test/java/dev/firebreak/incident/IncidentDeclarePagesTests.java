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

/** Declaring from the page names the affected services, and the incident page offers its summary. */
class IncidentDeclarePagesTests extends ApiTest {

	@Autowired
	Incidents incidents;

	@Autowired
	UserDetailsService users;

	@Test
	void theDeclareFormNamesAffectedServicesAndThePageShowsThem() throws Exception {
		var responder = users.loadUserByUsername(person("responder").email());
		var name = "payments-" + UUID.randomUUID().toString().substring(0, 8);
		var service = api.post("/api/v1/services", adminToken(), "{\"name\": \"%s\"}".formatted(name))
			.expectStatus(201).json().get("id").asString();

		var form = mvc.perform(get("/").with(user(responder))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(form).contains("Affected services").contains(name);

		var declared = mvc.perform(post("/incidents").with(user(responder)).with(csrf())
			.param("title", "Payments failing").param("services", service)).andReturn().getResponse();
		assertThat(declared.getStatus()).isEqualTo(302);
		var id = declared.getRedirectedUrl().replaceAll(".*/incidents/", "");
		assertThat(incidents.find(Incident.parseNumber(id)).orElseThrow().affectedServiceIds())
			.containsExactly(UUID.fromString(service));

		var page = mvc.perform(get("/incidents/" + id).with(user(responder))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains(name).contains("/incidents/" + id + "/summary.md");

		var summary = mvc.perform(get("/incidents/" + id + "/summary.md").with(user(responder))).andReturn().getResponse();
		assertThat(summary.getContentType()).startsWith("text/markdown");
		assertThat(summary.getContentAsString(StandardCharsets.UTF_8)).startsWith("# " + id + ": Payments failing")
			.contains("| Affected services | " + name + " |");
	}
}
