package dev.firebreak.statuspage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.firebreak.ApiTest;
import dev.firebreak.identity.FirebreakUser;

/**
 * Scheduled maintenance in the browser: planned with times in the page's zone (or an explicit
 * offset) and components as checkboxes, listed as upcoming, going on and completed, changed while
 * scheduled, moved on by hand, updated and cancelled; refused in words.
 */
class MaintenancePagesTests extends ApiTest {

	private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	@Autowired
	private UserDetailsService users;

	private String admin;

	private StatusPageWorld world;

	private FirebreakUser responder;

	private FirebreakUser viewer;

	@BeforeEach
	void people() {
		admin = adminToken();
		world = new StatusPageWorld(api, admin);
		responder = (FirebreakUser) users.loadUserByUsername(person("responder").email());
		viewer = (FirebreakUser) users.loadUserByUsername(person("viewer").email());
	}

	@Test
	void aResponderPlansChangesMovesOnAndUpdatesAMaintenance() throws Exception {
		var name = StatusPageWorld.unique("Checkout");
		var component = world.component(name, null).get("id").asString();
		var other = world.component(StatusPageWorld.unique("Search"), null).get("id").asString();
		var zone = ZoneId.of(api.get("/api/v1/status-page/settings", admin).json().get("time_zone").asString());
		var from = clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
		var until = from.plus(Duration.ofHours(2));
		var title = StatusPageWorld.unique("Database upgrade");

		var planned = send(post("/status-page/maintenances").with(user(responder)).param("name", title)
			.param("scheduledFor", typed(from, zone)).param("scheduledUntil", typed(until, zone))
			.param("componentIds", component).param("body", "Checkout may be slow for a few minutes."));

		assertThat(planned.getStatus()).isEqualTo(302);
		var id = planned.getRedirectedUrl().substring("/status-page/maintenances/".length());
		var stored = maintenance(id);
		assertThat(stored.get("name").asString()).isEqualTo(title);
		assertThat(Instant.parse(stored.get("scheduled_for").asString())).isEqualTo(from);
		assertThat(Instant.parse(stored.get("scheduled_until").asString())).isEqualTo(until);
		assertThat(stored.get("component_ids").get(0).asString()).isEqualTo(component);
		var list = page(get("/status-page/maintenances").with(user(viewer)));
		var upcoming = list.substring(list.indexOf("id=\"upcoming-list\""));
		assertThat(upcoming.substring(0, upcoming.indexOf("</table>"))).contains(title).contains("Scheduled").contains(name);
		assertThat(list).doesNotContain("Plan maintenance");
		var shown = page(get("/status-page/maintenances/" + id).with(user(responder)));
		assertThat(shown).contains("Checkout may be slow for a few minutes.").contains("Change the plan")
			.contains("value=\"" + typed(from, zone) + "\"").contains("value=\"" + component + "\" checked");

		// changed while scheduled: an hour later, given with an explicit offset, on both components
		var later = from.plus(Duration.ofHours(1));
		var changed = send(post("/status-page/maintenances/" + id).with(user(responder)).param("name", title + " (moved)")
			.param("scheduledFor", later.atOffset(ZoneOffset.ofHours(5)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
			.param("scheduledUntil", until.plus(Duration.ofHours(1)).toString())
			.param("componentIds", component, other).param("body", ""));
		assertThat(changed.getStatus()).isEqualTo(302);
		var edited = maintenance(id);
		assertThat(edited.get("name").asString()).isEqualTo(title + " (moved)");
		assertThat(Instant.parse(edited.get("scheduled_for").asString())).isEqualTo(later);
		assertThat(Instant.parse(edited.get("scheduled_until").asString())).isEqualTo(until.plus(Duration.ofHours(1)));
		assertThat(edited.get("component_ids")).hasSize(2);

		var comment = send(post("/status-page/maintenances/" + id + "/updates").with(user(responder))
			.param("body", "We start on time."));
		assertThat(comment.getStatus()).isEqualTo(302);
		var started = send(post("/status-page/maintenances/" + id + "/status").with(user(responder))
			.param("status", "in_progress").param("body", "We started early."));
		assertThat(started.getStatus()).isEqualTo(302);
		assertThat(maintenance(id).get("status").asString()).isEqualTo("in_progress");
		assertThat(StatusPageWorld.byId(world.json("summary.json").get("components"), component).get("status").asString())
			.isEqualTo("under_maintenance");
		var active = page(get("/status-page/maintenances").with(user(responder)));
		var going = active.substring(active.indexOf("id=\"active-list\""));
		assertThat(going.substring(0, going.indexOf("</table>"))).contains(title + " (moved)").contains("In progress");
		var now = page(get("/status-page/maintenances/" + id).with(user(responder)));
		assertThat(now).contains("We started early.").contains("We start on time.").doesNotContain("Change the plan");

		var cancelStarted = send(post("/status-page/maintenances/" + id + "/cancel").with(user(responder)));
		assertThat(cancelStarted.getStatus()).isEqualTo(422);
		assertThat(text(cancelStarted)).contains("id=\"cancel-error\"").contains("has started; complete it instead");

		var done = send(post("/status-page/maintenances/" + id + "/status").with(user(responder)).param("status", "completed")
			.param("body", ""));
		assertThat(done.getStatus()).isEqualTo(302);
		assertThat(maintenance(id).get("status").asString()).isEqualTo("completed");
		var completed = page(get("/status-page/maintenances").with(user(responder)));
		var past = completed.substring(completed.indexOf("id=\"completed-list\""));
		assertThat(past.substring(0, past.indexOf("</table>"))).contains(title + " (moved)");
		assertThat(StatusPageWorld.byId(world.json("summary.json").get("components"), component).get("status").asString())
			.isEqualTo("operational");
		var back = send(post("/status-page/maintenances/" + id + "/status").with(user(responder)).param("status", "verifying")
			.param("body", ""));
		assertThat(back.getStatus()).isEqualTo(422);
		assertThat(text(back)).contains("id=\"move-error\"").doesNotContain("Move it on</button>");
	}

	@Test
	void aScheduledMaintenanceIsCancelledAndLeavesThePage() throws Exception {
		var component = world.component(StatusPageWorld.unique("Reports"), null).get("id").asString();
		var title = StatusPageWorld.unique("Index rebuild");
		var id = plan(title, component, clock.instant().plus(Duration.ofDays(2)));
		assertThat(world.json("scheduled-maintenances/upcoming.json").toString()).contains(title);

		var cancelled = send(post("/status-page/maintenances/" + id + "/cancel").with(user(responder)));

		assertThat(cancelled.getRedirectedUrl()).isEqualTo("/status-page/maintenances");
		api.get("/api/v1/status-page/maintenances/" + id, admin).expectStatus(404);
		assertThat(world.json("scheduled-maintenances/upcoming.json").toString()).doesNotContain(title);
	}

	@Test
	void badInputComesBackOnTheFormInWordsAndPlansNothing() throws Exception {
		var component = world.component(StatusPageWorld.unique("Mail"), null).get("id").asString();
		var zone = api.get("/api/v1/status-page/settings", admin).json().get("time_zone").asString();
		var title = StatusPageWorld.unique("Never planned");
		var from = clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES);

		var backwards = send(post("/status-page/maintenances").with(user(responder)).param("name", title)
			.param("scheduledFor", typed(from, ZoneId.of(zone))).param("scheduledUntil", typed(from.minusSeconds(3600), ZoneId.of(zone)))
			.param("componentIds", component).param("body", "Typed words"));
		var nonsense = send(post("/status-page/maintenances").with(user(responder)).param("name", title)
			.param("scheduledFor", "tomorrow evening").param("scheduledUntil", "2099-01-01 10:00").param("componentIds", component));
		var nothing = send(post("/status-page/maintenances").with(user(responder)).param("name", title)
			.param("scheduledFor", typed(from, ZoneId.of(zone))).param("scheduledUntil", typed(from.plusSeconds(3600), ZoneId.of(zone))));
		var noName = send(post("/status-page/maintenances").with(user(responder)).param("name", "")
			.param("scheduledFor", typed(from, ZoneId.of(zone))).param("scheduledUntil", typed(from.plusSeconds(3600), ZoneId.of(zone)))
			.param("componentIds", component));

		assertThat(backwards.getStatus()).isEqualTo(422);
		assertThat(text(backwards)).contains("scheduled_until must be after scheduled_for").contains("value=\"" + title + "\"")
			.contains("Typed words").contains("value=\"" + component + "\" checked");
		assertThat(nonsense.getStatus()).isEqualTo(422);
		assertThat(text(nonsense)).contains("is not a time like 2026-12-01 22:00 (read in " + zone + ")");
		assertThat(nothing.getStatus()).isEqualTo(422);
		assertThat(text(nothing)).contains("name at least one component");
		assertThat(noName.getStatus()).isEqualTo(422);
		assertThat(text(noName)).contains("name is required");
		assertThat(api.get("/api/v1/status-page/maintenances?size=200", admin).body()).doesNotContain(title);

		var id = plan(StatusPageWorld.unique("Kept"), component, from);
		var emptyUpdate = send(post("/status-page/maintenances/" + id + "/updates").with(user(responder)).param("body", " "));
		var noStep = send(post("/status-page/maintenances/" + id + "/status").with(user(responder)).param("status", "later"));
		assertThat(emptyUpdate.getStatus()).isEqualTo(422);
		assertThat(text(emptyUpdate)).contains("id=\"comment-error\"").contains("body is required");
		assertThat(noStep.getStatus()).isEqualTo(422);
		assertThat(text(noStep)).contains("choose where the work stands");
		assertThat(maintenance(id).get("status").asString()).isEqualTo("scheduled");
	}

	@Test
	void viewersReadButCannotPlanAndMissingMaintenancesAreNotFound() throws Exception {
		var component = world.component(StatusPageWorld.unique("Uploads"), null).get("id").asString();
		var id = plan(StatusPageWorld.unique("Storage move"), component, clock.instant().plus(Duration.ofDays(4)));

		var shown = page(get("/status-page/maintenances/" + id).with(user(viewer)));
		var refused = send(post("/status-page/maintenances/" + id + "/cancel").with(user(viewer)));
		var missing = mvc.perform(get("/status-page/maintenances/" + java.util.UUID.randomUUID()).with(user(viewer)))
			.andReturn().getResponse();

		assertThat(shown).contains("Storage move").doesNotContain("Cancel the maintenance").doesNotContain("Move it on");
		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(maintenance(id).get("status").asString()).isEqualTo("scheduled");
		assertThat(missing.getStatus()).isEqualTo(404);
		assertThat(text(missing)).contains("Maintenance not found");
	}

	private String plan(String title, String component, Instant from) throws Exception {
		var response = send(post("/status-page/maintenances").with(user(responder)).param("name", title)
			.param("scheduledFor", from.toString()).param("scheduledUntil", from.plus(Duration.ofHours(1)).toString())
			.param("componentIds", component));
		assertThat(response.getStatus()).as(text(response)).isEqualTo(302);
		return response.getRedirectedUrl().substring("/status-page/maintenances/".length());
	}

	private tools.jackson.databind.JsonNode maintenance(String id) {
		return api.get("/api/v1/status-page/maintenances/" + id, admin).expectStatus(200).json();
	}

	private static String typed(Instant instant, ZoneId zone) {
		return TYPED.format(instant.atZone(zone));
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
