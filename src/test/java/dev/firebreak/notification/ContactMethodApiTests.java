package dev.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Contact methods and rules over the API: added, verified by the code that arrives, refused when wrong. */
class ContactMethodApiTests extends NotificationTest {

	@Test
	void anEmailMethodIsVerifiedWithTheCodeThatArrivedByMail() {
		var alice = person("responder");
		var address = address("alice");

		var id = addEmail(alice, address);
		var listed = api.get(methods(alice), alice.token()).expectStatus(200).json();
		assertThat(listed.get("total").asInt()).isEqualTo(1);
		assertThat(listed.get("items").get(0).get("verified").asBoolean()).isFalse();
		assertThat(listed.get("items").get(0).get("type").asString()).isEqualTo("email");
		assertThat(TestMail.to(address)).hasSize(1);

		var verified = api.post(methods(alice) + "/" + id + "/verify", alice.token(),
				"{\"code\": \"%s\"}".formatted(lastCode(address))).expectStatus(200).json();

		assertThat(verified.get("verified").asBoolean()).isTrue();
		assertThat(verified.get("verified_at").asString()).isEqualTo(clock.instant().toString());
	}

	@Test
	void aWrongCodeIsRefusedAndCountsUntilNoTriesAreLeft() {
		var bob = person("responder");
		var address = address("bob");
		var id = addEmail(bob, address);
		var right = lastCode(address);
		var wrong = right.equals("000000") ? "111111" : "000000";

		var problem = api.post(methods(bob) + "/" + id + "/verify", bob.token(), "{\"code\": \"%s\"}".formatted(wrong))
			.problem(400);
		assertThat(pointers(problem)).containsExactly("/code");
		assertThat(problem.get("detail").asString()).contains("4 tries left");
		for (var i = 0; i < 4; i++) {
			api.post(methods(bob) + "/" + id + "/verify", bob.token(), "{\"code\": \"%s\"}".formatted(wrong)).problem(400);
		}

		var spent = api.post(methods(bob) + "/" + id + "/verify", bob.token(), "{\"code\": \"%s\"}".formatted(right))
			.problem(400);
		assertThat(spent.get("detail").asString()).contains("Too many wrong codes");
		assertThat(verifiedOf(bob)).containsExactly(false);

		api.post(methods(bob) + "/" + id + "/code", bob.token(), null).expectStatus(200);
		api.post(methods(bob) + "/" + id + "/verify", bob.token(), "{\"code\": \"%s\"}".formatted(lastCode(address)))
			.expectStatus(200);
		assertThat(verifiedOf(bob)).containsExactly(true);
	}

	@Test
	void anExpiredCodeIsRefused() {
		var carol = person("responder");
		var address = address("carol");
		var id = addEmail(carol, address);

		clock.advance(Duration.ofMinutes(15));

		var problem = api.post(methods(carol) + "/" + id + "/verify", carol.token(),
				"{\"code\": \"%s\"}".formatted(lastCode(address))).problem(400);
		assertThat(problem.get("detail").asString()).contains("expired");
		assertThat(verifiedOf(carol)).containsExactly(false);
	}

	@Test
	void aTestMessageGoesOutNowEvenUnverifiedAndAnswersWithItsRow() {
		var dan = person("responder");
		var address = address("dan");
		var id = addEmail(dan, address);

		var row = api.post(methods(dan) + "/" + id + "/test", dan.token(), null).expectStatus(201).json();

		assertThat(row.get("status").asString()).isEqualTo("sent");
		assertThat(row.get("provider_answer").asString()).startsWith("smtp accepted <");
		assertThat(pages(address)).extracting(TestMail::subject).containsExactly("Firebreak test message");
	}

	@Test
	void rulesAreKeptPerUrgencyAndDeleted() {
		var erin = person("responder");
		var mail = verifiedEmail(erin, address("erin"));
		var later = addEmail(erin, address("erin-2"));

		var first = rule(erin, "high", mail, 0);
		rule(erin, "high", later, 5);
		rule(erin, "low", mail, 0);

		var rules = api.get("/api/v1/accounts/me/notification-rules", erin.token()).expectStatus(200).json().get("items");
		assertThat(rules.values().stream().map(r -> r.get("urgency").asString() + "@" + r.get("delay_minutes").asInt()).toList())
			.containsExactly("high@0", "high@5", "low@0");
		assertThat(rules.get(0).get("contact_type").asString()).isEqualTo("email");

		api.post("/api/v1/accounts/me/notification-rules", erin.token(),
				"{\"urgency\": \"high\", \"contact_method_id\": \"%s\", \"delay_minutes\": 0}".formatted(mail)).problem(409);
		api.delete("/api/v1/accounts/me/notification-rules/" + first, erin.token()).expectStatus(204);
		api.delete(methods(erin) + "/" + later, erin.token()).expectStatus(204);

		var left = api.get("/api/v1/accounts/me/notification-rules", erin.token()).expectStatus(200).json();
		assertThat(left.get("total").asInt()).isEqualTo(1);
		assertThat(left.get("items").get(0).get("urgency").asString()).isEqualTo("low");
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndChangesNothing() {
		var frank = person("responder");
		var other = person("responder");
		var othersMethod = addEmail(other, address("other"));

		assertThat(pointers(post(frank, "{\"type\": \"email\", \"address\": \"not-an-address\"}"))).containsExactly("/address");
		assertThat(pointers(post(frank, "{\"type\": \"sms\", \"address\": \"015112345678\"}"))).containsExactly("/address");
		assertThat(pointers(post(frank, "{\"type\": \"slack_dm\", \"address\": \"alice\"}"))).containsExactly("/address");
		assertThat(pointers(post(frank, "{\"type\": \"webhook\", \"address\": \"ftp://example.com/x\"}"))).containsExactly("/address");
		assertThat(pointers(post(frank, "{\"type\": \"email\"}"))).containsExactly("/address");
		assertThat(pointers(post(frank, "{\"address\": \"a@example.com\"}"))).containsExactly("/type");
		api.post(methods(frank), frank.token(), "{\"type\": \"pigeon\", \"address\": \"a@example.com\"}").problem(400);
		api.post(methods(frank), frank.token(), "{\"type\": \"email\", \"address\": \"a@example.com\", \"colour\": 1}")
			.problem(400);
		var label = "x".repeat(101);
		assertThat(pointers(post(frank, "{\"type\": \"email\", \"address\": \"%s\", \"label\": \"%s\"}".formatted(address("f"), label))))
			.containsExactly("/label");

		var rules = "/api/v1/accounts/me/notification-rules";
		assertThat(pointers(api.post(rules, frank.token(),
				"{\"urgency\": \"high\", \"contact_method_id\": \"%s\", \"delay_minutes\": 0}".formatted(othersMethod))
			.problem(400))).containsExactly("/contact_method_id");
		var mine = addEmail(frank, address("frank"));
		assertThat(pointers(api.post(rules, frank.token(),
				"{\"urgency\": \"high\", \"contact_method_id\": \"%s\", \"delay_minutes\": -1}".formatted(mine)).problem(400)))
			.containsExactly("/delay_minutes");
		assertThat(pointers(api.post(rules, frank.token(),
				"{\"urgency\": \"high\", \"contact_method_id\": \"%s\", \"delay_minutes\": 100000}".formatted(mine)).problem(400)))
			.containsExactly("/delay_minutes");
		api.post(methods(frank) + "/" + othersMethod + "/verify", frank.token(), "{\"code\": \"123456\"}").problem(404);
		api.delete(methods(frank) + "/" + othersMethod, frank.token()).problem(404);

		assertThat(api.get(methods(frank), frank.token()).json().get("total").asInt()).isEqualTo(1);
		assertThat(api.get(rules, frank.token()).json().get("total").asInt()).isZero();
		assertThat(api.get(methods(other), other.token()).json().get("total").asInt()).isEqualTo(1);
	}

	@Test
	void aMethodWhoseCodeCannotBeSentIsRefusedAndNothingIsKept() {
		var gina = person("responder");

		dev.firebreak.FakeProviders.down(true);
		JsonNode problem;
		try {
			problem = post(gina, "{\"type\": \"sms\", \"address\": \"+4915112345678\"}");
		}
		finally {
			dev.firebreak.FakeProviders.down(false);
		}

		assertThat(problem.get("status").asInt()).isEqualTo(503);
		assertThat(api.get(methods(gina), gina.token()).json().get("total").asInt()).isZero();
	}

	@Test
	void onlyAdministratorsManageAnotherPersonsMethods() {
		var owner = person("responder");
		var someone = person("responder");
		var viewer = person("viewer");
		var admin = adminToken();
		var theirs = "/api/v1/accounts/" + owner.id() + "/contact-methods";
		var body = "{\"type\": \"email\", \"address\": \"%s\"}";

		api.get(theirs, someone.token()).problem(403);
		api.post(theirs, someone.token(), body.formatted(address("intruder"))).problem(403);
		api.post(theirs, viewer.token(), body.formatted(address("viewer"))).expectStatus(403);
		api.post("/api/v1/accounts/me/contact-methods", viewer.token(), body.formatted(address("viewer"))).expectStatus(403);
		assertThat(api.get(methods(owner), owner.token()).json().get("total").asInt()).isZero();

		var created = api.post(theirs, admin, body.formatted(address("by-admin"))).expectStatus(201).json();
		assertThat(created.get("account_id").asString()).isEqualTo(owner.id().toString());
		assertThat(api.get(methods(owner), owner.token()).json().get("total").asInt()).isEqualTo(1);
		api.delete(theirs + "/" + created.get("id").asString(), someone.token()).problem(403);
		api.delete(theirs + "/" + created.get("id").asString(), admin).expectStatus(204);
	}

	@Test
	void everyChangeIsAudited() {
		var hank = person("responder");
		var address = address("hank");
		var id = addEmail(hank, address);
		api.post(methods(hank) + "/" + id + "/verify", hank.token(), "{\"code\": \"%s\"}".formatted(
				lastCode(address).equals("000000") ? "111111" : "000000")).problem(400);
		api.post(methods(hank) + "/" + id + "/verify", hank.token(), "{\"code\": \"%s\"}".formatted(lastCode(address)))
			.expectStatus(200);
		var rule = rule(hank, "high", id, 0);
		api.post(methods(hank) + "/" + id + "/test", hank.token(), null).expectStatus(201);
		api.delete("/api/v1/accounts/me/notification-rules/" + rule, hank.token()).expectStatus(204);
		api.delete(methods(hank) + "/" + id, hank.token()).expectStatus(204);

		var entries = api.get("/api/v1/audit?size=50", adminToken()).expectStatus(200).json().get("items").values().stream()
			.filter(e -> List.of(id.toString(), rule.toString()).contains(e.get("target_id").asString()))
			.toList();
		assertThat(entries).extracting(e -> e.get("action").asString()).containsExactly("contact_method.deleted",
				"notification_rule.deleted", "contact_method.tested", "notification_rule.created",
				"contact_method.verified", "contact_method.verification_failed", "contact_method.created");
		assertThat(entries).allSatisfy(e -> assertThat(e.get("actor").asString()).isEqualTo(hank.email()));
	}

	private JsonNode post(Person person, String body) {
		var response = api.post(methods(person), person.token(), body);
		return response.status() == 503 ? response.problem(503) : response.problem(400);
	}

	private List<Boolean> verifiedOf(Person person) {
		return api.get(methods(person), person.token()).json().get("items").values().stream()
			.map(m -> m.get("verified").asBoolean()).toList();
	}

	private static List<String> pointers(JsonNode problem) {
		var errors = problem.get("errors");
		return errors == null ? List.of() : errors.values().stream().map(e -> e.get("pointer").asString()).toList();
	}
}
