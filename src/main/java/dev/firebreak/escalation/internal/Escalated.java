package dev.firebreak.escalation.internal;

import java.util.Locale;

import dev.firebreak.alerting.Alert;
import dev.firebreak.alerting.AlertStatus;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.notification.Subject;

/**
 * What an escalation pages about, as it stands now: an incident, or a high-urgency alert that
 * opened none. The engine runs both alike, level by level; they differ in where its moves are
 * written (an incident has a timeline, an alert has none) and in what stops them.
 */
sealed interface Escalated permits Escalated.OfIncident, Escalated.OfAlert {

	Subject subject();

	/** Someone took it on, or it is over: nothing more is paged. */
	boolean settled();

	boolean resolved();

	/** The title of a chat channel's notice: {@code [SEV1] INC-4 Checkout fails}. */
	String headline();

	/** What a chat channel's notice says after who is paged; empty when there is nothing more. */
	String summary();

	record OfIncident(Incident incident) implements Escalated {

		@Override
		public Subject subject() {
			return Subject.incident(incident.number());
		}

		@Override
		public boolean settled() {
			return incident.milestones().acknowledgedAt() != null || resolved();
		}

		@Override
		public boolean resolved() {
			return incident.status() == IncidentStatus.RESOLVED || incident.status() == IncidentStatus.CLOSED;
		}

		@Override
		public String headline() {
			return (incident.drill() ? "DRILL " : "") + "[" + label() + "] " + incident.id() + " " + incident.title();
		}

		@Override
		public String summary() {
			return incident.summary() == null ? "" : incident.summary();
		}

		String label() {
			return incident.severity() == null ? "unclassified" : incident.severity().name();
		}
	}

	record OfAlert(Alert alert) implements Escalated {

		@Override
		public Subject subject() {
			return Subject.alert(alert.id());
		}

		@Override
		public boolean settled() {
			return alert.status() != AlertStatus.TRIGGERED;
		}

		@Override
		public boolean resolved() {
			return alert.status() == AlertStatus.RESOLVED;
		}

		@Override
		public String headline() {
			return "[" + alert.severity().toString().toUpperCase(Locale.ROOT) + "] Alert: " + alert.summary();
		}

		@Override
		public String summary() {
			return alert.source() == null || alert.source().isBlank() ? "" : "Reported by " + alert.source() + ".";
		}
	}
}
