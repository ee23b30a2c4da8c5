package dev.firebreak.escalation;

import static dev.firebreak.escalation.PagingWorld.level;
import static dev.firebreak.escalation.PagingWorld.schedule;
import static dev.firebreak.escalation.PagingWorld.who;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.firebreak.ApiTest;
import dev.firebreak.identity.FirebreakUser;

/** The escalation policy pages: the list, and the form that writes a policy level by level, without JavaScript. */
class EscalationPolicyPagesTests extends ApiTest {

	private static final String POLICIES = "/api/v1/escalation-policies";

	@Autowired
	UserDetailsService users;

	private String adminToken;

	private FirebreakUser admin;

	private PagingWorld world;

	private Person jill;

	@BeforeEach
	void signIn() {
		adminToken = adminToken();
		admin = signedIn(ADMIN_EMAIL);
		world = new PagingWorld(api, adminToken);
		jill = person("responder");
	}

	@Test
	void theListShowsEachPolicyWithItsLevelsAndServices() throws Exception {
		var scheduleName = "rotation-" + UUID.randomUUID();
		var rotation = UUID.fromString(api.post("/api/v1/schedules", adminToken, """
				{"name": "%s", "time_zone": "UTC"}""".formatted(scheduleName)).expectStatus(201).json().get("id").asString());
		var checkout = world.service("checkout");
		var name = unique("Listed");
		var policy = api.post(POLICIES, adminToken, """
				{"name": "%s", "repeat": 2, "levels": [%s, %s], "service_ids": ["%s"]}""".formatted(name,
				level(ofMinutes(5), who(jill)), level(null, schedule(rotation)), checkout)).expectStatus(201).json()
			.get("id").asString();

		var html = page(get("/escalation-policies").with(user(admin)));

		var row = html.substring(html.indexOf("id=\"policy-" + policy + "\""));
		row = row.substring(0, row.indexOf("</tr>"));
		assertThat(row).contains(">" + name + "<").contains("href=\"/escalation-policies/" + policy + "\"")
			.contains(displayName(jill) + " · waits 5 min")
			.contains("On call on " + scheduleName + " · waits the severity&#39;s ack target")
			.contains("<td>2</td>")
			.contains(serviceName(checkout));
		assertThat(html).contains("href=\"/escalation-policies/new\"");
	}

	@Test
	void theNewPolicyFormOffersEveryTarget() throws Exception {
		var html = page(get("/escalation-policies/new").with(user(admin)));

		assertThat(html).contains("<h1 id=\"policy-heading\">New escalation policy</h1>")
			.contains("name=\"level0_present\"").doesNotContain("name=\"level1_present\"")
			.contains("value=\"person:" + jill.id() + "\"").contains("Save policy")
			.doesNotContain("Delete policy");
	}

	@Test
	void postingTheFormCreatesThePolicy() throws Exception {
		var checkout = world.service("checkout");
		var name = unique("From the form");

		var response = mvc.perform(form(admin).param("name", name).param("description", "Written in the browser")
			.param("repeat", "1").param("level0_present", "1").param("level0_targets", "person:" + jill.id())
			.param("level0_minutes", "5").param("level1_present", "1").param("level1_targets", "person:" + jill.id())
			.param("level1_minutes", "").param("service_ids", checkout.toString())).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(302);
		var location = response.getRedirectedUrl();
		assertThat(location).startsWith("/escalation-policies/").endsWith("?saved");
		var id = location.substring("/escalation-policies/".length(), location.indexOf('?'));
		var policy = api.get(POLICIES + "/" + id, adminToken).expectStatus(200).json();
		assertThat(policy.get("name").asString()).isEqualTo(name);
		assertThat(policy.get("description").asString()).isEqualTo("Written in the browser");
		assertThat(policy.get("repeat").asInt()).isEqualTo(1);
		assertThat(policy.get("levels").values()).hasSize(2);
		assertThat(policy.get("levels").get(0).get("delay").asString()).isEqualTo("PT5M");
		assertThat(policy.get("levels").get(1).get("delay").isNull()).isTrue();
		assertThat(policy.get("levels").get(0).get("targets").get(0).get("id").asString()).isEqualTo(jill.id().toString());
		assertThat(policy.get("service_ids").get(0).asString()).isEqualTo(checkout.toString());

		var saved = page(get(location).with(user(admin)));
		assertThat(saved).contains("Saved.").contains("value=\"" + name + "\"").contains("name=\"level1_present\"")
			.contains("Delete policy");
	}

	@Test
	void theFormChangesAndDeletesAnExistingPolicy() throws Exception {
		var sam = person("responder");
		var policy = world.policy(List.of(), 0, level(ofMinutes(5), who(jill)), level(ofMinutes(5), who(sam)));
		var name = unique("Rewritten");

		var changed = mvc.perform(form(admin).param("id", policy.toString()).param("name", name).param("repeat", "0")
			.param("level0_present", "1").param("level0_targets", "person:" + jill.id()).param("level0_minutes", "7")
			.param("level1_present", "1").param("level1_targets", "person:" + sam.id()).param("remove_level1", "1"))
			.andReturn().getResponse();
		// "remove" of a level is a submit button: without add_level the form is saved without that level
		assertThat(changed.getStatus()).isEqualTo(302);
		var read = api.get(POLICIES + "/" + policy, adminToken).json();
		assertThat(read.get("name").asString()).isEqualTo(name);
		assertThat(read.get("levels").values()).singleElement()
			.satisfies(level -> assertThat(level.get("delay").asString()).isEqualTo("PT7M"));

		var deleted = mvc.perform(post("/escalation-policies/" + policy + "/delete").with(user(admin)).with(csrf()))
			.andReturn().getResponse();
		assertThat(deleted.getRedirectedUrl()).isEqualTo("/escalation-policies");
		api.get(POLICIES + "/" + policy, adminToken).problem(404);
	}

	@Test
	void addingALevelShowsOneMoreRowAndCreatesNothing() throws Exception {
		var name = unique("Growing");
		var before = policies();

		var response = mvc.perform(form(admin).param("name", name).param("level0_present", "1")
			.param("level0_targets", "person:" + jill.id()).param("level0_minutes", "5").param("add_level", "1"))
			.andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		var html = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("name=\"level0_present\"").contains("name=\"level1_present\"")
			.doesNotContain("name=\"level2_present\"").contains("value=\"" + name + "\"")
			.containsPattern("id=\"level0-minutes\" name=\"level0_minutes\"\\s+value=\"5\"")
			.containsPattern("<option value=\"person:" + jill.id() + "\"\\s+selected");
		assertThat(policies()).isEqualTo(before);
		assertThat(named(name)).isZero();
	}

	@Test
	void minutesThatAreNoNumberAreAnsweredOnTheFormAndCreateNothing() throws Exception {
		var name = unique("Five");
		var before = policies();

		var response = mvc.perform(form(admin).param("name", name).param("level0_present", "1")
			.param("level0_targets", "person:" + jill.id()).param("level0_minutes", "five")).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(422);
		var html = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("id=\"policy-error\"").contains("Level 1: the wait is a whole number of minutes")
			.contains("value=\"five\"").contains("value=\"" + name + "\"");
		assertThat(policies()).isEqualTo(before);
		assertThat(named(name)).isZero();
	}

	@Test
	void aLevelWithoutTargetsIsAnsweredOnTheFormAndCreatesNothing() throws Exception {
		var name = unique("Nobody");
		var before = policies();

		var response = mvc.perform(form(admin).param("name", name).param("level0_present", "1")
			.param("level0_minutes", "5")).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"policy-error\"")
			.contains("a level pages between 1 and 20 targets");
		assertThat(policies()).isEqualTo(before);
		assertThat(named(name)).isZero();
	}

	@Test
	void aTamperedFormIsAnsweredOnTheFormAndCreatesNothing() throws Exception {
		var before = policies();

		for (var tampered : List.of(List.of("level0_targets", "robot:" + jill.id()),
				List.of("level0_targets", "person:bob"), List.of("service_ids", "checkout"), List.of("repeat", "twice"),
				List.of("repeat", "12"), List.of("id", UUID.randomUUID().toString()))) {
			var request = form(admin).param("name", unique("Tampered")).param("level0_present", "1")
				.param("level0_minutes", "5");
			if (!tampered.get(0).equals("level0_targets")) {
				request.param("level0_targets", "person:" + jill.id());
			}
			var response = mvc.perform(request.param(tampered.get(0), tampered.get(1))).andReturn().getResponse();
			assertThat(response.getStatus()).as("%s", tampered).isEqualTo(422);
			assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as("%s", tampered)
				.contains("id=\"policy-error\"").doesNotContain("dev.firebreak").doesNotContain("Exception");
		}
		var noPolicy = mvc.perform(form(admin).param("id", "nonsense").param("name", unique("Tampered"))
			.param("level0_present", "1").param("level0_targets", "person:" + jill.id())).andReturn().getResponse();
		assertThat(noPolicy.getStatus()).isEqualTo(404);
		assertThat(policies()).isEqualTo(before);
	}

	@Test
	void viewersAndRespondersSeePoliciesReadOnlyAndCannotChangeThem() throws Exception {
		var policy = world.policy(List.of(), 0, level(ofMinutes(5), who(jill)));
		var readers = List.of(signedIn(person("viewer").email()), signedIn(person("responder").email()));
		var before = policies();

		for (var reader : readers) {
			var role = reader.getUsername();
			assertThat(page(get("/escalation-policies").with(user(reader)))).contains("id=\"policy-" + policy + "\"")
				.doesNotContain("New escalation policy");
			assertThat(page(get("/escalation-policies/" + policy).with(user(reader))))
				.contains("<fieldset class=\"plain\" disabled=\"disabled\">").doesNotContain("Save policy")
				.doesNotContain("Delete policy");
			assertThat(mvc.perform(get("/escalation-policies/new").with(user(reader))).andReturn().getResponse()
				.getStatus()).as(role).isEqualTo(403);
			for (var request : List.of(form(reader).param("name", unique("Mine")).param("level0_present", "1")
				.param("level0_targets", "person:" + jill.id()),
					form(reader).param("id", policy.toString()).param("name", unique("Mine")).param("level0_present", "1")
						.param("level0_targets", "person:" + jill.id()),
					form(reader).param("name", unique("Mine")).param("add_level", "1"),
					post("/escalation-policies/" + policy + "/delete").with(user(reader)).with(csrf()))) {
				assertThat(mvc.perform(request).andReturn().getResponse().getStatus()).as(role).isEqualTo(403);
			}
		}

		assertThat(policies()).isEqualTo(before);
		api.get(POLICIES + "/" + policy, adminToken).expectStatus(200);
	}

	@Test
	void withoutTheCsrfTokenNothingIsPosted() throws Exception {
		var name = unique("Forged");
		var before = policies();

		var response = mvc.perform(post("/escalation-policies").with(user(admin)).param("name", name)
			.param("level0_present", "1").param("level0_targets", "person:" + jill.id())).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(policies()).isEqualTo(before);
		assertThat(named(name)).isZero();
	}

	@Test
	void aPolicyThatDoesNotExistIsNotFound() throws Exception {
		var missing = mvc.perform(get("/escalation-policies/" + UUID.randomUUID()).with(user(admin))).andReturn()
			.getResponse();

		assertThat(missing.getStatus()).isEqualTo(404);
	}

	// ---- helpers ----

	private MockHttpServletRequestBuilder form(FirebreakUser who) {
		return post("/escalation-policies").with(user(who)).with(csrf());
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as("status of %s", request).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private FirebreakUser signedIn(String email) {
		return (FirebreakUser) users.loadUserByUsername(email);
	}

	private String displayName(Person person) {
		return api.get("/api/v1/accounts/" + person.id(), adminToken).expectStatus(200).json().get("display_name")
			.asString();
	}

	private String serviceName(UUID service) {
		return api.get("/api/v1/services/" + service, adminToken).expectStatus(200).json().get("name").asString();
	}

	private long policies() {
		return jdbc.sql("""
				select (select count(*) from escalation_policy) + (select count(*) from escalation_level)
				     + (select count(*) from escalation_target) + (select count(*) from escalation_service_policy)
				     + (select count(*) from identity_audit)""")
			.query(Long.class).single();
	}

	private long named(String name) {
		return jdbc.sql("select count(*) from escalation_policy where name = :name").param("name", name)
				.query(Long.class).single();
	}

	private static String unique(String name) {
		return name + " " + UUID.randomUUID().toString().substring(0, 8);
	}
}
