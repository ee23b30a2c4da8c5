package dev.firebreak.incident.internal;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.firebreak.alerting.Alert;
import dev.firebreak.alerting.Alerts;
import dev.firebreak.incident.DrillIncidents;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Severity;

/** Fire drills' incidents, opened and ended as {@link DrillIncidents} says. */
@Service
class DrillIncidentService implements DrillIncidents {

	private final IncidentService incidents;

	private final Resolutions resolutions;

	private final Alerts alerts;

	DrillIncidentService(IncidentService incidents, Resolutions resolutions, Alerts alerts) {
		this.incidents = incidents;
		this.resolutions = resolutions;
		this.alerts = alerts;
	}

	@Override
	@Transactional
	public Incident openDrill(UUID alertId, Severity severity) {
		if (severity == null) {
			throw new IllegalArgumentException("a drill runs at a severity");
		}
		var alert = alerts.find(alertId).filter(Alert::drill)
			.orElseThrow(() -> new IllegalArgumentException("No drill alert " + alertId));
		return incidents.openDrill(alert, severity);
	}

	@Override
	@Transactional
	public Incident endDrill(long number, UUID actor) {
		return resolutions.endDrill(number, actor);
	}
}
