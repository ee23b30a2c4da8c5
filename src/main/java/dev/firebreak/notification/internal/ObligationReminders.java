package dev.firebreak.notification.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.ObligationDue;
import dev.firebreak.incident.ObligationKind;
import dev.firebreak.incident.ObligationOverdue;
import dev.firebreak.notification.Notice;
import dev.firebreak.notification.Notifications;

/**
 * Reminds whoever owes an obligation when it comes due, and tells them (and the commander, when
 * the rule escalates it) when it was missed. A notice goes out once per obligation, due time and
 * person, however often the event is delivered. Private incidents are told like any other: the
 * people told hold their roles.
 */
@Component
class ObligationReminders {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

	private final Notifications notifications;

	private final Incidents incidents;

	private final String baseUrl;

	ObligationReminders(Notifications notifications, Incidents incidents, @Value("${firebreak.base-url}") String baseUrl) {
		this.notifications = notifications;
		this.incidents = incidents;
		this.baseUrl = WebhookHttp.withoutTrailingSlash(baseUrl);
	}

	@ApplicationModuleListener
	void on(ObligationDue due) {
		if (due.ownerId() == null) {
			return;
		}
		incidents.find(due.incidentNumber()).ifPresent(incident -> notifications.tell(due.ownerId(),
				new Notice(key(incident, due.key(), due.dueAt().toEpochMilli()) + ":due",
						drill(incident) + "[" + incident.id() + "] Due at " + TIME.format(due.dueAt()) + ": " + due.title(),
						due.title() + " — due at " + TIME.format(due.dueAt()) + " on " + incident.id() + " \"" + incident.title() + "\".",
						link(incident))));
	}

	@ApplicationModuleListener
	void on(ObligationOverdue missed) {
		if (missed.kind() == ObligationKind.ROLE) {
			// the escalation pages the commander (who owes the roles) and the next level: a notice would say it twice
			return;
		}
		var incident = incidents.find(missed.incidentNumber()).orElse(null);
		if (incident == null) {
			return;
		}
		var people = new LinkedHashSet<java.util.UUID>();
		if (missed.ownerId() != null) {
			people.add(missed.ownerId());
		}
		if (missed.commanderId() != null) {
			people.add(missed.commanderId());
		}
		for (var person : people) {
			var escalated = person.equals(missed.commanderId()) && !person.equals(missed.ownerId());
			notifications.tell(person, new Notice(key(incident, missed.key(), missed.dueAt().toEpochMilli()) + ":overdue",
					drill(incident) + "[" + incident.id() + "] Overdue: " + missed.title(),
					(escalated ? "Escalated to you as incident commander: " : "") + missed.title() + " was due at "
							+ TIME.format(missed.dueAt()) + " on " + incident.id() + " \"" + incident.title() + "\".",
					link(incident)));
		}
	}

	private static String key(Incident incident, String obligation, long dueAt) {
		return incident.id() + ":obligation:" + obligation + ":" + dueAt;
	}

	/** A fire drill's reminders say so first, as its pages do. */
	private static String drill(Incident incident) {
		return incident.drill() ? MessageWriter.DRILL : "";
	}

	private String link(Incident incident) {
		return baseUrl + "/incidents/" + incident.id();
	}
}
