package dev.firebreak.escalation.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.firebreak.escalation.Escalation;
import dev.firebreak.escalation.EscalationPolicies;
import dev.firebreak.escalation.EscalationPolicy;

@Component
class EscalationService implements EscalationPolicies {

	private final PolicyStore policies;

	private final EscalationStore escalations;

	EscalationService(PolicyStore policies, EscalationStore escalations) {
		this.policies = policies;
		this.escalations = escalations;
	}

	@Override
	public Optional<EscalationPolicy> find(UUID id) {
		return policies.find(id);
	}

	@Override
	public Optional<EscalationPolicy> forService(UUID serviceId) {
		return policies.forService(serviceId);
	}

	@Override
	public List<Escalation> escalations(long incidentNumber) {
		return escalations.ofIncident(incidentNumber);
	}
}
