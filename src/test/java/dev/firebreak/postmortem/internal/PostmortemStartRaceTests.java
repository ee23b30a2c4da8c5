package dev.firebreak.postmortem.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.firebreak.ApiTest;
import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.incident.Incidents;

/**
 * Starting a post-mortem by hand that someone else created between the check and the insert: theirs
 * is answered, and the audit log says "created" once, for the one that was.
 */
class PostmortemStartRaceTests extends ApiTest {

	@Autowired
	PostmortemService postmortems;

	@Autowired
	PostmortemStore store;

	@Autowired
	Incidents incidents;

	@Autowired
	Accounts accounts;

	@Test
	void theLoserOfTheRaceAnswersTheWinnersPostmortemAndAuditsNothing() {
		var responder = person("responder");
		var user = new FirebreakUser(accounts.find(responder.id()).orElseThrow(), null);
		var lost = resolvedSev3(responder);
		var theirs = UUID.randomUUID();
		assertThat(store.createIfAbsent(theirs, lost.number(), responder.id(), "theirs", null, responder.id(), clock.instant()))
			.isTrue();

		var started = postmortems.createByHand(lost, user);
		assertThat(started.created()).isFalse();
		assertThat(started.postmortem().id()).isEqualTo(theirs);
		assertThat(created(theirs.toString())).as("the winner audits its own creation").isEmpty();
		assertThat(created(lost.id())).isEmpty();

		var won = postmortems.createByHand(resolvedSev3(responder), user);
		assertThat(won.created()).isTrue();
		assertThat(created(won.postmortem().id().toString())).hasSize(1);
	}

	private dev.firebreak.incident.Incident resolvedSev3(Person by) {
		var id = api.post("/api/v1/incidents", by.token(),
				"{\"title\": \"Race %s\", \"severity\": \"SEV3\"}".formatted(UUID.randomUUID())).expectStatus(201).json()
			.get("id").asString();
		api.resolve(id, by.token()).expectStatus(200);
		settle();
		var number = Long.parseLong(id.substring(dev.firebreak.incident.Incident.PREFIX.length()));
		assertThat(store.ofIncident(number)).as("a quiet SEV3 has none until someone starts one").isEmpty();
		return incidents.find(number).orElseThrow();
	}

	/** The postmortem.created entries about this target. */
	private List<String> created(String target) {
		return api.get("/api/v1/audit?size=200", adminToken()).expectStatus(200).json().get("items").values().stream()
			.filter(e -> e.get("action").asString().equals("postmortem.created"))
			.filter(e -> target.equals(e.get("target_id").asString()) || e.get("detail") != null
					&& e.get("detail").asString().startsWith(target + ":"))
			.map(e -> e.get("target_id").asString()).toList();
	}
}
