package dev.firebreak.incident;

import java.time.Instant;

/** A SEV2 left unmitigated past the policy's time is now run with the procedures of {@code procedures} (SEV1). */
public record IncidentProceduresRaised(long incidentNumber, Severity severity, Severity procedures, Instant at) {
}
