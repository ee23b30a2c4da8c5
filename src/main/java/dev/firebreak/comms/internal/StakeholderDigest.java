package dev.firebreak.comms.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import jakarta.mail.MessagingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.firebreak.catalog.Catalog;
import dev.firebreak.comms.Audience;
import dev.firebreak.comms.StatusUpdate;
import dev.firebreak.comms.StatusUpdatePosted;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.FirebreakPolicy;
import dev.firebreak.platform.Text;

/**
 * Mails a posted stakeholder update, as a business-impact digest, to the stakeholder lists of
 * the incident's services (each address once). Never for a private incident. Each address is
 * claimed and mailed in its own transaction, so a retry after a mail server failure sends only
 * what did not go out.
 */
@Component
class StakeholderDigest {

	private static final Logger log = LoggerFactory.getLogger(StakeholderDigest.class);

	private final UpdateStore updates;

	private final StakeholderStore stakeholders;

	private final Incidents incidents;

	private final Catalog catalog;

	private final JavaMailSender mail;

	private final TransactionTemplate perAddress;

	private final FirebreakPolicy policy;

	private final Clock clock;

	private final String from;

	private final String baseUrl;

	StakeholderDigest(UpdateStore updates, StakeholderStore stakeholders, Incidents incidents, Catalog catalog,
			JavaMailSender mail, PlatformTransactionManager transactions, FirebreakPolicy policy, Clock clock,
			@Value("${firebreak.notification.email.from}") String from, @Value("${firebreak.base-url}") String baseUrl) {
		this.updates = updates;
		this.stakeholders = stakeholders;
		this.incidents = incidents;
		this.catalog = catalog;
		this.mail = mail;
		this.perAddress = new TransactionTemplate(transactions);
		this.perAddress.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.policy = policy;
		this.clock = clock;
		this.from = from;
		this.baseUrl = Text.withoutTrailingSlash(baseUrl);
	}

	@ApplicationModuleListener
	void on(StatusUpdatePosted posted) {
		if (posted.audience() != Audience.STAKEHOLDERS || posted.isPrivateIncident()) {
			return;
		}
		var incident = incidents.find(posted.incidentNumber()).orElse(null);
		var update = updates.find(posted.updateId()).orElse(null);
		if (incident == null || update == null || incident.isPrivate()) {
			return;
		}
		var subject = subject(incident);
		var body = body(incident, update);
		var failed = 0;
		for (var address : stakeholders.of(incident.affectedServiceIds())) {
			try {
				perAddress.executeWithoutResult(tx -> {
					if (stakeholders.claim(update.id(), address, clock.instant())) {
						send(address, subject, body);
					}
				});
			}
			catch (MailException | IllegalStateException e) {
				failed++;
				log.warn("The stakeholder digest of {} to {} did not go out: {}", incident.id(), address, e.getMessage());
			}
		}
		if (failed > 0) {
			// the event stays incomplete and is delivered again; the addresses mailed already are skipped
			throw new IllegalStateException(failed + " stakeholder digest(s) of " + incident.id() + " did not go out");
		}
	}

	static String subject(Incident incident) {
		return (incident.drill() ? "DRILL " : "") + "[" + (incident.severity() == null ? "unclassified" : incident.severity().name()) + "] " + incident.id()
				+ " " + incident.title() + " — update";
	}

	String body(Incident incident, StatusUpdate update) {
		var services = catalog.services(incident.affectedServiceIds());
		var names = incident.affectedServiceIds().stream().filter(services::containsKey)
			.map(id -> services.get(id).name()).toList();
		var cadence = CadencePlan.stakeholderCadence(incident, policy);
		var next = !incident.isActive() ? "No further updates: the incident is " + incident.status() + "."
				: cadence == null ? "Next update: when the situation changes, and at resolution."
						: "Next update by " + UpdateTemplates.at(update.postedAt().plus(cadence), update.postedAt()) + ".";
		return (incident.drill() ? "DRILL: this update is about a fire drill, practice of our response; nothing is broken.\n\n" : "")
				+ incident.id() + " " + incident.title() + "\n\n"
				+ "Impact: " + (incident.customerImpact() == null || incident.customerImpact().isBlank() ? "not stated yet"
						: incident.customerImpact().strip()) + "\n"
				+ "Services: " + (names.isEmpty() ? "none named" : String.join(", ", names)) + "\n"
				+ "Status: " + incident.status() + " ("
				+ (incident.severity() == null ? "unclassified" : incident.severity().name()) + ")\n"
				+ "Mitigation: " + UpdateTemplates.mitigation(incident, update.postedAt()) + "\n\n"
				+ "What is being done (" + UpdateTemplates.at(update.postedAt(), update.postedAt()) + "):\n"
				+ update.text() + "\n\n"
				+ next + "\n"
				+ "Follow the incident: " + baseUrl + "/incidents/" + incident.id() + "\n";
	}

	private void send(String address, String subject, String body) {
		var message = mail.createMimeMessage();
		try {
			var helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
			helper.setFrom(from);
			helper.setTo(address);
			helper.setSubject(subject);
			helper.setText(body, false);
		}
		catch (MessagingException e) {
			throw new IllegalStateException("The digest could not be written: " + e.getMessage(), e);
		}
		mail.send(message);
	}
}
