package dev.firebreak.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.firebreak.Api;
import dev.firebreak.ApiTest.Person;
import dev.firebreak.FakeProviders;
import dev.firebreak.notification.TestMail;

import tools.jackson.databind.JsonNode;

/**
 * The world of the paging scenarios, set up and observed through Firebreak's own API: people and
 * how they want to be reached, services, schedules, escalation policies, incidents and alerts, and
 * the pages that went out (the delivery log of an incident, and what the fake providers received).
 * Each scenario makes its own, so scenarios never see each other's pages.
 */
final class PagingWorld {

	private final Api api;

	private final String admin;

	PagingWorld(Api api, String adminToken) {
		this.api = api;
		this.admin = adminToken;
	}

	// --- people and how they want to be reached ---------------------------------------------

	private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("verification code (?:is )?(\\d{6})");

	private final java.util.Map<UUID, String> phones = new java.util.HashMap<>();

	private final java.util.Map<UUID, java.util.Map<String, UUID>> methods = new java.util.HashMap<>();

	/**
	 * Gives the person verified contact methods and high-urgency rules: {@code "email", 0, "sms", 2}
	 * is "e-mail at once, SMS after 2 minutes".
	 */
	Person reachable(Person person, Object... typeThenMinutes) {
		rules(person, "high", typeThenMinutes);
		return person;
	}

	/** Adds low-urgency rules the same way. */
	void lowUrgency(Person person, Object... typeThenMinutes) {
		rules(person, "low", typeThenMinutes);
	}

	private void rules(Person person, String urgency, Object... typeThenMinutes) {
		for (int i = 0; i < typeThenMinutes.length; i += 2) {
			var type = (String) typeThenMinutes[i];
			var minutes = (Integer) typeThenMinutes[i + 1];
			var method = method(person, type);
			api.post("/api/v1/accounts/me/notification-rules", person.token(),
					"{\"urgency\": \"%s\", \"contact_method_id\": \"%s\", \"delay_minutes\": %d}".formatted(urgency, method,
							minutes))
				.expectStatus(201);
		}
	}

	/** The person's verified contact method of this type, added (and verified by the code it received) on first use. */
	UUID method(Person person, String type) {
		return methods.computeIfAbsent(person.id(), k -> new java.util.HashMap<>()).computeIfAbsent(type, t -> {
			var address = switch (t) {
				case "email" -> person.email();
				case "sms", "voice" -> phone(person);
				default -> throw new IllegalArgumentException("no scenario step for " + t);
			};
			var id = id(api.post("/api/v1/accounts/me/contact-methods", person.token(),
					"{\"type\": \"%s\", \"address\": \"%s\", \"label\": \"%s\"}".formatted(t, address, t)).expectStatus(201));
			api.post("/api/v1/accounts/me/contact-methods/" + id + "/verify", person.token(),
					"{\"code\": \"%s\"}".formatted(lastCode(t, address))).expectStatus(200);
			return id;
		});
	}

	/** The person's own phone number in the scenarios: unique, so the fake Twilio's log is theirs alone. */
	String phone(Person person) {
		return phones.computeIfAbsent(person.id(), k -> "+1555" + String.format("%07d",
				Math.floorMod(person.id().getMostSignificantBits(), 10_000_000L)));
	}

	private static String lastCode(String type, String address) {
		var texts = switch (type) {
			case "email" -> TestMail.to(address).stream().map(TestMail::subject).toList();
			case "sms" -> FakeProviders.smsTo(address).stream().map(r -> r.form().get("Body")).toList();
			case "voice" -> FakeProviders.callsTo(address).stream().map(r -> r.form().get("Twiml")).toList();
			default -> List.<String>of();
		};
		var codes = texts.stream().map(CODE::matcher).filter(java.util.regex.Matcher::find).map(m -> m.group(1)).toList();
		assertThat(codes).as("verification codes sent to %s", address).isNotEmpty();
		return codes.get(codes.size() - 1);
	}

	// --- answers that come back through the channels -----------------------------------------

	/** An inbound SMS as Twilio posts it, signed with the account's auth token; @return the TwiML answer */
	String twilioSms(org.springframework.test.web.servlet.MockMvc mvc, String from, String body) throws Exception {
		return twilio(mvc, "/notifications/twilio/sms", java.util.Map.of("From", from, "To", FakeProviders.TWILIO_FROM,
				"Body", body, "MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""),
				"AccountSid", FakeProviders.TWILIO_SID));
	}

	/**
	 * The key a person pressed on a page's call, as Twilio posts it to the call's Gather action
	 * (the path in the TwiML Firebreak gave the call); @return the TwiML answer
	 */
	String twilioKeyPress(org.springframework.test.web.servlet.MockMvc mvc, String gatherAction, String to, String digits)
			throws Exception {
		return twilio(mvc, gatherAction, java.util.Map.of("To", to, "From", FakeProviders.TWILIO_FROM, "Digits", digits,
				"CallSid", "CA" + UUID.randomUUID().toString().replace("-", ""), "AccountSid", FakeProviders.TWILIO_SID));
	}

	private String twilio(org.springframework.test.web.servlet.MockMvc mvc, String path, java.util.Map<String, String> fields)
			throws Exception {
		var form = new java.util.TreeMap<String, String>(fields);
		var signed = new StringBuilder(BASE_URL + path);
		form.forEach((name, value) -> signed.append(name).append(value));
		var mac = javax.crypto.Mac.getInstance("HmacSHA1");
		mac.init(new javax.crypto.spec.SecretKeySpec(FakeProviders.TWILIO_TOKEN.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA1"));
		var signature = java.util.Base64.getEncoder()
			.encodeToString(mac.doFinal(signed.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
			.contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
			.header("X-Twilio-Signature", signature);
		form.forEach(request::param);
		var response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as("Twilio callback %s answered", path).isEqualTo(200);
		return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static final String BASE_URL = "http://localhost:8080";

	private static final java.util.regex.Pattern ACK_LINK = java.util.regex.Pattern
		.compile(BASE_URL + "(/notifications/ack/[A-Za-z0-9_\\-.]+)");

	/** The one-click acknowledge link (its path) in the page e-mailed to the person about the incident. */
	String acknowledgeLink(Person person, String incident) {
		var links = TestMail.to(person.email()).stream().filter(m -> TestMail.subject(m).contains(incident))
			.map(TestMail::text).map(ACK_LINK::matcher).filter(java.util.regex.Matcher::find).map(m -> m.group(1)).toList();
		assertThat(links).as("acknowledge links mailed to %s about %s", person.email(), incident).isNotEmpty();
		return links.get(0);
	}

	/** The plain text of the latest page e-mailed to the person whose subject contains this. */
	String mailAbout(Person person, String inSubject) {
		var texts = TestMail.to(person.email()).stream().filter(m -> TestMail.subject(m).contains(inSubject))
			.map(TestMail::text).toList();
		assertThat(texts).as("mails to %s about %s", person.email(), inSubject).isNotEmpty();
		return texts.get(texts.size() - 1);
	}

	private static final java.util.regex.Pattern REPLY_CODE = java.util.regex.Pattern.compile("Reply (\\S+) to ack");

	/** The code the latest SMS page to the person says to reply with ({@code 42}, {@code A7}). */
	String replyCode(Person person) {
		var pages = pagesBySms(person);
		assertThat(pages).as("SMS pages to %s", person.email()).isNotEmpty();
		var code = REPLY_CODE.matcher(pages.get(pages.size() - 1));
		assertThat(code.find()).as("the SMS says how to acknowledge: %s", pages.get(pages.size() - 1)).isTrue();
		return code.group(1);
	}

	/** The bodies of the SMS pages the person received (verification codes left out), oldest first. */
	List<String> pagesBySms(Person person) {
		return FakeProviders.smsTo(phone(person)).stream().map(r -> r.form().get("Body"))
			.filter(body -> !CODE.matcher(body).find()).toList();
	}

	UUID slackChannel(String hook) {
		return id(api.post("/api/v1/notification-channels", admin, "{\"name\": \"%s\", \"type\": \"slack_webhook\", \"url\": \"%s\"}"
			.formatted(hook, FakeProviders.webhookUrl(hook))).expectStatus(201));
	}

	// --- the catalog --------------------------------------------------------------------------

	UUID service(String name) {
		return id(api.post("/api/v1/services", admin, "{\"name\": \"%s-%s\"}".formatted(name, UUID.randomUUID()))
			.expectStatus(201));
	}

	UUID team(String name, String timeZone, Person... members) {
		var team = id(api.post("/api/v1/teams", admin, "{\"name\": \"%s-%s\", \"time_zone\": \"%s\"}"
			.formatted(name, UUID.randomUUID(), timeZone)).expectStatus(201));
		for (var member : members) {
			api.put("/api/v1/teams/" + team + "/members/" + member.id(), admin, null).expectStatus(200);
		}
		return team;
	}

	String eventsKey(UUID service) {
		return api.post("/api/v1/services/" + service + "/integrations", admin, "{\"type\": \"events_v2\"}")
			.expectStatus(201).json().get("routing_key").asString();
	}

	// --- schedules ------------------------------------------------------------------------------

	UUID schedule(String timeZone) {
		return id(api.post("/api/v1/schedules", admin, "{\"name\": \"rotation-%s\", \"time_zone\": \"%s\"}"
			.formatted(UUID.randomUUID(), timeZone)).expectStatus(201));
	}

	/** A weekly rotation of these people, handing off on Mondays at 09:00, started long ago. */
	UUID weeklySchedule(String timeZone, Person... people) {
		var schedule = schedule(timeZone);
		layer(schedule, "Primary", 1, "weeks", "2026-01-05T09:00", "", people);
		return schedule;
	}

	/** A schedule without any rotation: nobody is ever on call. */
	UUID emptySchedule(String timeZone) {
		return schedule(timeZone);
	}

	/**
	 * Two daily rotations restricted to their own hours (UTC), the second on top: e.g. Europe
	 * 08:00–16:00 and America 16:00–23:59.
	 */
	UUID followTheSun(Person first, String firstFrom, String firstTo, Person second, String secondFrom, String secondTo) {
		var schedule = schedule("UTC");
		layer(schedule, "Europe", 1, "days", "2026-01-05T00:00", timeOfDay(firstFrom, firstTo), first);
		layer(schedule, "America", 1, "days", "2026-01-05T00:00", timeOfDay(secondFrom, secondTo), second);
		return schedule;
	}

	void override(UUID schedule, Person covering, Person replaced, Instant start, Instant end) {
		api.post("/api/v1/schedules/" + schedule + "/overrides", admin,
				"{\"account_id\": \"%s\", \"replaced_account_id\": \"%s\", \"start\": \"%s\", \"end\": \"%s\"}"
					.formatted(covering.id(), replaced.id(), start, end))
			.expectStatus(201);
	}

	private void layer(UUID schedule, String name, int count, String unit, String start, String restrictions, Person... people) {
		api.post("/api/v1/schedules/" + schedule + "/layers", admin, """
				{"name": "%s", "participants": [%s], "shift_count": %d, "shift_unit": "%s", "start": "%s", "restrictions": [%s]}"""
			.formatted(name, Arrays.stream(people).map(p -> "\"" + p.id() + "\"").collect(Collectors.joining(", ")), count,
					unit, start, restrictions))
			.expectStatus(201);
	}

	private static String timeOfDay(String from, String to) {
		return "{\"type\": \"time_of_day\", \"start_time\": \"%s\", \"end_time\": \"%s\"}".formatted(from, to);
	}

	// --- escalation policies ------------------------------------------------------------------

	static String level(Duration delay, String... targets) {
		return "{\"delay\": %s, \"targets\": [%s]}".formatted(delay == null ? "null" : "\"" + delay + "\"",
				String.join(", ", targets));
	}

	static String who(Person person) {
		return target("person", person.id());
	}

	static String schedule(UUID schedule) {
		return target("schedule", schedule);
	}

	static String team(UUID team) {
		return target("team", team);
	}

	static String channel(UUID channel) {
		return target("channel", channel);
	}

	private static String target(String type, UUID id) {
		return "{\"type\": \"%s\", \"id\": \"%s\"}".formatted(type, id);
	}

	UUID policy(List<UUID> services, int repeat, String... levels) {
		return id(api.post("/api/v1/escalation-policies", admin, """
				{"name": "policy-%s", "repeat": %d, "levels": [%s], "service_ids": [%s]}""".formatted(UUID.randomUUID(),
				repeat, String.join(", ", levels),
				services.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", ")))).expectStatus(201));
	}

	UUID policy(UUID service, String... levels) {
		return policy(List.of(service), 0, levels);
	}

	// --- incidents and alerts -----------------------------------------------------------------

	String declare(String severity, UUID... services) {
		return declare(severity, "", services);
	}

	/** @param extra more declaration fields, e.g. {@code "customer_reported": true,} */
	String declare(String severity, String extra, UUID... services) {
		return api.post("/api/v1/incidents", admin, """
				{"title": "Checkout fails %s", %s "severity": %s, "affected_service_ids": [%s]}""".formatted(
				UUID.randomUUID().toString().substring(0, 8), extra, severity == null ? "null" : "\"" + severity + "\"",
				Arrays.stream(services).map(s -> "\"" + s + "\"").collect(Collectors.joining(", "))))
			.expectStatus(201).json().get("id").asString();
	}

	void trigger(String routingKey, String dedupKey, String severity) {
		api.post("/v2/enqueue", null, """
				{"routing_key": "%s", "event_action": "trigger", "dedup_key": "%s",
				 "payload": {"summary": "Checkout error rate 12%%", "source": "prometheus", "severity": "%s"}}"""
			.formatted(routingKey, dedupKey, severity)).expectStatus(202);
	}

	void acknowledge(String incident, Person by) {
		api.post("/api/v1/incidents/" + incident + "/acknowledge", by.token(), null).expectStatus(200);
	}

	void resolve(String incident) {
		api.resolve(incident, admin).expectStatus(200);
	}

	void raise(String incident, String severity) {
		api.post("/api/v1/incidents/" + incident + "/severity", admin,
				"{\"severity\": \"%s\", \"reason\": \"worse than we thought\"}".formatted(severity)).expectStatus(200);
	}

	JsonNode incident(String incident) {
		return api.get("/api/v1/incidents/" + incident, admin).expectStatus(200).json();
	}

	List<String> timeline(String incident) {
		var texts = new ArrayList<String>();
		api.get("/api/v1/incidents/" + incident + "/timeline", admin).expectStatus(200).json()
			.values().forEach(entry -> texts.add(entry.get("text").asString()));
		return texts;
	}

	JsonNode escalations(String incident) {
		return api.get("/api/v1/incidents/" + incident + "/escalations", admin).expectStatus(200).json().get("items");
	}

	/** Every delivery about the incident: one row per message to one contact method. */
	List<JsonNode> deliveries(String incident) {
		var rows = new ArrayList<JsonNode>();
		api.get("/api/v1/incidents/" + incident + "/notifications", admin).expectStatus(200).json().get("items")
			.values().forEach(rows::add);
		return rows;
	}

	/** The messages sent (handed to a channel) to this person about the incident, as "type" in sending order. */
	List<String> pagesTo(String incident, Person person) {
		return deliveries(incident).stream()
			.filter(d -> person.id().toString().equals(d.get("account_id").asString()))
			.filter(d -> List.of("sent", "delivered").contains(d.get("status").asString()))
			.map(d -> d.get("contact_type").asString())
			.toList();
	}

	/** Every message sent to this person about anything (alerts included), by contact type, oldest first. */
	List<String> deliveriesTo(Person person) {
		var rows = new ArrayList<String>();
		api.get("/api/v1/accounts/" + person.id() + "/notifications", admin).expectStatus(200).json().get("items")
			.values().forEach(d -> {
				if (List.of("sent", "delivered").contains(d.get("status").asString())) {
					rows.add(d.get("contact_type").asString());
				}
			});
		return rows;
	}

	void maintenance(UUID service, Instant start, Instant end) {
		api.post("/api/v1/services/" + service + "/maintenance-windows", admin,
				"{\"starts_at\": \"%s\", \"ends_at\": \"%s\", \"reason\": \"database upgrade\"}".formatted(start, end))
			.expectStatus(201);
	}

	/** The open incident of a service (the one its alerts opened). */
	String openIncidentOf(UUID service) {
		var found = incidentsOf(service);
		assertThat(found).as("incidents of service %s", service).hasSize(1);
		return found.get(0);
	}

	/** The incidents of a service, by id. */
	List<String> incidentsOf(UUID service) {
		var found = new ArrayList<String>();
		api.get("/api/v1/incidents?service=" + service, admin).expectStatus(200).json().get("items").values()
			.forEach(i -> found.add(i.get("id").asString()));
		return found;
	}

	/** The alerts of a service, as the alerts API shows them. */
	List<JsonNode> alertsOf(UUID service) {
		var found = new ArrayList<JsonNode>();
		api.get("/api/v1/alerts?service=" + service, admin).expectStatus(200).json().get("items").values()
			.forEach(found::add);
		return found;
	}

	static UUID id(Api.Response response) {
		return UUID.fromString(response.json().get("id").asString());
	}

	static Instant at(String instant) {
		return Instant.parse(instant);
	}
}
