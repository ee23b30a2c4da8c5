package dev.firebreak.comms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.firebreak.ApiTest;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.ResolutionCheck;

/** The resolution criterion "final status update posted internally and externally". */
class FinalUpdatesCheckTests extends ApiTest {

	@Autowired
	private List<ResolutionCheck> checks;

	@Autowired
	private Incidents incidents;

	private Person responder;

	@BeforeEach
	void signIn() {
		responder = person("responder");
	}

	private String declare(String severity, boolean isPrivate) {
		return api.post("/api/v1/incidents", responder.token(), """
				{"title": "Card payments fail", "severity": "%s", "private": %s}""".formatted(severity, isPrivate))
			.expectStatus(201).json().get("id").asString();
	}

	private void post(String incident, String json) {
		api.post("/api/v1/incidents/" + incident + "/status-updates", responder.token(), json).expectStatus(201);
	}

	private List<String> unmet(String incident) {
		var found = incidents.find(Incident.parseNumber(incident)).orElseThrow();
		return checks.stream().filter(FinalUpdatesCheck.class::isInstance).findFirst().orElseThrow().unmet(found);
	}

	@Test
	void aSev1NeedsAnInternalUpdateAfterMitigationAndAPublicResolvedUpdate() {
		var incident = declare("SEV1", false);
		post(incident, """
				{"audience": "internal", "text": "Looking into it."}""");
		timePasses(java.time.Duration.ofMinutes(5));
		api.post("/api/v1/incidents/" + incident + "/mitigations", responder.token(), """
				{"lever": "rollback", "description": "Rolled back", "mitigated": true}""").expectStatus(201);

		assertThat(unmet(incident)).hasSize(2).anySatisfy(item -> assertThat(item).contains("since the incident was mitigated"))
			.anySatisfy(item -> assertThat(item).contains("phase 'resolved'"));

		timePasses(java.time.Duration.ofMinutes(1));
		post(incident, """
				{"audience": "internal", "text": "Rolled back; errors are gone."}""");
		post(incident, """
				{"audience": "public", "phase": "monitoring", "text": "Card payments work again; we are watching. Next update by 11:30 UTC."}""");
		assertThat(unmet(incident)).singleElement().asString().contains("phase 'resolved'");

		post(incident, """
				{"audience": "public", "phase": "resolved", "text": "Card payments work normally again since 10:05 UTC."}""");
		assertThat(unmet(incident)).isEmpty();
	}

	@Test
	void withoutMitigationAnyInternalUpdateDoesAndAPrivateOrSev3IncidentNeedsNoPublicOne() {
		var sev3 = declare("SEV3", false);
		var secret = declare("SEV1", true);

		assertThat(unmet(sev3)).singleElement().asString().contains("none has been posted yet");
		assertThat(unmet(secret)).singleElement().asString().contains("internal");

		post(sev3, """
				{"audience": "internal", "text": "Fixed the typo."}""");
		post(secret, """
				{"audience": "internal", "text": "Rotated the keys."}""");
		assertThat(unmet(sev3)).isEmpty();
		assertThat(unmet(secret)).isEmpty();
	}
}
