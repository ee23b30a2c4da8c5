package dev.firebreak.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import dev.firebreak.Api;
import dev.firebreak.ApiTest.Person;
import dev.firebreak.FakeProviders;
import dev.firebreak.notification.TestMail;

/**
 * The world of the drill scenarios, set up through Firebreak's own API: people reachable by e-mail
 * and SMS, services with an escalation policy, drills, and what reached the people.
 */
final class DrillWorld {

	private static final Pattern CODE = Pattern.compile("verification code (?:is )?(\\d{6})");

	private final Api api;

	private final String admin;

	private final Map<UUID, String> phones = new HashMap<>();

	DrillWorld(Api api, String admin) {
		this.api = api;
		this.admin = admin;
	}

	/** E-mail, SMS and a call at once, for high urgency, each verified. */
	Person reachable(Person person) {
		for (var type : List.of("email", "sms", "voice")) {
			var address = type.equals("email") ? person.email() : phone(person);
			var method = id(api.post("/api/v1/accounts/me/contact-methods", person.token(),
					"{\"type\": \"%s\", \"address\": \"%s\", \"label\": \"%s\"}".formatted(type, address, type)).expectStatus(201));
			api.post("/api/v1/accounts/me/contact-methods/" + method + "/verify", person.token(),
					"{\"code\": \"%s\"}".formatted(lastCode(type, address))).expectStatus(200);
			api.post("/api/v1/accounts/me/notification-rules", person.token(),
					"{\"urgency\": \"high\", \"contact_method_id\": \"%s\", \"delay_minutes\": 0}".formatted(method))
				.expectStatus(201);
		}
		return person;
	}

	String phone(Person person) {
		return phones.computeIfAbsent(person.id(), k -> "+1556" + String.format("%07d",
				Math.floorMod(person.id().getLeastSignificantBits(), 10_000_000L)));
	}

	private static String lastCode(String type, String address) {
		var texts = switch (type) {
			case "email" -> TestMail.to(address).stream().map(TestMail::subject).toList();
			case "sms" -> FakeProviders.smsTo(address).stream().map(r -> r.form().get("Body")).toList();
			default -> FakeProviders.callsTo(address).stream().map(r -> r.form().get("Twiml")).toList();
		};
		var codes = texts.stream().map(CODE::matcher).filter(Matcher::find).map(m -> m.group(1)).toList();
		assertThat(codes).as("verification codes sent to %s", address).isNotEmpty();
		return codes.get(codes.size() - 1);
	}

	UUID service(String name) {
		return id(api.post("/api/v1/services", admin, "{\"name\": \"%s-%s\"}".formatted(name, UUID.randomUUID()))
			.expectStatus(201));
	}

	/** One level: these people (and channels), waiting 5 minutes. */
	void policy(UUID service, String... targets) {
		api.post("/api/v1/escalation-policies", admin, """
				{"name": "policy-%s", "repeat": 0, "levels": [{"delay": "PT5M", "targets": [%s]}], "service_ids": ["%s"]}"""
			.formatted(UUID.randomUUID(), String.join(", ", targets), service)).expectStatus(201);
	}

	static String who(Person person) {
		return "{\"type\": \"person\", \"id\": \"%s\"}".formatted(person.id());
	}

	static String channel(UUID channel) {
		return "{\"type\": \"channel\", \"id\": \"%s\"}".formatted(channel);
	}

	UUID chatChannel(String type, String hook) {
		return id(api.post("/api/v1/notification-channels", admin, "{\"name\": \"%s\", \"type\": \"%s\", \"url\": \"%s\"}"
			.formatted(hook, type, FakeProviders.webhookUrl(hook))).expectStatus(201));
	}

	String eventsKey(UUID service) {
		return api.post("/api/v1/services/" + service + "/integrations", admin, "{\"type\": \"events_v2\"}")
			.expectStatus(201).json().get("routing_key").asString();
	}

	void trigger(String routingKey, String dedupKey) {
		api.post("/v2/enqueue", null, """
				{"routing_key": "%s", "event_action": "trigger", "dedup_key": "%s",
				 "payload": {"summary": "Checkout error rate 12%%", "source": "prometheus", "severity": "critical"}}"""
			.formatted(routingKey, dedupKey)).expectStatus(202);
	}

	/** Starts a drill as this person; its report. */
	JsonNode startDrill(Person by, UUID service, String severity) {
		return api.post("/api/v1/drills", by.token(), """
				{"service_id": "%s", "severity": %s}""".formatted(service, severity == null ? "null" : "\"" + severity + "\""))
			.expectStatus(201).json();
	}

	JsonNode report(String drill) {
		return api.get("/api/v1/drills/" + drill, admin).expectStatus(200).json();
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

	/** The incidents of a service, by id, newest first. */
	List<String> incidentsOf(UUID service) {
		var found = new ArrayList<String>();
		api.get("/api/v1/incidents?service=" + service, admin).expectStatus(200).json().get("items").values()
			.forEach(i -> found.add(i.get("id").asString()));
		return found;
	}

	/** The subjects of the mails the person received (verification codes left out), oldest first. */
	List<String> mailSubjects(Person person) {
		return TestMail.to(person.email()).stream().map(TestMail::subject).filter(s -> !CODE.matcher(s).find()).toList();
	}

	/** What the calls to the person said (verification codes left out), oldest first. */
	List<String> calls(Person person) {
		return FakeProviders.callsTo(phone(person)).stream().map(r -> r.form().get("Twiml"))
			.filter(twiml -> !CODE.matcher(twiml).find()).toList();
	}

	List<String> sms(Person person) {
		return FakeProviders.smsTo(phone(person)).stream().map(r -> r.form().get("Body"))
			.filter(body -> !CODE.matcher(body).find()).toList();
	}

	static UUID id(Api.Response response) {
		return UUID.fromString(response.json().get("id").asString());
	}
}
