/**
 * Incident: the response itself — severity, status and milestones, roles, mitigations and the
 * append-only timeline that every responder shares, and the summary written when it is over.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incident")
package dev.firebreak.incident;
