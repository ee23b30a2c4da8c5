package dev.firebreak.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Autowired;

import dev.firebreak.ApiTest;
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

	protected static String methods(Person person) {
		return "/api/v1/accounts/me/contact-methods";
	}

	protected static String key() {
		return "test-page-" + UUID.randomUUID();
	}
}
