package dev.firebreak.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import dev.firebreak.ApiTest;

/** Admins register the mitigation actions of a service: what to call, and how to undo it. */
class MitigationActionApiTests extends ApiTest {

	static final String MASK = "••••";

	@Autowired
	Catalog catalog;

	private String admin;

	private String service;

	@BeforeEach
	void aService() {
		admin = adminToken();
		service = api.post("/api/v1/services", admin, "{\"name\": \"%s\"}".formatted(unique("checkout")))
			.expectStatus(201).json().get("id").asString();
	}

	@Test
	void anActionIsRegisteredListedReadChangedAndRemoved() {
		var created = api.post(actionsOf(service), admin, flagOff("Checkout flag off")).expectStatus(201);
		var action = created.json();
		var id = action.get("id").asString();

		assertThat(created.location()).isEqualTo("/api/v1/mitigation-actions/" + id);
		assertThat(action.get("service_id").asString()).isEqualTo(service);
		assertThat(action.get("name").asString()).isEqualTo("Checkout flag off");
		assertThat(action.get("lever").asString()).isEqualTo("feature_flag_off");
		assertThat(action.get("run").get("method").asString()).isEqualTo("PUT");
		assertThat(action.get("run").get("url").asString()).isEqualTo("https://flags.example.com/api/flags/checkout");
		assertThat(action.get("run").get("body").asString()).isEqualTo("{\"on\": false}");
		assertThat(action.get("rollback").get("method").asString()).isEqualTo("PUT");
		assertThat(action.get("rollback").get("body").asString()).isEqualTo("{\"on\": true}");
		assertThat(action.get("created_at").asString()).endsWith("Z");

		assertThat(api.get("/api/v1/mitigation-actions/" + id, admin).expectStatus(200).json()).isEqualTo(action);
		var list = api.get(actionsOf(service), admin).expectStatus(200).json();
		assertThat(list.get("total").asLong()).isEqualTo(1);
		assertThat(list.get("items").values()).singleElement().isEqualTo(action);

		var changed = api.put("/api/v1/mitigation-actions/" + id, admin, """
				{"name": "Checkout to read-only", "lever": "read_only",
				 "run": {"method": "post", "url": "http://checkout.internal/admin/read-only"}}""")
			.expectStatus(200).json();
		assertThat(changed.get("name").asString()).isEqualTo("Checkout to read-only");
		assertThat(changed.get("lever").asString()).isEqualTo("read_only");
		assertThat(changed.get("run").get("method").asString()).isEqualTo("POST");
		assertThat(changed.get("run").get("headers").properties()).isEmpty();
		assertThat(changed.get("run").get("body").isNull()).isTrue();
		assertThat(changed.get("rollback").isNull()).isTrue();
		assertThat(changed.get("created_at")).isEqualTo(action.get("created_at"));
		assertThat(api.get("/api/v1/mitigation-actions/" + id, admin).json()).isEqualTo(changed);
		assertThat(catalog.mitigationAction(UUID.fromString(id)).orElseThrow().canRollBack()).isFalse();

		api.delete("/api/v1/mitigation-actions/" + id, admin).expectStatus(204);
		api.get("/api/v1/mitigation-actions/" + id, admin).problem(404);
		api.delete("/api/v1/mitigation-actions/" + id, admin).problem(404);
		assertThat(api.get(actionsOf(service), admin).json().get("total").asLong()).isZero();
	}

	@Test
	void headerValuesAreEncryptedAtRestAndShownMasked() {
		var action = api.post(actionsOf(service), admin, flagOff("Masked")).expectStatus(201).json();
		var id = UUID.fromString(action.get("id").asString());

		assertThat(action.get("run").get("headers").get("Authorization").asString()).isEqualTo(MASK);
		assertThat(action.get("run").get("headers").get("Content-Type").asString()).isEqualTo(MASK);
		assertThat(api.get("/api/v1/mitigation-actions/" + id, admin).body()).doesNotContain("s3cr3t-flag-token");
		assertThat(api.get(actionsOf(service), admin).body()).doesNotContain("s3cr3t-flag-token");

		var stored = jdbc.sql("select run_headers || coalesce(rollback_headers, '') from catalog_mitigation_action where id = :id")
			.param("id", id).query(String.class).single();
		assertThat(stored).contains("Authorization").doesNotContain("s3cr3t-flag-token");

		// the module face gives the real values to the incident module, which sends them
		var real = catalog.mitigationAction(id).orElseThrow();
		assertThat(real.run().headers()).containsEntry("Authorization", "Bearer s3cr3t-flag-token")
			.containsEntry("Content-Type", "application/json");
		assertThat(real.rollback().headers()).containsEntry("Authorization", "Bearer s3cr3t-rollback-token");
		assertThat(catalog.mitigationActions(List.of(UUID.fromString(service)))).containsExactly(real);
	}

	@Test
	void aMaskedValueSentBackKeepsTheStoredOneAndANewValueReplacesIt() {
		var id = api.post(actionsOf(service), admin, flagOff("Kept")).expectStatus(201).json().get("id").asString();

		api.put("/api/v1/mitigation-actions/" + id, admin, """
				{"name": "Kept", "lever": "feature_flag_off",
				 "run": {"method": "PUT", "url": "https://flags.example.com/api/flags/checkout",
				         "headers": {"Authorization": "%s", "X-Team": "checkout"}, "body": "{}"},
				 "rollback": {"method": "PUT", "url": "https://flags.example.com/api/flags/checkout",
				              "headers": {"authorization": "%s"}}}""".formatted(MASK, MASK)).expectStatus(200);

		var real = catalog.mitigationAction(UUID.fromString(id)).orElseThrow();
		assertThat(real.run().headers()).containsExactly(Map.entry("Authorization", "Bearer s3cr3t-flag-token"),
				Map.entry("X-Team", "checkout"));
		assertThat(real.rollback().headers()).containsExactly(
				Map.entry("authorization", "Bearer s3cr3t-rollback-token"));

		var problem = api.put("/api/v1/mitigation-actions/" + id, admin, """
				{"name": "Kept", "lever": "feature_flag_off",
				 "run": {"method": "PUT", "url": "https://flags.example.com/x", "headers": {"X-New": "%s"}}}"""
			.formatted(MASK)).problem(400);
		assertThat(pointers(problem)).containsExactly("/run/headers/X-New");
		assertThat(catalog.mitigationAction(UUID.fromString(id)).orElseThrow()).isEqualTo(real);
	}

	@Test
	void namesAreUniquePerServiceWhateverTheirCase() {
		api.post(actionsOf(service), admin, flagOff("Flag off")).expectStatus(201);
		var other = api.post("/api/v1/services", admin, "{\"name\": \"%s\"}".formatted(unique("search")))
			.expectStatus(201).json().get("id").asString();

		assertThat(api.post(actionsOf(service), admin, flagOff("FLAG OFF")).problem(409).get("detail").asString())
			.contains("FLAG OFF");
		api.post(actionsOf(other), admin, flagOff("Flag off")).expectStatus(201);
		var second = api.post(actionsOf(service), admin, flagOff("Second")).expectStatus(201).json().get("id").asString();
		api.put("/api/v1/mitigation-actions/" + second, admin, flagOff("flag off")).problem(409);
		assertThat(api.get(actionsOf(service), admin).json().get("total").asLong()).isEqualTo(2);
	}

	static Stream<Arguments> badActions() {
		var run = "{\"method\": \"POST\", \"url\": \"https://flags.example.com/off\"}";
		return Stream.of(
				Arguments.of("{\"lever\": \"failover\", \"run\": " + run + "}", "/name"),
				Arguments.of("{\"name\": \"  \", \"lever\": \"failover\", \"run\": " + run + "}", "/name"),
				Arguments.of("{\"name\": \"" + "n".repeat(101) + "\", \"lever\": \"failover\", \"run\": " + run + "}", "/name"),
				Arguments.of("{\"name\": \"a\", \"run\": " + run + "}", "/lever"),
				Arguments.of("{\"name\": \"a\", \"lever\": \"pray\", \"run\": " + run + "}", "/lever"),
				Arguments.of("{\"name\": \"a\", \"lever\": \"other\", \"run\": " + run + "}", "/lever"),
				Arguments.of("{\"name\": \"a\", \"lever\": \"failover\"}", "/run"),
				Arguments.of("{\"name\": \"a\", \"lever\": \"failover\", \"run\": {\"url\": \"https://x.example.com\"}}", "/run/method"),
				Arguments.of("{\"name\": \"a\", \"lever\": \"failover\", \"run\": {\"method\": \"TRACE\", \"url\": \"https://x.example.com\"}}", "/run/method"),
				Arguments.of("{\"name\": \"a\", \"lever\": \"failover\", \"run\": {\"method\": \"POST\"}}", "/run/url"),
				Arguments.of("{\"name\": \"a\", \"lever\": \"failover\", \"run\": {\"method\": \"POST\", \"url\": \"/relative/path\"}}", "/run/url"),
				Arguments.of("{\"name\": \"a\", \"lever\": \"failover\", \"run\": {\"method\": \"POST\", \"url\": \"ftp://x.example.com/off\"}}", "/run/url"),
				Arguments.of("{\"name\": \"a\", \"lever\": \"failover\", \"run\": {\"method\": \"POST\", \"url\": \"https://x.example.com/a b\"}}", "/run/url"),
				Arguments.of("{\"name\": \"a\", \"lever\": \"failover\", \"run\": {\"method\": \"POST\", \"url\": \"https://x.example.com/"
						+ "p".repeat(2000) + "\"}}", "/run/url"),
				Arguments.of("{\"name\": \"a\", \"lever\": \"failover\", \"run\": {\"method\": \"POST\", \"url\": \"https://x.example.com\", \"body\": \""
						+ "b".repeat(20_001) + "\"}}", "/run/body"),
				Arguments.of("{\"name\": \"a\", \"lever\": \"failover\", \"run\": {\"method\": \"GET\", \"url\": \"https://x.example.com\", \"body\": \"x\"}}", "/run/body"),
				Arguments.of("{\"name\": \"a\", \"lever\": \"failover\", \"run\": {\"method\": \"POST\", \"url\": \"https://x.example.com\", \"headers\": {\"Bad Name\": \"x\"}}}", "/run/headers/Bad Name"),
				Arguments.of("{\"name\": \"a\", \"lever\": \"failover\", \"run\": {\"method\": \"POST\", \"url\": \"https://x.example.com\", \"headers\": {\"X-Evil\": \"a\\r\\nHost: evil\"}}}", "/run/headers/X-Evil"),
				Arguments.of("{\"name\": \"a\", \"lever\": \"failover\", \"run\": {\"method\": \"POST\", \"url\": \"https://x.example.com\", \"headers\": {\"Host\": \"other\"}}}", "/run/headers/Host"),
				Arguments.of("{\"name\": \"a\", \"lever\": \"failover\", \"run\": {\"method\": \"POST\", \"url\": \"https://x.example.com\", \"headers\": {\"X-A\": null}}}", "/run/headers/X-A"),
				Arguments.of("{\"name\": \"a\", \"lever\": \"failover\", \"run\": {\"method\": \"POST\", \"url\": \"https://x.example.com\", \"headers\": "
						+ manyHeaders(21) + "}}", "/run/headers"),
				Arguments.of("{\"name\": \"a\", \"lever\": \"failover\", \"run\": " + run + ", \"rollback\": {\"method\": \"POST\", \"url\": \"nope\"}}", "/rollback/url"),
				Arguments.of("{\"name\": \"a\", \"lever\": \"failover\", \"run\": " + run + ", \"roll_back\": null}", "/roll_back"),
				Arguments.of("{\"name\": \"a\", \"lever\": \"failover\", \"run\": {\"method\": \"POST\", \"url\": \"https://x.example.com\", \"header\": {}}}", "/run/header"));
	}

	@ParameterizedTest
	@MethodSource("badActions")
	void badInputIsRefusedNamingTheFieldAndChangesNothing(String body, String pointer) {
		var existing = api.post(actionsOf(service), admin, flagOff("Existing")).expectStatus(201).json();
		var id = existing.get("id").asString();
		var audit = auditRows();

		assertThat(pointers(api.post(actionsOf(service), admin, body).problem(400))).containsExactly(pointer);
		assertThat(pointers(api.put("/api/v1/mitigation-actions/" + id, admin, body).problem(400))).containsExactly(pointer);

		assertThat(api.get(actionsOf(service), admin).json().get("items").values()).singleElement().isEqualTo(existing);
		assertThat(auditRows()).isEqualTo(audit);
	}

	@Test
	void theLimitsThemselvesAreAccepted() {
		var body = "b".repeat(20_000);
		var url = "https://x.example.com/" + "p".repeat(2000 - "https://x.example.com/".length());
		var created = api.post(actionsOf(service), admin, """
				{"name": "%s", "lever": "maintenance_mode", "run": {"method": "PATCH", "url": "%s", "headers": %s, "body": "%s"}}"""
			.formatted("n".repeat(100), url, manyHeaders(20), body)).expectStatus(201).json();

		assertThat(created.get("run").get("headers").properties()).hasSize(20);
		assertThat(created.get("run").get("body").asString()).hasSize(20_000);
		assertThat(created.get("run").get("url").asString()).hasSize(2000);
	}

	@ParameterizedTest
	@ValueSource(strings = { "viewer", "responder" })
	void onlyAdminsSeeAndChangeActions(String role) {
		var token = person(role).token();
		var action = api.post(actionsOf(service), admin, flagOff("Guarded")).expectStatus(201).json();
		var id = action.get("id").asString();
		var rows = jdbc.sql("select count(*) from catalog_mitigation_action").query(Long.class).single();
		var audit = auditRows();

		Stream.of(api.get(actionsOf(service), token), api.post(actionsOf(service), token, flagOff("Mine")),
				api.get("/api/v1/mitigation-actions/" + id, token),
				api.put("/api/v1/mitigation-actions/" + id, token, flagOff("Mine")),
				api.delete("/api/v1/mitigation-actions/" + id, token))
			.forEach(response -> assertThat(response.problem(403).get("title").asString()).isEqualTo("Not allowed"));
		// refused before the body is read: even a body that is not JSON says only "not allowed"
		api.post(actionsOf(service), token, "{not json").problem(403);

		assertThat(jdbc.sql("select count(*) from catalog_mitigation_action").query(Long.class).single()).isEqualTo(rows);
		assertThat(auditRows()).isEqualTo(audit);
		assertThat(api.get("/api/v1/mitigation-actions/" + id, admin).json()).isEqualTo(action);
	}

	@Test
	void unknownServicesAndActionsAreNotFound() {
		var unknown = UUID.randomUUID();

		assertThat(api.get(actionsOf(unknown.toString()), admin).problem(404).get("detail").asString()).contains(unknown.toString());
		api.post(actionsOf(unknown.toString()), admin, flagOff("Nowhere")).problem(404);
		api.get("/api/v1/mitigation-actions/" + unknown, admin).problem(404);
		api.put("/api/v1/mitigation-actions/" + unknown, admin, flagOff("Nothing")).problem(404);
		api.delete("/api/v1/mitigation-actions/" + unknown, admin).problem(404);
	}

	@Test
	void removingTheServiceRemovesItsActions() {
		var id = api.post(actionsOf(service), admin, flagOff("Goes with it")).expectStatus(201).json().get("id").asString();

		api.delete("/api/v1/services/" + service, admin).expectStatus(204);

		api.get("/api/v1/mitigation-actions/" + id, admin).problem(404);
	}

	@Test
	void everyChangeIsAudited() {
		var id = api.post(actionsOf(service), admin, flagOff("Audited")).expectStatus(201).json().get("id").asString();
		api.put("/api/v1/mitigation-actions/" + id, admin, flagOff("Audited again")).expectStatus(200);
		api.delete("/api/v1/mitigation-actions/" + id, admin).expectStatus(204);

		var entries = api.get("/api/v1/audit?size=50", admin).expectStatus(200).json().get("items").values().stream()
			.filter(e -> e.get("target_id").asString().equals(id)).toList();
		assertThat(entries).extracting(e -> e.get("action").asString()).containsExactly("mitigation_action.deleted",
				"mitigation_action.updated", "mitigation_action.created");
		assertThat(entries).allSatisfy(e -> {
			assertThat(e.get("actor").asString()).isEqualTo(ADMIN_EMAIL);
			assertThat(e.get("target_type").asString()).isEqualTo("mitigation_action");
			assertThat(e.get("detail").asString()).contains("feature_flag_off").doesNotContain("s3cr3t");
		});
	}

	static String flagOff(String name) {
		return """
				{"name": "%s", "lever": "feature_flag_off",
				 "run": {"method": "PUT", "url": "https://flags.example.com/api/flags/checkout",
				         "headers": {"Authorization": "Bearer s3cr3t-flag-token", "Content-Type": "application/json"},
				         "body": "{\\"on\\": false}"},
				 "rollback": {"method": "PUT", "url": "https://flags.example.com/api/flags/checkout",
				              "headers": {"Authorization": "Bearer s3cr3t-rollback-token"},
				              "body": "{\\"on\\": true}"}}""".formatted(name);
	}

	private static String manyHeaders(int count) {
		var headers = new StringBuilder("{");
		for (int i = 0; i < count; i++) {
			headers.append(i == 0 ? "" : ", ").append("\"X-H").append(i).append("\": \"v\"");
		}
		return headers.append('}').toString();
	}

	private long auditRows() {
		return jdbc.sql("select count(*) from identity_audit").query(Long.class).single();
	}

	private static String actionsOf(String serviceId) {
		return "/api/v1/services/" + serviceId + "/mitigation-actions";
	}

	private static String unique(String name) {
		return name + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	private static List<String> pointers(JsonNode problem) {
		return problem.get("errors").values().stream().map(e -> e.get("pointer").asString()).toList();
	}
}
