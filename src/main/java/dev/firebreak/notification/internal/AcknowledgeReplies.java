package dev.firebreak.notification.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.firebreak.alerting.AlertStatus;
import dev.firebreak.alerting.Alerts;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Incidents;
import dev.firebreak.notification.ContactType;
import dev.firebreak.notification.Subject;

/**
 * Acknowledges by reply: "42", "ack 42", "ACK INC-42" acknowledge incident 42, and "A7", "ack a7"
 * the alert with code A7 ({@link AlertCodes}), when its sender was paged about it; a bare "ack"
 * takes the most recent page that is still unacknowledged. The sender is the person owning the
 * verified contact method with that number.
 */
@Component
class AcknowledgeReplies implements InboundReplies {

	private static final Pattern NUMBERED = Pattern.compile("^(?:ack(?:nowledge)?\\s*)?(?:inc-?\\s*)?(\\d{1,18})$");

	private static final Pattern ALERT = Pattern.compile("^(?:ack(?:nowledge)?\\s*)?(" + AlertCodes.CODE.pattern() + ")$");

	private static final Pattern BARE = Pattern.compile("^ack(?:nowledge)?$");

	private static final String VIA = "SMS";

	static final String HELP = "Reply with the incident number or alert code to acknowledge it (e.g. 42, ACK 42 or A7), "
			+ "or ACK for your latest page.";

	private final ContactMethodStore methods;

	private final DeliveryStore deliveries;

	private final Incidents incidents;

	private final Alerts alerts;

	private final AlertCodes alertCodes;

	AcknowledgeReplies(ContactMethodStore methods, DeliveryStore deliveries, Incidents incidents, Alerts alerts,
			AlertCodes alertCodes) {
		this.methods = methods;
		this.deliveries = deliveries;
		this.incidents = incidents;
		this.alerts = alerts;
		this.alertCodes = alertCodes;
	}

	@Override
	public String reply(ContactType type, String from, String body) {
		var senders = from == null ? List.<ContactMethod>of() : methods.verifiedAt(type, from.strip());
		if (senders.isEmpty()) {
			return "This number is not a verified contact method in Firebreak; nothing was acknowledged.";
		}
		var accountId = senders.get(0).accountId();
		var text = body == null ? "" : body.strip().toLowerCase(Locale.ROOT);
		var numbered = NUMBERED.matcher(text);
		if (numbered.matches()) {
			// at most 18 digits: always a long
			var number = Long.parseLong(numbered.group(1));
			if (!deliveries.paged(accountId, Subject.incident(number))) {
				return "No page to you for " + Incident.PREFIX + number + "; nothing was acknowledged.";
			}
			return acknowledgeIncident(number, accountId);
		}
		var coded = ALERT.matcher(text);
		if (coded.matches()) {
			var code = Long.parseLong(coded.group(1).replaceAll("\\D", ""));
			var alertId = alertCodes.alertOf(coded.group(1));
			if (alertId.isEmpty() || !deliveries.paged(accountId, Subject.alert(alertId.get()))) {
				return "No page to you for alert " + AlertCodes.PREFIX + code + "; nothing was acknowledged.";
			}
			return acknowledgeAlert(alertId.get(), AlertCodes.PREFIX + code, accountId);
		}
		if (BARE.matcher(text).matches()) {
			for (var subject : deliveries.subjectsPaged(accountId)) {
				if (subject.incidentNumber() != null && open(subject.incidentNumber())) {
					return acknowledgeIncident(subject.incidentNumber(), accountId);
				}
				if (subject.alertId() != null && alerts.find(subject.alertId())
					.filter(alert -> alert.status() == AlertStatus.TRIGGERED).isPresent()) {
					return acknowledgeAlert(subject.alertId(), alertCodes.codeOf(subject.alertId()), accountId);
				}
			}
			return "You have no unacknowledged page; nothing was acknowledged.";
		}
		return HELP;
	}

	private boolean open(long number) {
		return incidents.find(number).filter(i -> i.milestones().acknowledgedAt() == null
				&& i.status() != IncidentStatus.RESOLVED && i.status() != IncidentStatus.CLOSED).isPresent();
	}

	private String acknowledgeIncident(long number, UUID accountId) {
		var id = Incident.PREFIX + number;
		if (incidents.find(number).isEmpty()) {
			return "There is no " + id + ".";
		}
		return incidents.acknowledge(number, accountId, VIA) ? id + " acknowledged. Thank you."
				: id + " was acknowledged already (or is resolved); nothing changed.";
	}

	private String acknowledgeAlert(UUID alertId, String code, UUID accountId) {
		var name = "Alert " + code;
		if (alerts.find(alertId).isEmpty()) {
			return "There is no alert " + code + ".";
		}
		return alerts.acknowledge(alertId, accountId, VIA) ? name + " acknowledged. Thank you."
				: name + " was acknowledged already (or is resolved); nothing changed.";
	}
}
