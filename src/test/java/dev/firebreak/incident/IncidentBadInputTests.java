package dev.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Collections;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.ErrorResponseException;

import dev.firebreak.ApiTest;
import tools.jackson.databind.JsonNode;

/** Input at and past the edges: each is answered clearly, the same on H2 and PostgreSQL, and changes nothing. */
class IncidentBadInputTests extends ApiTest {

	@Autowired
	Incidents incidents;

	private Person responder;

	@BeforeEach
	void signIn() {
		responder = person("responder");
	}

	@Test
	void aStatusNoteAtTheLimitFitsOnTheTimeline() {
		var id = declare("{\"title\": \"Long note\"}").get("id").asString();
		var note = "n".repeat(20_000);

		var moved = api.post("/api/v1/incidents/" + id + "/status", responder.token(), """
				{"status": "investigating", "note": "%s"}""".formatted(note)).expectStatus(200).json();

		assertThat(moved.get("status").asString()).isEqualTo("investigating");
		var timeline = api.get("/api/v1/incidents/" + id + "/timeline", responder.token()).json();
		assertThat(timeline.get(timeline.size() - 1).get("text").asString()).endsWith(note);
	}

	@Test
	void controlCharactersAreRefusedWhereTheyArrive() {
		var before = count();
		var problem = api.post("/api/v1/incidents", responder.token(), "{\"title\": \"nul \\u0000 byte\"}").problem(400);
		assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("/title");
		assertThat(problem.get("detail").asString()).contains("control character");
		api.post("/api/v1/incidents", responder.token(), "{\"title\": \"ok\", \"summary\": \"bell \\u0007\"}").problem(400);
		assertThat(count()).isEqualTo(before);

		// line breaks and tabs are text
		var incident = declare("{\"title\": \"Two lines\", \"summary\": \"first\\nsecond\\tindented\"}");
		assertThat(incident.get("summary").asString()).isEqualTo("first\nsecond\tindented");
		var id = incident.get("id").asString();
		api.post("/api/v1/incidents/" + id + "/timeline", responder.token(), "{\"text\": \"a\\u0000b\"}").problem(400);
	}

	@Test
	void theFacadeRefusesControlCharactersToo() {
		var before = count();
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> incidents.declare(Declaration.of("nul \u0000 byte", Severity.SEV3), responder.id()))
			.satisfies(e -> assertThat(e.getBody().getDetail()).contains("control character"));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void affectedServicesAreCountedOnceAndBounded() {
		var service = api.post("/api/v1/services", adminToken(), """
				{"name": "dedup-%s"}""".formatted(UUID.randomUUID())).expectStatus(201).json().get("id").asString();

		var incident = declare("""
				{"title": "Twice named", "affected_service_ids": ["%s", "%s"]}""".formatted(service, service));
		assertThat(incident.get("affected_service_ids").values()).extracting(JsonNode::asString).containsExactly(service);

		var before = count();
		var many = Collections.nCopies(101, "\"" + UUID.randomUUID() + "\"").stream().collect(Collectors.joining(","));
		var problem = api.post("/api/v1/incidents", responder.token(), """
				{"title": "Everything", "affected_service_ids": [%s]}""".formatted(many)).problem(400);
		assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("/affected_service_ids");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aBadTimeIsNamedWithItsField() {
		var before = count();
		var problem = api.post("/api/v1/incidents", responder.token(), """
				{"title": "When?", "detected_at": "yesterday"}""").problem(400);
		assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("/detected_at");
		assertThat(problem.get("detail").asString()).contains("yesterday").contains("2026-01-31T12:00:00Z");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aFieldSentTwiceIsRefused() {
		var before = count();
		var problem = api.post("/api/v1/incidents", responder.token(), """
				{"title": "first", "title": "second"}""").problem(400);
		assertThat(problem.get("detail").asString()).contains("title");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void onlyRespondersHoldTheLeadingRolesButViewersMayAdvise() {
		var id = declare("{\"title\": \"Who leads\", \"severity\": \"SEV1\"}").get("id").asString();
		var viewer = person("viewer");

		var problem = api.put("/api/v1/incidents/" + id + "/roles/incident_commander", responder.token(), """
				{"account_id": "%s"}""".formatted(viewer.id())).problem(400);
		assertThat(problem.get("detail").asString()).contains("viewer");
		assertThat(api.get("/api/v1/incidents/" + id, responder.token()).json().get("roles").get("incident_commander")
			.asString()).isEqualTo(responder.id().toString());

		var advised = api.put("/api/v1/incidents/" + id + "/roles/subject_matter_expert", responder.token(), """
				{"account_id": "%s"}""".formatted(viewer.id())).expectStatus(200).json();
		assertThat(advised.get("subject_matter_experts").values()).extracting(JsonNode::asString)
			.contains(viewer.id().toString());
	}

	private JsonNode declare(String json) {
		return api.post("/api/v1/incidents", responder.token(), json).expectStatus(201).json();
	}

	private long count() {
		return jdbc.sql("select count(*) from incident").query(Long.class).single();
	}
}
