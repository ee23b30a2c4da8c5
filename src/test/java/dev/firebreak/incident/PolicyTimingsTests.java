package dev.firebreak.incident;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import dev.firebreak.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * Timings come from {@code firebreak.policy}, nowhere else: with another policy (in its own
 * application context) every due time, reminder and consequence moves with it. That context is
 * closed when the class is done, rather than left to the JVM's exit beside the shared one.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = { "firebreak.policy.unclassified-after=PT3M",
		"firebreak.policy.severities.sev2.role-deadline=PT7M", "firebreak.policy.war-room.sev2-unmitigated-after=PT12M",
		"firebreak.policy.war-room.checkpoint=PT4M", "firebreak.policy.cadence.reminder-before=PT1M",
		"firebreak.policy.cadence.internal=PT8M", "firebreak.policy.escalation.no-mitigation-progress-after-ack=PT9M",
		"firebreak.policy.escalation.sev2-as-sev1-after=PT20M" })
class PolicyTimingsTests extends ApiTest {

	@Test
	void anotherPolicyMovesEveryDueTimeReminderAndConsequence() {
		var commander = person("responder");
		var id = api.post("/api/v1/incidents", commander.token(), """
				{"title": "Policy %s", "severity": null}""".formatted(UUID.randomUUID())).expectStatus(201)
			.json().get("id").asString();
		settle();
		var declared = clock.instant();
		assertThat(due(id, commander, "classify")).isEqualTo(declared.plus(ofMinutes(3)));

		timePasses(ofMinutes(3));
		assertThat(api.get("/api/v1/incidents/" + id, commander.token()).json().get("severity").asString()).isEqualTo("SEV2");
		assertThat(due(id, commander, "role:operations_lead")).as("from the classification").isEqualTo(clock.instant().plus(ofMinutes(7)));

		timePasses(ofMinutes(6));
		assertThat(obligation(id, commander, "role:operations_lead").get("state").asString()).isEqualTo("due_soon");
		assertThat(api.get("/api/v1/accounts/" + commander.id() + "/notifications", adminToken()).json().get("items").values())
			.anyMatch(d -> d.get("key").asString().startsWith("notice:" + id + ":obligation:role:operations_lead:"));

		timePasses(ofMinutes(6));
		var room = api.get("/api/v1/incidents/" + id + "/war-room", commander.token()).json();
		assertThat(room.get("reason").asString()).isEqualTo("SEV2 not mitigated 12 min after it became SEV2");
		assertThat(due(id, commander, "checkpoint")).isEqualTo(Instant.parse(room.get("opened_at").asString()).plus(ofMinutes(4)));
		assertThat(due(id, commander, "update:internal")).isEqualTo(declared.plus(ofMinutes(8)));

		api.post("/api/v1/incidents/" + id + "/acknowledge", commander.token(), "").expectStatus(200);
		settle();
		assertThat(due(id, commander, "progress")).isEqualTo(clock.instant().plus(ofMinutes(9)));
		timePasses(ofMinutes(8));
		assertThat(api.get("/api/v1/incidents/" + id, commander.token()).json().get("procedures").asString())
			.as("SEV1 procedures 20 min after it became SEV2 (at 3 min)").isEqualTo("SEV1");
	}

	private Instant due(String id, Person by, String key) {
		return Instant.parse(obligation(id, by, key).get("due_at").asString());
	}

	private JsonNode obligation(String id, Person by, String key) {
		return api.get("/api/v1/incidents/" + id + "/obligations", by.token()).expectStatus(200).json().get("items").values()
			.stream().filter(o -> o.get("key").asString().equals(key)).findFirst().orElseThrow();
	}
}
