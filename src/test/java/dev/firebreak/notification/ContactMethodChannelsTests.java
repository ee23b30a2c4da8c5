package dev.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.firebreak.FakeProviders;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.incident.Declaration;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.Severity;

/**
 * The contact methods that are not e-mail, end to end over the API: added, verified by the code
 * that arrived through the method itself (at the fake Slack, the fake Twilio, a local webhook
 * receiver), tested, and paged through, the message saying what a page must say.
 */
class ContactMethodChannelsTests extends NotificationTest {

	private static final String BASE_URL = "http://localhost:8080";

	private static final Pattern CODE = Pattern.compile("verification code (?:is )?(\\d{6})");

	private static final Pattern ACK_LINK = Pattern.compile(Pattern.quote(BASE_URL) + "(/notifications/ack/[A-Za-z0-9_\\-.]+)");

	private static final String GSM_EXTENSION = "^{}\\[~]|€";

	@Autowired
	UserDetailsService users;

	@Test
	void aSlackDirectMessageIsVerifiedByTheCodeSlackDeliveredAndPagesThroughChatPostMessage() throws Exception {
		var ida = person("responder");
		var slackUser = "U" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);

		var created = api.post(methods(ida), ida.token(),
				"{\"type\": \"slack_dm\", \"address\": \"%s\", \"label\": \"Slack\"}".formatted(slackUser)).expectStatus(201)
			.json();
		assertThat(created.get("type").asString()).isEqualTo("slack_dm");
		assertThat(created.has("secret")).isFalse();
		var codeMessage = single(FakeProviders.slackMessagesTo(slackUser));
		assertThat(codeMessage.headers().get("authorization")).containsExactly("Bearer " + FakeProviders.SLACK_TOKEN);
		var code = code(json(codeMessage).get("text").asString());

		var verified = api.post(methods(ida) + "/" + created.get("id").asString() + "/verify", ida.token(),
				"{\"code\": \"%s\"}".formatted(code)).expectStatus(200).json();
		assertThat(verified.get("verified").asBoolean()).isTrue();
		rule(ida, "high", UUID.fromString(created.get("id").asString()), 0);
		var service = service("payments");
		var incident = incident(Severity.SEV1, service, "Payments time out for some customers");

		page(key(), ida, incident, "level 1 of Payments on-call");
		settle();

		var messages = FakeProviders.slackMessagesTo(slackUser);
		assertThat(messages).hasSize(2);
		var page = json(messages.get(1));
		var link = BASE_URL + "/incidents/" + incident.id();
		assertThat(page.get("channel").asString()).isEqualTo(slackUser);
		assertThat(page.get("text").asString()).contains("[SEV1]", incident.id(), incident.title(), service.name());
		var section = page.get("blocks").get(0).get("text").get("text").asString();
		assertThat(section).contains("Severity: SEV1", "Services: " + service.name(),
				"Summary: Payments time out for some customers", "Acknowledge with one click: " + BASE_URL
						+ "/notifications/ack/",
				"Open the incident: " + link);
		var links = page.get("blocks").get(1).get("elements").values().stream().map(e -> e.get("text").asString()).toList();
		assertThat(links).anySatisfy(l -> assertThat(l).isEqualTo("<" + link + "|Open in Firebreak>"))
			.anySatisfy(l -> assertThat(l).startsWith("<" + BASE_URL + "/notifications/ack/").endsWith("|Acknowledge>"));
		var row = single(api.get("/api/v1/incidents/" + incident.id() + "/notifications", adminToken()).expectStatus(200)
			.json().get("items").values().stream().toList());
		assertThat(row.get("contact_type").asString()).isEqualTo("slack_dm");
		assertThat(row.get("status").asString()).isEqualTo("sent");
		assertThat(row.get("provider_answer").asString()).matches("1700000000\\.\\d{6}");

		var ack = ACK_LINK.matcher(section);
		assertThat(ack.find()).isTrue();
		var acknowledged = mvc.perform(post(URI.create(ack.group(1)))).andReturn().getResponse();
		assertThat(acknowledged.getContentAsString(StandardCharsets.UTF_8)).contains(incident.id() + " is acknowledged");
		assertThat(incidents.find(incident.number()).orElseThrow().milestones().acknowledgedAt()).isEqualTo(clock.instant());
		// the link came by Slack: the timeline must not say it came by mail
		assertThat(api.get("/api/v1/incidents/" + incident.id() + "/timeline", adminToken()).expectStatus(200).json().values()
			.stream().map(e -> e.get("text").asString()).filter(t -> t.contains("acknowledged by")).toList())
			.singleElement().satisfies(t -> assertThat(t).contains("via one-click link").doesNotContain("mail"));
	}

	@Test
	void aPushWebhookShowsItsSecretOnceAndSignsItsCodeAndItsPages() throws Exception {
		var jon = person("responder");
		var hook = "push-" + UUID.randomUUID();

		var created = api.post(methods(jon), jon.token(),
				"{\"type\": \"webhook\", \"address\": \"%s\", \"label\": \"Pager app\"}".formatted(FakeProviders.webhookUrl(hook)))
			.expectStatus(201).json();
		var id = created.get("id").asString();
		var secret = created.get("secret").asString();
		assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");

		var listed = api.get(methods(jon), jon.token()).expectStatus(200).json().get("items");
		assertThat(single(listed.values().stream().toList()).has("secret")).isFalse();
		assertThat(api.get(methods(jon), jon.token()).body()).doesNotContain(secret.substring("whsec_".length()));
		var codePost = single(FakeProviders.postsTo(hook));
		assertThat(signedWith(secret, codePost)).isTrue();
		assertThat(signedWith(anotherSecret(), codePost)).as("another secret").isFalse();
		var code = code(json(codePost).get("text").asString());
		assertThat(signedWith(secret, tampered(codePost, code))).as("a changed body").isFalse();
		assertThat(header(codePost, "webhook-timestamp")).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
		assertThat(json(codePost).get("type").asString()).isEqualTo("notice");

		var verified = api.post(methods(jon) + "/" + id + "/verify", jon.token(), "{\"code\": \"%s\"}".formatted(code))
			.expectStatus(200).json();
		assertThat(verified.get("verified").asBoolean()).isTrue();
		assertThat(verified.has("secret")).isFalse();
		var page = mvc.perform(get("/me/notifications").with(user(signedIn(jon)))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Pager app").doesNotContain(secret.substring("whsec_".length()));
		rule(jon, "high", UUID.fromString(id), 0);
		var service = service("search");
		var incident = incident(Severity.SEV2, service, "Search returns nothing");

		page(key(), jon, incident, "level 1 of Search on-call");
		settle();

		var posts = FakeProviders.postsTo(hook);
		assertThat(posts).hasSize(2);
		var pagePost = posts.get(1);
		assertThat(signedWith(secret, pagePost)).isTrue();
		assertThat(header(pagePost, "webhook-id")).isNotEqualTo(header(codePost, "webhook-id"));
		var payload = json(pagePost);
		assertThat(payload.get("type").asString()).isEqualTo("page");
		assertThat(payload.get("title").asString()).contains("[SEV2]", incident.id(), service.name());
		assertThat(payload.get("text").asString()).contains("Summary: Search returns nothing");
		assertThat(payload.get("link").asString()).isEqualTo(BASE_URL + "/incidents/" + incident.id());
		assertThat(payload.get("acknowledge_url").asString()).startsWith(BASE_URL + "/notifications/ack/");
		assertThat(payload.get("reply_code").asString()).isEqualTo(Long.toString(incident.number()));
	}

	@Test
	void aTestSmsGoesThroughTheTwilioFakeAndAnswersWithItsRow() {
		var kim = person("responder");
		var phone = phone();
		var id = api.post(methods(kim), kim.token(), "{\"type\": \"sms\", \"address\": \"%s\", \"label\": \"Mobile\"}"
			.formatted(phone)).expectStatus(201).json().get("id").asString();
		assertThat(FakeProviders.smsTo(phone)).hasSize(1);

		var row = api.post(methods(kim) + "/" + id + "/test", kim.token(), null).expectStatus(201).json();

		assertThat(row.get("status").asString()).isEqualTo("sent");
		assertThat(row.get("contact_type").asString()).isEqualTo("sms");
		assertThat(row.get("address").asString())
			.isEqualTo(phone.substring(0, 3) + "•••••" + phone.substring(phone.length() - 4));
		assertThat(row.get("attempts").asInt()).isEqualTo(1);
		var sms = FakeProviders.smsTo(phone);
		assertThat(sms).hasSize(2);
		assertThat(sms.get(1).form()).containsEntry("From", FakeProviders.TWILIO_FROM);
		assertThat(sms.get(1).form().get("Body"))
			.startsWith("This is a test message from Firebreak to your contact method 'Mobile'");
		assertThat(septets(sms.get(1).form().get("Body"))).isLessThanOrEqualTo(160);
		assertThat(row.get("provider_answer").asString()).matches("SM\\d{32}");
		var logged = api.get("/api/v1/accounts/" + kim.id() + "/notifications", adminToken()).expectStatus(200).json()
			.get("items").values().stream().filter(r -> r.get("id").asString().equals(row.get("id").asString())).toList();
		assertThat(single(logged).get("provider_answer").asString()).isEqualTo(row.get("provider_answer").asString());
	}

	@Test
	void anSmsPageLinksToTheIncidentInOneSegmentShorteningTheSummaryFirst() {
		var lea = person("responder");
		var phone = phone();
		var id = api.post(methods(lea), lea.token(), "{\"type\": \"sms\", \"address\": \"%s\"}".formatted(phone))
			.expectStatus(201).json().get("id").asString();
		var code = code(single(FakeProviders.smsTo(phone)).form().get("Body"));
		api.post(methods(lea) + "/" + id + "/verify", lea.token(), "{\"code\": \"%s\"}".formatted(code)).expectStatus(200);
		rule(lea, "high", UUID.fromString(id), 0);
		var service = service("checkout");
		var summary = "Card payments time out for customers in the EU since the deploy of 14:02; retries make it worse "
				+ "and the queue behind the payment gateway keeps growing.";
		var incident = incident(Severity.SEV1, service, summary);

		page(key(), lea, incident, "level 1 of Checkout on-call");
		settle();

		var sms = FakeProviders.smsTo(phone);
		assertThat(sms).hasSize(2);
		var body = sms.get(1).form().get("Body");
		assertThat(body).startsWith("SEV1 " + incident.id() + " " + incident.title() + " (" + service.name() + "): Card payments")
			.endsWith("... Reply " + incident.number() + " to ack. " + BASE_URL + "/incidents/" + incident.id())
			.doesNotContain(summary);
		assertThat(septets(body)).isLessThanOrEqualTo(160);
	}

	// ---- helpers ----

	private record Named(UUID id, String name) {
	}

	private Named service(String name) {
		var created = api.post("/api/v1/services", adminToken(), "{\"name\": \"%s-%s\"}".formatted(name,
				UUID.randomUUID().toString().substring(0, 8))).expectStatus(201).json();
		return new Named(UUID.fromString(created.get("id").asString()), created.get("name").asString());
	}

	private Incident incident(Severity severity, Named service, String summary) {
		return incidents.declare(new Declaration("Checkout fails " + UUID.randomUUID().toString().substring(0, 8), summary,
				severity, IncidentSource.INTERNAL, List.of(service.id()), null, false, false, false, false, null, null), null);
	}

	/** A number no other test sends to, so the fake Twilio's log for it is this test's alone. */
	private static String phone() {
		return "+1556" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
	}

	private static String code(String text) {
		var matcher = CODE.matcher(text);
		assertThat(matcher.find()).as("a verification code in %s", text).isTrue();
		return matcher.group(1);
	}

	private static <T> T single(List<T> items) {
		assertThat(items).hasSize(1);
		return items.get(0);
	}

	private static JsonNode json(FakeProviders.Request request) {
		return JsonMapper.shared().readTree(request.body());
	}

	private static String header(FakeProviders.Request request, String name) {
		return request.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
			.map(e -> e.getValue().get(0)).findFirst().orElse(null);
	}

	/**
	 * Checks a post as a Standard Webhooks receiver does: {@code v1,} + base64 HMAC-SHA256, keyed
	 * with the secret's base64 bytes, of {@code id.timestamp.body}; one of the listed signatures must match.
	 */
	private static boolean signedWith(String secret, FakeProviders.Request post) throws GeneralSecurityException {
		var mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		var signed = header(post, "webhook-id") + "." + header(post, "webhook-timestamp") + "." + post.body();
		var expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
		return Arrays.asList(header(post, "webhook-signature").split(" ")).contains(expected);
	}

	private static FakeProviders.Request tampered(FakeProviders.Request post, String code) {
		var other = code.equals("000000") ? "111111" : "000000";
		return new FakeProviders.Request(post.path(), post.body().replace(code, other), post.form(), post.headers());
	}

	/** How many GSM-7 septets the text takes: the extension characters take two. */
	private static int septets(String text) {
		return text.length() + (int) text.chars().filter(c -> GSM_EXTENSION.indexOf(c) >= 0).count();
	}

	private FirebreakUser signedIn(Person person) {
		return (FirebreakUser) users.loadUserByUsername(person.email());
	}

	/** A well-formed secret that is not the method's. */
	private static String anotherSecret() {
		var bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return "whsec_" + Base64.getEncoder().encodeToString(bytes);
	}
}
