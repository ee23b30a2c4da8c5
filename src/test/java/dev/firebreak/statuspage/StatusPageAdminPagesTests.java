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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.firebreak.ApiTest;
import dev.firebreak.identity.FirebreakUser;

/**
 * The status page's administration in the browser: the overview, the settings, groups and
 * components (admins), and a component's status by a person's word (responders).
 */
class StatusPageAdminPagesTests extends ApiTest {

	@Autowired
	private UserDetailsService users;

	private String admin;

	private StatusPageWorld world;

	private FirebreakUser administrator;

	private FirebreakUser responder;

	private FirebreakUser viewer;

	@BeforeEach
	void people() {
		admin = adminToken();
		world = new StatusPageWorld(api, admin);
		administrator = signedIn(ADMIN_EMAIL);
		responder = signedIn(person("responder").email());
		viewer = signedIn(person("viewer").email());
	}

	@Test
	void theOverviewListsComponentsWithTheirGroupStatusAndServices() throws Exception {
		var service = world.service("ledger-db");
		var serviceName = api.get("/api/v1/services/" + service, admin).json().get("name").asString();
		var groupName = StatusPageWorld.unique("Billing");
		var group = world.group(groupName);
		var name = StatusPageWorld.unique("Invoices");
		var component = world.component(name, group, service).get("id").asString();

		var html = page(get("/status-page").with(user(viewer)));

		var row = html.substring(html.indexOf("id=\"component-" + component + "\""));
		row = row.substring(0, row.indexOf("</tr>"));
		assertThat(row).contains(name).contains(groupName).contains("Operational").contains(serviceName)
			.contains("href=\"/status-page/components/" + component + "\"");
		assertThat(html).contains("href=\"/status-page/groups/" + group + "\"").contains("href=\"/status-page\"")
			.contains("Status page").contains("href=\"/status-page/maintenances\"")
			.contains("Only administrators change").doesNotContain("New group").doesNotContain("New component");
		assertThat(page(get("/status-page").with(user(administrator)))).contains("New group").contains("New component");
	}

	@Test
	void anAdminShapesGroupsAndComponentsThroughTheForms() throws Exception {
		var service = world.service("orders-db");
		var groupName = StatusPageWorld.unique("Shop");
		var created = send(post("/status-page/groups").with(user(administrator)).param("name", groupName)
			.param("description", "Buying things").param("position", "3"));
		assertThat(created.getStatus()).isEqualTo(302);
		var group = find(api.get("/api/v1/status-page/groups?size=200", admin).json().get("items"), groupName);
		assertThat(group.get("description").asString()).isEqualTo("Buying things");
		assertThat(group.get("position").asInt()).isEqualTo(3);
		var groupId = group.get("id").asString();

		var name = StatusPageWorld.unique("Orders");
		var componentPage = send(post("/status-page/components").with(user(administrator)).param("name", name)
			.param("description", "Placing an order").param("groupId", groupId).param("position", "2")
			.param("serviceIds", service).param("showcase", "true").param("startDate", "2026-01-15"));
		assertThat(componentPage.getStatus()).isEqualTo(302);
		var componentId = componentPage.getRedirectedUrl().substring("/status-page/components/".length());
		var component = api.get("/api/v1/status-page/components/" + componentId, admin).expectStatus(200).json();
		assertThat(component.get("name").asString()).isEqualTo(name);
		assertThat(component.get("group_id").asString()).isEqualTo(groupId);
		assertThat(component.get("position").asInt()).isEqualTo(2);
		assertThat(component.get("service_ids").get(0).asString()).isEqualTo(service);
		assertThat(component.get("showcase").asBoolean()).isTrue();
		assertThat(component.get("only_show_if_degraded").asBoolean()).isFalse();
		assertThat(component.get("start_date").asString()).isEqualTo("2026-01-15");
		assertThat(page(get("/status-page/components/" + componentId).with(user(administrator)))).contains(name)
			.contains("value=\"" + service + "\" checked").contains("Placing an order");

		var renamed = name + " and returns";
		assertThat(send(post("/status-page/components/" + componentId).with(user(administrator)).param("name", renamed)
			.param("description", "").param("groupId", "").param("position", "1").param("onlyShowIfDegraded", "true")
			.param("startDate", "2026-01-15")).getStatus()).isEqualTo(302);
		var changed = api.get("/api/v1/status-page/components/" + componentId, admin).json();
		assertThat(changed.get("name").asString()).isEqualTo(renamed);
		assertThat(changed.get("group_id").isNull()).isTrue();
		assertThat(changed.get("service_ids")).isEmpty();
		assertThat(changed.get("only_show_if_degraded").asBoolean()).isTrue();
		assertThat(changed.get("showcase").asBoolean()).isFalse();

		assertThat(send(post("/status-page/groups/" + groupId).with(user(administrator)).param("name", groupName + " front")
			.param("description", "The shop front").param("position", "1")).getStatus()).isEqualTo(302);
		var renamedGroup = api.get("/api/v1/status-page/groups/" + groupId, admin).json();
		assertThat(renamedGroup.get("name").asString()).isEqualTo(groupName + " front");
		assertThat(renamedGroup.get("description").asString()).isEqualTo("The shop front");
		assertThat(renamedGroup.get("position").asInt()).isEqualTo(1);

		assertThat(send(post("/status-page/groups/" + groupId + "/delete").with(user(administrator))).getRedirectedUrl())
			.isEqualTo("/status-page");
		api.get("/api/v1/status-page/groups/" + groupId, admin).expectStatus(404);
		assertThat(send(post("/status-page/components/" + componentId + "/delete").with(user(administrator)))
			.getStatus()).isEqualTo(302);
		api.get("/api/v1/status-page/components/" + componentId, admin).expectStatus(404);
		var audit = api.get("/api/v1/audit?size=50", admin).body();
		assertThat(audit).contains("statuspage.group_created").contains("statuspage.component_changed")
			.contains("statuspage.component_deleted").contains(componentId).contains(groupId);
	}

	@Test
	void badInputComesBackOnTheFormInWordsAndChangesNothing() throws Exception {
		var taken = StatusPageWorld.unique("Search");
		world.component(taken, null);
		var before = api.get("/api/v1/status-page/components?size=1", admin).json().get("total").asInt();
		var groupsBefore = api.get("/api/v1/status-page/groups?size=1", admin).json().get("total").asInt();
		var revision = revision();

		var noName = send(post("/status-page/groups").with(user(administrator)).param("name", " ")
			.param("description", "Typed before the mistake").param("position", ""));
		var badPosition = send(post("/status-page/components").with(user(administrator)).param("name", "Typed name")
			.param("position", "first"));
		var duplicate = send(post("/status-page/components").with(user(administrator)).param("name", taken.toUpperCase()));
		var badDate = send(post("/status-page/components").with(user(administrator)).param("name", "Dated")
			.param("startDate", "last spring"));

		assertThat(noName.getStatus()).isEqualTo(422);
		assertThat(text(noName)).contains("name is required").contains("Typed before the mistake").contains("New group");
		assertThat(badPosition.getStatus()).isEqualTo(422);
		assertThat(text(badPosition)).contains("&#39;first&#39; is not a position").contains("value=\"Typed name\"");
		assertThat(duplicate.getStatus()).isEqualTo(422);
		assertThat(text(duplicate)).contains("There is already a component named");
		assertThat(badDate.getStatus()).isEqualTo(422);
		assertThat(text(badDate)).contains("is not a date like 2026-03-02");
		assertThat(api.get("/api/v1/status-page/components?size=1", admin).json().get("total").asInt()).isEqualTo(before);
		assertThat(api.get("/api/v1/status-page/groups?size=1", admin).json().get("total").asInt()).isEqualTo(groupsBefore);

		var settings = api.get("/api/v1/status-page/settings", admin).json();
		var pale = send(post("/status-page/settings").with(user(administrator)).param("name", "Pale")
			.param("brandColour", "#ffff00").param("timeZone", "UTC"));
		var zone = send(post("/status-page/settings").with(user(administrator)).param("name", "Zoned")
			.param("brandColour", "#1f5fbf").param("timeZone", "Mars/Olympus"));
		assertThat(pale.getStatus()).isEqualTo(422);
		assertThat(text(pale)).contains("hard to read").contains("value=\"Pale\"");
		assertThat(zone.getStatus()).isEqualTo(422);
		assertThat(text(zone)).contains("is not a time zone");
		var after = api.get("/api/v1/status-page/settings", admin).json();
		assertThat(after.get("name")).isEqualTo(settings.get("name"));
		assertThat(after.get("brand_colour")).isEqualTo(settings.get("brand_colour"));
		assertThat(revision()).isEqualTo(revision);
	}

	@Test
	void anAdminChangesThePagesSettingsAndThePublicPageShowsThem() throws Exception {
		var original = api.get("/api/v1/status-page/settings", admin).json();
		var name = StatusPageWorld.unique("Acme");
		try {
			var saved = send(post("/status-page/settings").with(user(administrator)).param("name", name)
				.param("logoUrl", "https://acme.example/logo.png").param("logoAlt", "Acme")
				.param("brandColour", "#203a60").param("timeZone", "Europe/Berlin").param("hostName", ""));
			assertThat(saved.getStatus()).isEqualTo(302);
			var settings = api.get("/api/v1/status-page/settings", admin).json();
			assertThat(settings.get("name").asString()).isEqualTo(name);
			assertThat(settings.get("logo_url").asString()).isEqualTo("https://acme.example/logo.png");
			assertThat(settings.get("logo_alt").asString()).isEqualTo("Acme");
			assertThat(settings.get("brand_colour").asString()).isEqualTo("#203a60");
			assertThat(settings.get("time_zone").asString()).isEqualTo("Europe/Berlin");
			assertThat(settings.get("host_name").isNull()).isTrue();
			assertThat(api.get("/status", null).expectStatus(200).body()).contains(name)
				.contains("src=\"https://acme.example/logo.png\"").contains("alt=\"Acme\"").contains("#203a60");
			assertThat(page(get("/status-page/settings").with(user(administrator)))).contains("value=\"" + name + "\"")
				.contains("value=\"Europe/Berlin\"");
		}
		finally {
			var restored = new java.util.LinkedHashMap<String, Object>();
			for (var field : java.util.List.of("name", "logo_url", "logo_alt", "brand_colour", "time_zone", "host_name")) {
				var value = original.get(field);
				restored.put(field, value == null || value.isNull() ? null : value.asString());
			}
			api.put("/api/v1/status-page/settings", admin, json.writeValueAsString(restored)).expectStatus(200);
		}
	}

	@Test
	void aResponderHoldsAComponentsStatusAndLetsItFollowIncidentsAgain() throws Exception {
		var name = StatusPageWorld.unique("Login");
		var component = world.component(name, null).get("id").asString();

		var noReason = send(post("/status-page/components/" + component + "/status").with(user(responder))
			.param("status", "major_outage").param("reason", ""));
		assertThat(noReason.getStatus()).isEqualTo(422);
		assertThat(text(noReason)).contains("id=\"status-error\"").contains("reason is required");
		assertThat(status(component)).isEqualTo("operational");

		var held = send(post("/status-page/components/" + component + "/status").with(user(responder))
			.param("status", "major_outage").param("reason", "Sign-in fails at the identity provider"));
		assertThat(held.getRedirectedUrl()).isEqualTo("/status-page/components/" + component);
		assertThat(status(component)).isEqualTo("major_outage");
		var shown = page(get("/status-page/components/" + component).with(user(responder)));
		assertThat(shown).contains("Major outage").contains("by a person's word").contains("Follow incidents again")
			.contains("Only administrators change components");

		var released = send(post("/status-page/components/" + component + "/status").with(user(responder))
			.param("status", "").param("follow", "true").param("reason", "The provider recovered"));
		assertThat(released.getStatus()).isEqualTo(302);
		assertThat(status(component)).isEqualTo("operational");
		assertThat(api.get("/api/v1/status-page/components/" + component, admin).json().get("manual_status").isNull())
			.isTrue();
	}

	@Test
	void respondersAndViewersAreRefusedWhatTheirRoleDoesNotAllow() throws Exception {
		var component = world.component(StatusPageWorld.unique("Search"), null).get("id").asString();
		var settings = api.get("/api/v1/status-page/settings", admin).json();

		var group = send(post("/status-page/groups").with(user(responder)).param("name", "Sneaky"));
		var rename = send(post("/status-page/settings").with(user(responder)).param("name", "Sneaky")
			.param("timeZone", "UTC"));
		var delete = send(post("/status-page/components/" + component + "/delete").with(user(responder)));
		var word = send(post("/status-page/components/" + component + "/status").with(user(viewer))
			.param("status", "major_outage").param("reason", "no"));

		assertThat(group.getStatus()).isEqualTo(403);
		assertThat(text(group)).contains("Only administrators change the page&#39;s settings");
		assertThat(rename.getStatus()).isEqualTo(403);
		assertThat(delete.getStatus()).isEqualTo(403);
		assertThat(word.getStatus()).isEqualTo(403);
		assertThat(api.get("/api/v1/status-page/settings", admin).json().get("name")).isEqualTo(settings.get("name"));
		assertThat(api.get("/api/v1/status-page/components/" + component, admin).expectStatus(200).json()
			.get("status").asString()).isEqualTo("operational");
		assertThat(find(api.get("/api/v1/status-page/groups?size=200", admin).json().get("items"), "Sneaky")).isNull();

		var readOnly = page(get("/status-page/settings").with(user(viewer)));
		assertThat(readOnly).contains("Only administrators change these settings").contains("disabled")
			.doesNotContain(">Save</button>");
		var componentPage = page(get("/status-page/components/" + component).with(user(viewer)));
		assertThat(componentPage).doesNotContain("Set the status").contains("disabled");
		var missing = mvc.perform(get("/status-page/components/not-a-component").with(user(viewer))).andReturn()
			.getResponse();
		assertThat(missing.getStatus()).isEqualTo(404);
		assertThat(text(missing)).contains("Component not found");
	}

	private String status(String component) {
		return StatusPageWorld.byId(world.json("summary.json").get("components"), component).get("status").asString();
	}

	private long revision() {
		return api.get("/api/v1/status-page/settings", admin).json().get("revision").asLong();
	}

	private static tools.jackson.databind.JsonNode find(tools.jackson.databind.JsonNode items, String name) {
		for (var item : items) {
			if (item.get("name").asString().equals(name)) {
				return item;
			}
		}
		return null;
	}

	private FirebreakUser signedIn(String email) {
		return (FirebreakUser) users.loadUserByUsername(email);
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(csrf())).andReturn().getResponse();
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		var response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as("status of %s", response.getContentAsString()).isEqualTo(200);
		return text(response);
	}

	private static String text(MockHttpServletResponse response) throws Exception {
		return response.getContentAsString(StandardCharsets.UTF_8);
	}
}
