package dev.firebreak.comms.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.firebreak.incident.IncidentClosed;
import dev.firebreak.incident.IncidentDeclared;
import dev.firebreak.incident.IncidentProceduresRaised;
import dev.firebreak.incident.IncidentResolved;
import dev.firebreak.incident.IncidentSeverityChanged;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.IncidentStatusChanged;

/** What changes an incident's cadences: its declaration, severity, procedures and status. */
@Component
class CadenceListeners {

	private final Cadences cadences;

	CadenceListeners(Cadences cadences) {
		this.cadences = cadences;
	}

	@ApplicationModuleListener
	void on(IncidentDeclared declared) {
		cadences.refresh(declared.incidentNumber());
	}

	@ApplicationModuleListener
	void on(IncidentSeverityChanged changed) {
		cadences.refresh(changed.incidentNumber());
	}

	@ApplicationModuleListener
	void on(IncidentProceduresRaised raised) {
		cadences.refresh(raised.incidentNumber());
	}

	@ApplicationModuleListener
	void on(IncidentStatusChanged changed) {
		if (changed.from() == IncidentStatus.RESOLVED && changed.to().isActive()) {
			cadences.restarted(changed.incidentNumber(), changed.at());
		}
		cadences.refresh(changed.incidentNumber());
	}

	@ApplicationModuleListener
	void on(IncidentResolved resolved) {
		cadences.refresh(resolved.incidentNumber());
	}

	@ApplicationModuleListener
	void on(IncidentClosed closed) {
		cadences.refresh(closed.incidentNumber());
	}
}
