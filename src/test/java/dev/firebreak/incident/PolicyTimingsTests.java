package dev.firebreak.incident;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.firebreak.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * Timings come from {@code firebreak.policy}, nowhere else: with another policy (in its own
 * application context) every due time, reminder and consequence moves with it.
 */
@TestPropertySource(properties = { "firebreak.policy.unclassified-after=PT3M",
		"firebreak.policy.severities.sev2.role-deadline=PT7M", "firebreak.policy.war-room.sev2-unmitigated-after=PT12M",
		"firebreak.policy.war-room.checkpoint=PT4M", "firebreak.policy.cadence.reminder-before=PT1M" })
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

		timePasses(ofMinutes(3));
		var room = api.get("/api/v1/incidents/" + id + "/war-room", commander.token()).json();
		assertThat(room.get("reason").asString()).isEqualTo("SEV2 not mitigated 12 min after declaration");
		assertThat(due(id, commander, "checkpoint")).isEqualTo(Instant.parse(room.get("opened_at").asString()).plus(ofMinutes(4)));
	}

	private Instant due(String id, Person by, String key) {
		return Instant.parse(obligation(id, by, key).get("due_at").asString());
	}

	private JsonNode obligation(String id, Person by, String key) {
		return api.get("/api/v1/incidents/" + id + "/obligations", by.token()).expectStatus(200).json().get("items").values()
			.stream().filter(o -> o.get("key").asString().equals(key)).findFirst().orElseThrow();
	}
}
