package dev.firebreak.incident;

/** Marker for the facts the incident module publishes to the rest of Firebreak. */
public sealed interface IncidentEvents permits IncidentDeclared, IncidentSeverityChanged, IncidentStatusChanged,
		IncidentAcknowledged, IncidentMitigated, IncidentResolved, IncidentClosed, RoleAssigned, RoleHandedOver, RoleUnassigned {

	long incidentNumber();
}
