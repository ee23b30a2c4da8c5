package dev.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Autowired;

import dev.firebreak.ApiTest;
import dev.firebreak.alerting.Alert;
import dev.firebreak.alerting.Alerts;
import dev.firebreak.incident.Declaration;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.Severity;

/** What the notification tests share: people with verified e-mail methods and rules, incidents to page about. */
public abstract class NotificationTest extends ApiTest {

	private static final Pattern CODE = Pattern.compile("verification code (\\d{6})");

	@Autowired
	protected Notifications notifications;

	@Autowired
	protected Incidents incidents;

	@Autowired
	protected Alerts alerts;

	/** A fresh address no other test writes to. */
	protected static String address(String who) {
		return who + "-" + UUID.randomUUID() + "@mail.firebreak.test";
	}

	/** Adds an e-mail contact method and verifies it with the code that arrived by mail. */
	protected UUID verifiedEmail(Person person, String address) {
		var id = addEmail(person, address);
		api.post(methods(person) + "/" + id + "/verify", person.token(), "{\"code\": \"%s\"}".formatted(lastCode(address)))
			.expectStatus(200);
		return id;
	}

	protected UUID addEmail(Person person, String address) {
		var created = api.post(methods(person), person.token(),
				"{\"type\": \"email\", \"address\": \"%s\", \"label\": \"mail\"}".formatted(address)).expectStatus(201).json();
		return UUID.fromString(created.get("id").asString());
	}

	protected UUID rule(Person person, String urgency, UUID methodId, int delayMinutes) {
		var created = api.post("/api/v1/accounts/me/notification-rules", person.token(),
				"{\"urgency\": \"%s\", \"contact_method_id\": \"%s\", \"delay_minutes\": %d}".formatted(urgency, methodId,
						delayMinutes))
			.expectStatus(201).json();
		return UUID.fromString(created.get("id").asString());
	}

	protected static String lastCode(String address) {
		var codes = TestMail.to(address).stream().map(TestMail::subject).map(CODE::matcher).filter(m -> m.find())
			.map(m -> m.group(1)).toList();
		assertThat(codes).as("verification codes mailed to %s", address).isNotEmpty();
		return codes.get(codes.size() - 1);
	}

	/** The mails to this address that are not verification codes. */
	protected static List<MimeMessage> pages(String address) {
		return TestMail.to(address).stream().filter(m -> !TestMail.subject(m).contains("verification code")).toList();
	}

	protected Incident incident(String title, Severity severity, List<UUID> services) {
		return incidents.declare(new Declaration(title + " " + UUID.randomUUID().toString().substring(0, 8),
				"Payments time out for some customers", severity, IncidentSource.INTERNAL, services, null, false, false,
				false, false, null, null), null);
	}

	protected void page(String key, Person person, Incident incident, String reason) {
		notifications.page(new PageRequest(key, person.id(), Urgency.HIGH, Subject.incident(incident.number()), reason));
	}

	/**
	 * A triggered critical alert of a new service that routes its critical alerts to no incident,
	 * as a monitoring tool sends it; nobody is paged about it until a test asks.
	 */
	protected Alert alert(String summary) {
		var service = api.post("/api/v1/services", adminToken(), "{\"name\": \"payments-%s\"}".formatted(UUID.randomUUID()))
			.expectStatus(201).json().get("id").asString();
		api.put("/api/v1/services/" + service + "/alert-routing", adminToken(), "{\"critical\": \"none\"}").expectStatus(200);
		var key = api.post("/api/v1/services/" + service + "/integrations", adminToken(), "{\"type\": \"events_v2\"}")
			.expectStatus(201).json().get("routing_key").asString();
		api.post("/v2/enqueue", null, """
				{"routing_key": "%s", "event_action": "trigger", "dedup_key": "%s",
				 "payload": {"summary": "%s", "source": "prometheus", "severity": "critical"}}"""
			.formatted(key, UUID.randomUUID(), summary)).expectStatus(202);
		settle();
		var items = api.get("/api/v1/alerts?service=" + service, adminToken()).expectStatus(200).json().get("items");
		assertThat(items.size()).isEqualTo(1);
		return alerts.find(UUID.fromString(items.get(0).get("id").asString())).orElseThrow();
	}

	protected void page(String key, Person person, Alert alert, String reason) {
		notifications.page(new PageRequest(key, person.id(), Urgency.HIGH, Subject.alert(alert.id()), reason));
	}

	protected static String methods(Person person) {
		return "/api/v1/accounts/me/contact-methods";
	}

	protected static String key() {
		return "test-page-" + UUID.randomUUID();
	}
}
