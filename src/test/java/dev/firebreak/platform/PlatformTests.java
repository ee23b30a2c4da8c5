package dev.firebreak.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

import dev.firebreak.ApiTest;

class PlatformTests extends ApiTest {

	private static final String UTC_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";

	@Test
	void apiDocsArePublicAndDescribeTheApiInSnakeCase() {
		var docs = api.get("/v3/api-docs", null).expectStatus(200);

		assertThat(docs.contentType()).startsWith("application/json");
		var openApi = docs.json();
		assertThat(openApi.get("paths").propertyNames()).contains("/api/v1/teams", "/api/v1/services",
				"/api/v1/accounts", "/api/v1/auth/token", "/api/v1/teams/{id}/members/{account_id}");
		var schemas = openApi.get("components").get("schemas");
		assertThat(schemas.get("Service").get("properties").propertyNames())
			.contains("owner_team_id", "created_at").doesNotContain("ownerTeamId", "createdAt");
		assertThat(schemas.get("Team").get("properties").propertyNames()).contains("time_zone", "member_ids");
		assertThat(schemas.get("NewAccount").get("properties").propertyNames()).contains("display_name", "time_zone");
		schemas.properties().forEach(schema -> {
			var properties = schema.getValue().get("properties");
			if (properties != null) {
				assertThat(properties.propertyNames()).as("properties of %s", schema.getKey())
					.allSatisfy(name -> assertThat(name).matches("[a-z][a-z0-9_]*"));
			}
		});
	}

	@Test
	void swaggerUiIsPublic() {
		var entry = api.get("/swagger-ui.html", null);

		assertThat(entry.status()).isIn(200, 301, 302);
		var index = entry.status() == 200 ? entry : api.get(entry.location(), null);
		index.expectStatus(200);
		assertThat(index.body()).containsIgnoringCase("swagger");
	}

	@Test
	void healthIsPublicAndUp() {
		var health = api.get("/actuator/health", null).expectStatus(200).json();

		assertThat(health.get("status").asString()).isEqualTo("UP");
	}

	@Test
	void prometheusMetricsNeedAToken() {
		api.get("/actuator/prometheus", null).problem(401);
		api.get("/actuator/prometheus", "not-a-token").problem(401);

		var metrics = api.get("/actuator/prometheus", person("viewer").token()).expectStatus(200);

		assertThat(metrics.contentType()).startsWith("text/plain");
		assertThat(metrics.body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void jsonIsSnakeCaseWithUtcTimes() {
		var account = api.post("/api/v1/accounts", adminToken(), """
				{"email": "conventions-%s@firebreak.test", "display_name": "Conventions", "role": "viewer"}"""
			.formatted(UUID.randomUUID())).expectStatus(201).json();

		assertSnakeCase(account);
		assertThat(account.get("created_at").asString()).matches(UTC_TIME);
		assertThat(account.get("role").asString()).isEqualTo("viewer");

		var team = api.post("/api/v1/teams", adminToken(), """
				{"name": "Conventions %s", "time_zone": "Pacific/Auckland"}""".formatted(UUID.randomUUID()))
			.expectStatus(201).json();
		assertSnakeCase(team);
		// a team far from UTC still gets its times in UTC
		assertThat(team.get("created_at").asString()).matches(UTC_TIME);
	}

	@Test
	void unknownApiPathsMethodsAndMediaTypesAnswerWithProblems() throws Exception {
		var admin = adminToken();

		var missing = api.get("/api/v1/no-such-thing", admin).problem(404);
		assertThat(missing.get("detail").asString()).contains("/api/v1/no-such-thing");

		api.call(HttpMethod.PATCH, "/api/v1/teams", admin, "{}").problem(405);

		var plainText = mvc.perform(post("/api/v1/teams").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
			.contentType(MediaType.TEXT_PLAIN).content("a team")).andReturn().getResponse();
		assertThat(plainText.getStatus()).isEqualTo(415);
		assertThat(plainText.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
	}

	@Test
	void pagesOutsideTheApiKeepTheirOwnErrorHandling() throws Exception {
		var missing = mvc.perform(get("/no-such-page").with(user("someone").roles("VIEWER"))).andReturn().getResponse();

		assertThat(missing.getStatus()).isEqualTo(404);
		assertThat(missing.getContentType()).isNull();
	}

	@Test
	void problemsAreSnakeCaseToo() {
		var problem = api.post("/api/v1/teams", adminToken(), "{\"name\": \"\"}").problem(400);

		assertSnakeCase(problem);
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("/name");
	}

	private static void assertSnakeCase(JsonNode node) {
		node.properties().forEach(property -> {
			assertThat(property.getKey()).matches("[a-z][a-z0-9_]*");
			if (property.getValue().isObject()) {
				assertSnakeCase(property.getValue());
			}
			else if (property.getValue().isArray()) {
				property.getValue().values().stream().filter(JsonNode::isObject).forEach(PlatformTests::assertSnakeCase);
			}
		});
	}
}
