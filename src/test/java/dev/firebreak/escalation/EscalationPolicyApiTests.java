package dev.firebreak.escalation;

import static dev.firebreak.escalation.PagingWorld.channel;
import static dev.firebreak.escalation.PagingWorld.level;
import static dev.firebreak.escalation.PagingWorld.schedule;
import static dev.firebreak.escalation.PagingWorld.team;
import static dev.firebreak.escalation.PagingWorld.who;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import dev.firebreak.ApiTest;

/** Escalation policies through the API: written, read, listed, rewritten and deleted, every change audited. */
class EscalationPolicyApiTests extends ApiTest {

	private static final String POLICIES = "/api/v1/escalation-policies";

	@Autowired
	EscalationPolicies policies;

	private String admin;

	private PagingWorld world;

	@BeforeEach
	void signIn() {
		admin = adminToken();
		world = new PagingWorld(api, admin);
	}

	@Test
	void aPolicyIsCreatedReadListedUpdatedAndDeleted() {
		var alice = person("responder");
		var bob = person("responder");
		var checkout = world.service("checkout");
		var payments = world.service("payments");
		var name = unique("Checkout on-call");

		var created = api.post(POLICIES, admin, """
				{"name": "%s", "description": "Pages the checkout team", "repeat": 2,
				 "levels": [%s, %s], "service_ids": ["%s"]}""".formatted(name, level(ofMinutes(5), who(alice)),
				level(ofMinutes(15), who(bob)), checkout)).expectStatus(201);
		var policy = created.json();
		var id = policy.get("id").asString();
		assertThat(created.location()).isEqualTo(POLICIES + "/" + id);
		assertThat(policy.get("name").asString()).isEqualTo(name);
		assertThat(policy.get("description").asString()).isEqualTo("Pages the checkout team");
		assertThat(policy.get("repeat").asInt()).isEqualTo(2);
		assertThat(policy.get("levels").values()).hasSize(2);
		assertThat(policy.get("levels").get(0).get("delay").asString()).isEqualTo("PT5M");
		assertThat(targets(policy.get("levels").get(0))).containsExactly("person:" + alice.id());
		assertThat(policy.get("levels").get(1).get("delay").asString()).isEqualTo("PT15M");
		assertThat(targets(policy.get("levels").get(1))).containsExactly("person:" + bob.id());
		assertThat(strings(policy.get("service_ids"))).containsExactly(checkout.toString());
		assertThat(policy.get("created_at").asString()).endsWith("Z");
		assertThat(java.time.Instant.parse(policy.get("created_at").asString())).as("from the clock")
			.isEqualTo(clock.instant());
		assertThat(policy.has("serviceIds")).isFalse();

		assertThat(api.get(POLICIES + "/" + id, admin).expectStatus(200).json()).isEqualTo(policy);
		assertThat(listed()).filteredOn(p -> p.get("id").asString().equals(id)).singleElement().isEqualTo(policy);
		assertThat(policies.forService(checkout)).map(p -> p.id().toString()).hasValue(id);

		var updated = api.put(POLICIES + "/" + id, admin, """
				{"name": "%s renamed", "repeat": 0, "levels": [%s], "service_ids": ["%s"]}"""
			.formatted(name, level(ofMinutes(10), who(bob), who(alice)), payments)).expectStatus(200).json();
		assertThat(updated.get("id").asString()).isEqualTo(id);
		assertThat(updated.get("name").asString()).isEqualTo(name + " renamed");
		assertThat(updated.get("description").asString()).as("a description left out is empty").isEmpty();
		assertThat(updated.get("repeat").asInt()).isZero();
		assertThat(updated.get("levels").values()).hasSize(1);
		assertThat(updated.get("levels").get(0).get("delay").asString()).isEqualTo("PT10M");
		assertThat(targets(updated.get("levels").get(0)))
			.containsExactlyInAnyOrder("person:" + alice.id(), "person:" + bob.id());
		assertThat(strings(updated.get("service_ids"))).containsExactly(payments.toString());
		assertThat(updated.get("created_at")).isEqualTo(policy.get("created_at"));
		assertThat(api.get(POLICIES + "/" + id, admin).json()).isEqualTo(updated);
		assertThat(policies.forService(checkout)).as("the service left behind follows no policy").isEmpty();
		assertThat(policies.forService(payments)).map(p -> p.id().toString()).hasValue(id);

		api.delete(POLICIES + "/" + id, admin).expectStatus(204);
		api.get(POLICIES + "/" + id, admin).problem(404);
		api.delete(POLICIES + "/" + id, admin).problem(404);
		assertThat(listed()).noneMatch(p -> p.get("id").asString().equals(id));
		assertThat(policies.forService(payments)).isEmpty();
		assertThat(rowsOf("escalation_level", id)).isZero();
		assertThat(rowsOf("escalation_target", id)).isZero();
	}

	@Test
	void everyTargetTypeIsAcceptedAndReadBack() {
		var carol = person("responder");
		var rotation = world.schedule("Europe/Berlin");
		var platform = world.team("Platform", "UTC", carol);
		var slack = api.post("/api/v1/notification-channels", admin, """
				{"name": "%s", "type": "slack_webhook", "url": "https://hooks.example/x"}""".formatted(unique("incidents")))
			.expectStatus(201).json().get("id").asString();

		var policy = api.post(POLICIES, admin, """
				{"name": "%s", "levels": [%s, %s]}""".formatted(unique("Everyone"),
				level(ofMinutes(5), who(carol), schedule(rotation)),
				level(ofMinutes(5), team(platform), channel(UUID.fromString(slack))))).expectStatus(201).json();

		assertThat(targets(policy.get("levels").get(0)))
			.containsExactlyInAnyOrder("person:" + carol.id(), "schedule:" + rotation);
		assertThat(targets(policy.get("levels").get(1))).containsExactlyInAnyOrder("team:" + platform, "channel:" + slack);
		assertThat(policy.get("repeat").asInt()).as("repeat left out is 0: run once").isZero();
		assertThat(policy.get("service_ids").values()).isEmpty();
		assertThat(api.get(POLICIES + "/" + policy.get("id").asString(), carol.token()).expectStatus(200).json())
			.isEqualTo(policy);
	}

	@Test
	void aLevelWithoutDelayIsStoredAndReadBackAsNull() {
		var dave = person("responder");

		var policy = api.post(POLICIES, admin, """
				{"name": "%s", "levels": [{"targets": [%s]}, %s]}""".formatted(unique("Ack target"), who(dave),
				level(null, who(dave)))).expectStatus(201).json();

		assertThat(policy.get("levels").get(0).has("delay")).isTrue();
		assertThat(policy.get("levels").get(0).get("delay").isNull()).isTrue();
		assertThat(policy.get("levels").get(1).get("delay").isNull()).isTrue();
		var read = api.get(POLICIES + "/" + policy.get("id").asString(), admin).json();
		assertThat(read.get("levels").get(0).get("delay").isNull()).isTrue();
		assertThat(policies.find(UUID.fromString(policy.get("id").asString())).orElseThrow().levels())
			.extracting(EscalationLevel::delay).containsExactly(null, null);
	}

	@Test
	void theEdgesOfWhatIsAllowedAreAccepted() {
		var erin = person("responder");
		var longest = unique("n".repeat(191));
		assertThat(longest).hasSize(200);
		var twenty = String.join(", ", java.util.Collections.nCopies(20, level(ofMinutes(1), who(erin))));

		var policy = api.post(POLICIES, admin, """
				{"name": "%s", "repeat": 9, "levels": [%s]}""".formatted(longest, twenty)).expectStatus(201).json();

		assertThat(policy.get("name").asString()).isEqualTo(longest);
		assertThat(policy.get("repeat").asInt()).isEqualTo(9);
		assertThat(policy.get("levels").values()).hasSize(20)
			.allSatisfy(level -> assertThat(level.get("delay").asString()).isEqualTo("PT1M"));
	}

	@Test
	void aServiceNamedTwiceFollowsThePolicyOnceAndAPolicyKeepsItsOwnName() {
		var frank = person("responder");
		var search = world.service("search");
		var name = unique("Search on-call");
		var body = """
				{"name": "%s", "levels": [%s], "service_ids": ["%s", "%s"]}""".formatted(name, level(null, who(frank)),
				search, search);

		var policy = api.post(POLICIES, admin, body).expectStatus(201).json();
		assertThat(strings(policy.get("service_ids"))).containsExactly(search.toString());

		var again = api.put(POLICIES + "/" + policy.get("id").asString(), admin, body).expectStatus(200).json();
		assertThat(again.get("name").asString()).isEqualTo(name);
		assertThat(strings(again.get("service_ids"))).containsExactly(search.toString());
	}

	@Test
	void theListIsPagedWithItsTotal() {
		var gina = person("responder");
		var prefix = unique("Sorted");
		for (var last : List.of("c", "A", "b")) {
			api.post(POLICIES, admin, """
					{"name": "%s %s", "levels": [%s]}""".formatted(prefix, last, level(null, who(gina)))).expectStatus(201);
		}

		var all = api.get(POLICIES + "?size=200", gina.token()).expectStatus(200).json();
		var total = all.get("total").asLong();
		assertThat(total).isGreaterThanOrEqualTo(3);
		var one = api.get(POLICIES + "?page=1&size=1", gina.token()).expectStatus(200).json();
		assertThat(one.get("total").asLong()).isEqualTo(total);
		assertThat(one.get("items").values()).singleElement()
			.satisfies(p -> assertThat(p).isEqualTo(all.get("items").get(1)));
		var beyond = api.get(POLICIES + "?page=" + total + "&size=1", gina.token()).expectStatus(200).json();
		assertThat(beyond.get("items").values()).isEmpty();
		assertThat(beyond.get("total").asLong()).isEqualTo(total);
		assertThat(listed()).extracting(p -> p.get("name").asString()).filteredOn(n -> n.startsWith(prefix))
			.as("sorted by name, whatever its case").containsExactly(prefix + " A", prefix + " b", prefix + " c");
	}

	@Test
	void everyChangeIsAudited() {
		var hank = person("responder");
		var name = unique("Audited");
		var id = api.post(POLICIES, admin, """
				{"name": "%s", "levels": [%s]}""".formatted(name, level(ofMinutes(5), who(hank)))).expectStatus(201)
			.json().get("id").asString();
		api.put(POLICIES + "/" + id, admin, """
				{"name": "%s", "repeat": 3, "levels": [%s, %s]}""".formatted(name, level(ofMinutes(5), who(hank)),
				level(null, who(hank)))).expectStatus(200);
		api.delete(POLICIES + "/" + id, admin).expectStatus(204);

		var entries = api.get("/api/v1/audit?size=50", admin).expectStatus(200).json().get("items").values().stream()
			.filter(e -> id.equals(e.get("target_id").asString()))
			.toList();

		assertThat(entries).extracting(e -> e.get("action").asString()).containsExactly("escalation_policy.deleted",
				"escalation_policy.updated", "escalation_policy.created");
		assertThat(entries).allSatisfy(e -> {
			assertThat(e.get("target_type").asString()).isEqualTo("escalation_policy");
			assertThat(e.get("actor").asString()).isEqualTo(ADMIN_EMAIL);
			assertThat(e.get("address").asString()).isEqualTo("192.0.2.7");
			assertThat(e.get("detail").asString()).contains(name);
		});
		assertThat(entries.get(2).get("detail").asString()).contains("1 level(s)").contains("repeat 0");
		assertThat(entries.get(1).get("detail").asString()).contains("2 level(s)").contains("repeat 3");
	}

	/** Every policy, page by page: other tests share the database, so ours may be past the first page. */
	private List<JsonNode> listed() {
		var all = new ArrayList<JsonNode>();
		for (int page = 0;; page++) {
			var items = api.get(POLICIES + "?size=200&page=" + page, admin).expectStatus(200).json().get("items").values();
			if (items.isEmpty()) {
				return all;
			}
			all.addAll(items);
		}
	}

	private long rowsOf(String table, String policy) {
		return jdbc.sql("select count(*) from " + table + " where policy_id = :id").param("id", UUID.fromString(policy))
			.query(Long.class).single();
	}

	private static List<String> targets(JsonNode level) {
		return level.get("targets").values().stream().map(t -> t.get("type").asString() + ":" + t.get("id").asString())
			.toList();
	}

	private static List<String> strings(JsonNode array) {
		return array.values().stream().map(JsonNode::asString).toList();
	}

	static String unique(String name) {
		return name + " " + UUID.randomUUID().toString().substring(0, 8);
	}
}
