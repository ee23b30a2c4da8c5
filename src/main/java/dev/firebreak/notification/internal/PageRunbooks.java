package dev.firebreak.notification.internal;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.firebreak.alerting.Alerts;
import dev.firebreak.catalog.Runbook;
import dev.firebreak.catalog.Runbooks;
import dev.firebreak.incident.Incidents;
import dev.firebreak.notification.Subject;

/**
 * The runbook a page points to, chosen when the page is accepted: for an alert, the catalog's
 * runbook for its service and fields; for an incident, that of its first alert that has one, else
 * a general runbook of its affected services. A page without one is recorded as such (on-call
 * health counts them) — and never held up: a lookup that fails pages without a runbook.
 */
@Component
class PageRunbooks {

	/**
	 * How many of an incident's alerts, oldest first, are looked at: the first ones say what it is,
	 * and a storm of hundreds grouped into one incident must not slow every page about it.
	 */
	static final int ALERTS_LOOKED_AT = 20;

	private static final Logger log = LoggerFactory.getLogger(PageRunbooks.class);

	private final Runbooks runbooks;

	private final Alerts alerts;

	private final Incidents incidents;

	PageRunbooks(Runbooks runbooks, Alerts alerts, Incidents incidents) {
		this.runbooks = runbooks;
		this.alerts = alerts;
		this.incidents = incidents;
	}

	Optional<Runbook> of(Subject subject) {
		try {
			if (subject.alertId() != null) {
				return alerts.find(subject.alertId())
					.flatMap(alert -> runbooks.forAlert(alert.serviceId(), alerts.matchFields(alert.id())));
			}
			for (var alert : incidents.alerts(subject.incidentNumber()).stream().limit(ALERTS_LOOKED_AT).toList()) {
				var found = runbooks.forAlert(alert.serviceId(), alerts.matchFields(alert.id()));
				if (found.isPresent()) {
					return found;
				}
			}
			return incidents.find(subject.incidentNumber())
				.flatMap(incident -> runbooks.forServices(incident.affectedServiceIds()));
		}
		catch (RuntimeException e) {
			log.warn("Could not look up the runbook for a page about {}; paging without one", subject.key(), e);
			return Optional.empty();
		}
	}
}
