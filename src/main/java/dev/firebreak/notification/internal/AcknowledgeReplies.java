package dev.firebreak.notification.internal;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Incidents;
import dev.firebreak.notification.ContactType;

/**
 * Acknowledges by reply: "42", "ack 42", "ACK INC-42" acknowledge incident 42 when its sender
 * was paged about it; a bare "ack" takes the most recent page that is still unacknowledged. The
 * sender is the person owning the verified contact method with that number.
 */
@Component
class AcknowledgeReplies implements InboundReplies {

	private static final Pattern NUMBERED = Pattern.compile("^(?:ack(?:nowledge)?\\s*)?(?:inc-?\\s*)?(\\d{1,18})$");

	private static final Pattern BARE = Pattern.compile("^ack(?:nowledge)?$");

	static final String HELP = "Reply with the incident number to acknowledge it (e.g. 42 or ACK 42), or ACK for your latest page.";

	private final ContactMethodStore methods;

	private final DeliveryStore deliveries;

	private final Incidents incidents;

	AcknowledgeReplies(ContactMethodStore methods, DeliveryStore deliveries, Incidents incidents) {
		this.methods = methods;
		this.deliveries = deliveries;
		this.incidents = incidents;
	}

	@Override
	public String reply(ContactType type, String from, String body) {
		var senders = from == null ? java.util.List.<ContactMethod>of() : methods.verifiedAt(type, from.strip());
		if (senders.isEmpty()) {
			return "This number is not a verified contact method in Firebreak; nothing was acknowledged.";
		}
		var accountId = senders.get(0).accountId();
		var text = body == null ? "" : body.strip().toLowerCase(Locale.ROOT);
		var numbered = NUMBERED.matcher(text);
		if (numbered.matches()) {
			long number;
			try {
				number = Long.parseLong(numbered.group(1));
			}
			catch (NumberFormatException e) {
				return HELP;
			}
			if (!deliveries.paged(accountId, number)) {
				return "No page to you for " + Incident.PREFIX + number + "; nothing was acknowledged.";
			}
			return acknowledge(number, accountId);
		}
		if (BARE.matcher(text).matches()) {
			for (var number : deliveries.incidentsPaged(accountId)) {
				var open = incidents.find(number).filter(i -> i.milestones().acknowledgedAt() == null
						&& i.status() != IncidentStatus.RESOLVED && i.status() != IncidentStatus.CLOSED);
				if (open.isPresent()) {
					return acknowledge(number, accountId);
				}
			}
			return "You have no unacknowledged page; nothing was acknowledged.";
		}
		return HELP;
	}

	private String acknowledge(long number, java.util.UUID accountId) {
		var id = Incident.PREFIX + number;
		if (incidents.find(number).isEmpty()) {
			return "There is no " + id + ".";
		}
		return incidents.acknowledge(number, accountId, "SMS") ? id + " acknowledged. Thank you."
				: id + " was acknowledged already (or is resolved); nothing changed.";
	}
}
