package dev.firebreak.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.firebreak.ApiTest;

class IdentityApiTests extends ApiTest {

	@Test
	void firstAdminIsMadeFromTheConfiguredEmailAndPasswordAndCanSignIn() {
		var token = adminToken();

		var me = api.get("/api/v1/accounts/me", token).expectStatus(200).json();
		assertThat(me.get("email").asString()).isEqualTo(ADMIN_EMAIL);
		assertThat(me.get("role").asString()).isEqualTo("admin");
		assertThat(jdbc.sql("select count(*) from identity_account where email = :email and role = 'ADMIN'")
			.param("email", ADMIN_EMAIL).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void wrongPasswordIsUnauthorizedAndIssuesNoToken() {
		var before = rows("identity_api_token");

		var problem = api.post("/api/v1/auth/token", null, """
				{"email": "%s", "password": "not the password"}""".formatted(ADMIN_EMAIL)).problem(401);

		assertThat(problem.has("token")).isFalse();
		assertThat(rows("identity_api_token")).isEqualTo(before);
	}

	@Test
	void unknownEmailIsUnauthorizedLikeAWrongPassword() {
		var problem = api.post("/api/v1/auth/token", null, """
				{"email": "nobody-%s@firebreak.test", "password": "whatever it is"}""".formatted(UUID.randomUUID()))
			.problem(401);

		assertThat(problem.get("detail").asString()).isEqualTo("No account matches this e-mail and password.");
	}

	static Stream<Arguments> apiCalls() {
		var someId = UUID.randomUUID();
		return Stream.of(Arguments.of(HttpMethod.GET, "/api/v1/accounts"),
				Arguments.of(HttpMethod.GET, "/api/v1/accounts/me"),
				Arguments.of(HttpMethod.GET, "/api/v1/accounts/" + someId),
				Arguments.of(HttpMethod.POST, "/api/v1/accounts"),
				Arguments.of(HttpMethod.GET, "/api/v1/tokens"),
				Arguments.of(HttpMethod.DELETE, "/api/v1/tokens/" + someId),
				Arguments.of(HttpMethod.GET, "/api/v1/audit"),
				Arguments.of(HttpMethod.GET, "/api/v1/teams"),
				Arguments.of(HttpMethod.POST, "/api/v1/teams"),
				Arguments.of(HttpMethod.PUT, "/api/v1/teams/" + someId),
				Arguments.of(HttpMethod.DELETE, "/api/v1/teams/" + someId + "/members/" + someId),
				Arguments.of(HttpMethod.GET, "/api/v1/services"),
				Arguments.of(HttpMethod.DELETE, "/api/v1/services/" + someId),
				Arguments.of(HttpMethod.GET, "/api/v1/no-such-thing"));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("apiCalls")
	void apiCallWithoutATokenIsUnauthorizedWithAChallenge(HttpMethod method, String uri) throws Exception {
		var response = raw(method, uri, null);

		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
		var problem = json.readTree(response.getContentAsString());
		assertThat(problem.get("status").asInt()).isEqualTo(401);
		assertThat(problem.get("detail").asString()).contains("Authorization: Bearer");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badCredentials")
	void apiCallWithABadAuthorizationHeaderIsUnauthorized(String authorization) throws Exception {
		var response = raw(HttpMethod.GET, "/api/v1/teams", authorization);

		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
	}

	static Stream<String> badCredentials() {
		return Stream.of("Bearer garbage", "Bearer fbk_" + UUID.randomUUID(), "Bearer ", "Basic YWRtaW46YWRtaW4=",
				"Bearer " + "x".repeat(5000));
	}

	@Test
	void tokensAreListedWithoutTheirSecret() {
		var person = person("viewer");
		var issued = api.post("/api/v1/auth/token", null, """
				{"email": "%s", "password": "%s", "name": "laptop"}""".formatted(person.email(), person.password()))
			.expectStatus(201);
		var secret = issued.json().get("token").asString();
		var id = issued.json().get("id").asString();
		assertThat(issued.location()).isEqualTo("/api/v1/tokens/" + id);

		var list = api.get("/api/v1/tokens", person.token()).expectStatus(200);

		assertThat(list.body()).doesNotContain(secret).doesNotContain(person.token());
		var items = list.json().get("items");
		assertThat(list.json().get("total").asLong()).isEqualTo(2);
		assertThat(items.values()).extracting(item -> item.get("id").asString()).contains(id);
		assertThat(items.values()).allSatisfy(item -> assertThat(item.has("token")).isFalse());
		assertThat(items.values()).filteredOn(item -> item.get("id").asString().equals(id))
			.singleElement().satisfies(item -> {
				assertThat(item.get("name").asString()).isEqualTo("laptop");
				assertThat(item.get("created_at").asString()).endsWith("Z");
			});
	}

	@Test
	void tokensOfOthersAreNotListed() {
		var alice = person("responder");
		var bob = person("responder");

		var bobs = api.get("/api/v1/tokens", bob.token()).expectStatus(200).json().get("items");
		var alices = api.get("/api/v1/tokens", alice.token()).json().get("items");

		assertThat(bobs.values()).hasSize(1);
		assertThat(alices.values()).hasSize(1);
		assertThat(bobs.get(0).get("id")).isNotEqualTo(alices.get(0).get("id"));
		api.get("/api/v1/tokens?account_id=" + alice.id(), bob.token()).problem(403);
	}

	@Test
	void anAdminFindsAndRevokesTheTokensOfSomeoneWhoLeft() {
		var leaver = person("responder");

		var listed = api.get("/api/v1/tokens?account_id=" + leaver.id(), adminToken()).expectStatus(200).json();
		var id = listed.get("items").get(0).get("id").asString();
		api.delete("/api/v1/tokens/" + id, adminToken()).expectStatus(204);

		api.get("/api/v1/accounts/me", leaver.token()).problem(401);
	}

	@Test
	void aPasswordLongerThanBcryptReadsIsRefusedNotCutShort() {
		var before = rows("identity_account");
		var tooLong = "ü".repeat(37); // 37 characters, 74 bytes
		var problem = api.post("/api/v1/accounts", adminToken(), """
				{"email": "long-%s@firebreak.test", "display_name": "Long", "role": "viewer", "password": "%s"}"""
			.formatted(UUID.randomUUID(), tooLong)).problem(400);
		assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("/password");
		assertThat(rows("identity_account")).isEqualTo(before);

		api.post("/api/v1/auth/token", null, """
				{"email": "%s", "password": "%s"}""".formatted(ADMIN_EMAIL, "x".repeat(150))).problem(401);
	}

	@Test
	void guessingPasswordsIsThrottledPerAddressAcrossTheCluster() {
		var target = person("responder");
		for (var i = 0; i < 10; i++) {
			api.post("/api/v1/auth/token", null, """
					{"email": "%s", "password": "guess-%d"}""".formatted(target.email(), i)).problem(401);
		}
		var before = rows("identity_api_token");

		var response = api.post("/api/v1/auth/token", null, """
				{"email": "%s", "password": "%s"}""".formatted(target.email(), target.password()));

		var problem = response.problem(429);
		assertThat(problem.get("detail").asString()).contains("15 minutes");
		assertThat(rows("identity_api_token")).isEqualTo(before);
		// the window moves on, and the right password works again
		clock.advance(java.time.Duration.ofMinutes(16));
		api.post("/api/v1/auth/token", null, """
				{"email": "%s", "password": "%s"}""".formatted(target.email(), target.password())).expectStatus(201);
	}

	@Test
	void refusedSignInsAreAudited() {
		var email = "nobody-" + UUID.randomUUID() + "@firebreak.test";
		api.post("/api/v1/auth/token", null, """
				{"email": "%s", "password": "guess-guess-guess"}""".formatted(email)).problem(401);

		var audit = api.get("/api/v1/audit?size=50", adminToken()).json().get("items");
		assertThat(audit.values()).anySatisfy(entry -> {
			assertThat(entry.get("action").asString()).isEqualTo("sign_in.refused");
			assertThat(entry.get("target_id").asString()).isEqualTo(email);
			assertThat(entry.get("address").asString()).isEqualTo("192.0.2.7");
		});
	}

	@Test
	void revokedTokenStopsWorkingAtOnce() {
		var person = person("responder");
		var id = onlyTokenId(person);
		api.get("/api/v1/accounts/me", person.token()).expectStatus(200);

		api.delete("/api/v1/tokens/" + id, person.token()).expectStatus(204);

		var problem = api.get("/api/v1/accounts/me", person.token()).problem(401);
		assertThat(problem.get("detail").asString()).contains("revoked");
		assertThat(jdbc.sql("select revoked_at from identity_api_token where id = :id").param("id", UUID.fromString(id))
			.query(Object.class).single()).isNotNull();
	}

	@Test
	void revokingTwiceAnswersTheSameAndAuditsOnce() {
		var person = person("viewer");
		var spare = api.post("/api/v1/auth/token", null, """
				{"email": "%s", "password": "%s", "name": "spare"}""".formatted(person.email(), person.password()))
			.expectStatus(201).json();
		var id = spare.get("id").asString();

		api.delete("/api/v1/tokens/" + id, person.token()).expectStatus(204);
		api.delete("/api/v1/tokens/" + id, person.token()).expectStatus(204);

		api.get("/api/v1/tokens", spare.get("token").asString()).problem(401);
		assertThat(jdbc.sql("select count(*) from identity_audit where action = 'token.revoked' and target_id = :id")
			.param("id", id).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void nobodyCanRevokeSomeoneElsesToken() {
		var alice = person("responder");
		var mallory = person("responder");
		var aliceToken = onlyTokenId(alice);

		api.delete("/api/v1/tokens/" + aliceToken, mallory.token()).problem(404);

		api.get("/api/v1/accounts/me", alice.token()).expectStatus(200);
	}

	@Test
	void revokingAnUnknownTokenIsNotFound() {
		var person = person("viewer");

		api.delete("/api/v1/tokens/" + UUID.randomUUID(), person.token()).problem(404);
	}

	@Test
	void adminCreatesAnAccountWithAGeneratedPasswordShownOnce() {
		var email = "Grace-" + UUID.randomUUID() + "@Firebreak.Test";

		var created = api.post("/api/v1/accounts", adminToken(), """
				{"email": "%s", "display_name": "Grace Hopper", "time_zone": "America/New_York", "role": "responder"}"""
			.formatted(email)).expectStatus(201);

		var account = created.json();
		var id = account.get("id").asString();
		assertThat(created.location()).isEqualTo("/api/v1/accounts/" + id);
		assertThat(account.get("email").asString()).isEqualTo(email.toLowerCase());
		assertThat(account.get("display_name").asString()).isEqualTo("Grace Hopper");
		assertThat(account.get("time_zone").asString()).isEqualTo("America/New_York");
		assertThat(account.get("role").asString()).isEqualTo("responder");
		var initialPassword = account.get("initial_password").asString();
		assertThat(initialPassword).hasSizeGreaterThanOrEqualTo(16);

		var token = api.token(email, initialPassword);
		var me = api.get("/api/v1/accounts/me", token).expectStatus(200);
		assertThat(me.json().get("id").asString()).isEqualTo(id);
		assertThat(me.body()).doesNotContain(initialPassword).doesNotContain("initial_password");
		assertThat(api.get("/api/v1/accounts/" + id, token).expectStatus(200).body())
			.doesNotContain(initialPassword).doesNotContain("password");
	}

	@Test
	void accountWithAChosenPasswordGetsNoGeneratedOne() {
		var email = "linus-" + UUID.randomUUID() + "@firebreak.test";

		var account = api.post("/api/v1/accounts", adminToken(), """
				{"email": "%s", "display_name": "Linus", "role": "viewer", "password": "a long enough secret"}"""
			.formatted(email)).expectStatus(201).json();

		assertThat(account.has("initial_password")).isFalse();
		assertThat(account.get("time_zone").asString()).isEqualTo("UTC");
		api.token(email, "a long enough secret");
	}

	@Test
	void duplicateEmailInAnyCaseIsAConflictAndChangesNothing() {
		var email = "ada-" + UUID.randomUUID() + "@firebreak.test";
		var admin = adminToken();
		api.post("/api/v1/accounts", admin, account(email, "viewer")).expectStatus(201);
		var before = rows("identity_account");
		var auditBefore = rows("identity_audit");

		var problem = api.post("/api/v1/accounts", admin, account(email.toUpperCase(), "admin"))
			.problem(409);

		assertThat(problem.get("detail").asString()).contains(email);
		assertThat(rows("identity_account")).isEqualTo(before);
		assertThat(rows("identity_audit")).isEqualTo(auditBefore);
		assertThat(jdbc.sql("select role from identity_account where email = :email").param("email", email)
			.query(String.class).single()).isEqualTo("VIEWER");
	}

	static Stream<Arguments> invalidAccounts() {
		var email = "\"email\": \"x-" + UUID.randomUUID() + "@firebreak.test\"";
		return Stream.of(
				Arguments.of("unknown time zone", "/time_zone",
						"{" + email + ", \"display_name\": \"X\", \"role\": \"viewer\", \"time_zone\": \"Mars/Olympus_Mons\"}"),
				Arguments.of("unknown role", "/role",
						"{" + email + ", \"display_name\": \"X\", \"role\": \"superuser\"}"),
				Arguments.of("missing role", "/role", "{" + email + ", \"display_name\": \"X\"}"),
				Arguments.of("not an e-mail address", "/email",
						"{\"email\": \"not-an-address\", \"display_name\": \"X\", \"role\": \"viewer\"}"),
				Arguments.of("blank display name", "/display_name",
						"{" + email + ", \"display_name\": \"  \", \"role\": \"viewer\"}"),
				Arguments.of("short password", "/password",
						"{" + email + ", \"display_name\": \"X\", \"role\": \"viewer\", \"password\": \"short\"}"),
				Arguments.of("unknown field", "/nickname",
						"{" + email + ", \"display_name\": \"X\", \"role\": \"viewer\", \"nickname\": \"x\"}"),
				Arguments.of("camelCase field", "/displayName",
						"{" + email + ", \"displayName\": \"X\", \"role\": \"viewer\"}"),
				Arguments.of("wrong type", "/display_name",
						"{" + email + ", \"display_name\": [\"X\"], \"role\": \"viewer\"}"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidAccounts")
	void invalidAccountIsRefusedWithAPointerAndNothingIsCreated(String why, String pointer, String body) {
		var admin = adminToken();
		var before = rows("identity_account");
		var auditBefore = rows("identity_audit");

		var problem = api.post("/api/v1/accounts", admin, body).problem(400);

		assertThat(problem.get("errors").values()).extracting(error -> error.get("pointer").asString()).contains(pointer);
		assertThat(problem.get("errors").values()).allSatisfy(error -> assertThat(error.get("detail").asString()).isNotBlank());
		assertThat(rows("identity_account")).isEqualTo(before);
		assertThat(rows("identity_audit")).isEqualTo(auditBefore);
	}

	@ParameterizedTest
	@MethodSource("notAdmins")
	void onlyAdminsCreateAccounts(String role) {
		var person = person(role);
		var before = rows("identity_account");

		var problem = api.post("/api/v1/accounts", person.token(),
				account("sneaky-" + UUID.randomUUID() + "@firebreak.test", "admin")).problem(403);

		assertThat(problem.get("detail").asString()).contains("role");
		assertThat(rows("identity_account")).isEqualTo(before);
	}

	@Test
	void aResponderLearnsNothingFromValidationOfAnAdminAction() {
		var responder = person("responder");
		var before = rows("identity_account");

		// refused for the role before the body is even read: no hint of what a valid one looks like
		api.post("/api/v1/accounts", responder.token(), "{\"email\": \"not an address\", \"rle\": 1}").problem(403);
		api.post("/api/v1/teams", responder.token(), "{").problem(403);

		assertThat(rows("identity_account")).isEqualTo(before);
	}

	static Stream<String> notAdmins() {
		return Stream.of("viewer", "responder");
	}

	@Test
	void viewersReadAccounts() {
		var viewer = person("viewer");

		var page = api.get("/api/v1/accounts?size=200", viewer.token()).expectStatus(200).json();

		assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(page.get("items").values()).allSatisfy(item -> assertThat(item.has("password_hash")).isFalse());
		api.get("/api/v1/accounts/" + viewer.id(), viewer.token()).expectStatus(200);
		api.get("/api/v1/accounts/" + UUID.randomUUID(), viewer.token()).problem(404);
	}

	@Test
	void auditIsForAdminsOnly() {
		api.get("/api/v1/audit", person("responder").token()).problem(403);
		api.get("/api/v1/audit", person("viewer").token()).problem(403);
	}

	@Test
	void auditShowsWhoCreatedAnAccountFromWhere() {
		var email = "audited-" + UUID.randomUUID() + "@firebreak.test";
		var id = api.post("/api/v1/accounts", adminToken(), account(email, "responder")).expectStatus(201).json()
			.get("id").asString();

		var audit = api.get("/api/v1/audit?size=20", adminToken()).expectStatus(200).json();

		assertThat(audit.get("total").asLong()).isGreaterThanOrEqualTo(1);
		var entry = audit.get("items").values().stream()
			.filter(e -> e.get("action").asString().equals("account.created") && e.get("target_id").asString().equals(id))
			.findFirst().orElseThrow(() -> new AssertionError("no audit entry for " + id + " in " + audit));
		assertThat(entry.get("actor").asString()).isEqualTo(ADMIN_EMAIL);
		assertThat(entry.get("target_type").asString()).isEqualTo("account");
		assertThat(entry.get("detail").asString()).contains(email);
		assertThat(entry.get("address").asString()).isEqualTo("192.0.2.7");
		assertThat(entry.get("at").asString()).endsWith("Z");
	}

	@Test
	void passwordsAreStoredAsBcrypt() {
		var person = person("viewer");

		var hash = jdbc.sql("select password_hash from identity_account where id = :id").param("id", person.id())
			.query(String.class).single();

		assertThat(hash).startsWith("$2").doesNotContain(person.password());
		assertThat(jdbc.sql("select password_hash from identity_account where email = :email").param("email", ADMIN_EMAIL)
			.query(String.class).single()).startsWith("$2");
	}

	@Test
	void tokensAreStoredHashed() {
		var person = person("viewer");
		var id = onlyTokenId(person);

		var row = jdbc.sql("select * from identity_api_token where id = :id").param("id", UUID.fromString(id))
			.query().singleRow();

		assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(person.token()));
		assertThat(String.valueOf(row.get("token_hash"))).matches("[0-9a-f]{64}");
	}

	private long rows(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private static String account(String email, String role) {
		return """
				{"email": "%s", "display_name": "Someone", "role": "%s"}""".formatted(email, role);
	}

	private java.util.List<String> tokenIds(Person person) {
		return api.get("/api/v1/tokens", person.token()).expectStatus(200).json().get("items").values().stream()
			.map(item -> item.get("id").asString()).toList();
	}

	private String onlyTokenId(Person person) {
		var ids = tokenIds(person);
		assertThat(ids).hasSize(1);
		return ids.get(0);
	}

	private MockHttpServletResponse raw(HttpMethod method, String uri, String authorization) throws Exception {
		var request = request(method, uri).with(r -> {
			r.setRemoteAddr("192.0.2.7");
			return r;
		});
		if (authorization != null) {
			request.header(HttpHeaders.AUTHORIZATION, authorization);
		}
		if (method != HttpMethod.GET && method != HttpMethod.DELETE) {
			request.contentType(MediaType.APPLICATION_JSON).content("{}");
		}
		return mvc.perform(request).andReturn().getResponse();
	}
}
