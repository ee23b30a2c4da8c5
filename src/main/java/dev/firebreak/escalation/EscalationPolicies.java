package dev.firebreak.escalation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The escalation module's public face: policies, and how an incident's escalations stand. */
public interface EscalationPolicies {

	Optional<EscalationPolicy> find(UUID id);

	/** The policy attached to a service, if any. */
	Optional<EscalationPolicy> forService(UUID serviceId);

	/** Every escalation of an incident (one per policy of its services), oldest first. */
	List<Escalation> escalations(long incidentNumber);
}
