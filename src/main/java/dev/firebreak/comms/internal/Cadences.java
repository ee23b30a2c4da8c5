package dev.firebreak.comms.internal;

import java.time.Instant;
import java.util.Objects;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.firebreak.comms.Audience;
import dev.firebreak.incident.IncidentRole;
import dev.firebreak.incident.ObligationKind;
import dev.firebreak.incident.Obligations;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.FirebreakPolicy;

/**
 * Keeps each audience's update obligation as {@link CadencePlan} says it should be. Idempotent:
 * it plans from what is stored, and leaves an obligation alone that already is as planned, so the
 * same event delivered twice (or two events at once) changes nothing more.
 */
@Component
class Cadences {

	private final Obligations obligations;

	private final Incidents incidents;

	private final UpdateStore updates;

	private final FirebreakPolicy policy;

	Cadences(Obligations obligations, Incidents incidents, UpdateStore updates, FirebreakPolicy policy) {
		this.obligations = obligations;
		this.incidents = incidents;
		this.updates = updates;
		this.policy = policy;
	}

	@Transactional
	void refresh(long number) {
		// the cadence lock before the incident's (taken by opening one): every path takes them in this order
		var restartedAt = updates.lockCadences(number).orElse(null);
		var incident = incidents.find(number).orElse(null);
		if (incident == null) {
			return;
		}
		var book = obligations;
		var lastPublic = updates.last(number, Audience.PUBLIC).orElse(null);
		var facts = new CadencePlan.Facts(postedAt(number, Audience.INTERNAL), postedAt(number, Audience.STAKEHOLDERS),
				lastPublic == null ? null : lastPublic.postedAt(), lastPublic == null ? null : lastPublic.phase(),
				restartedAt);
		var existing = book.of(number);
		for (var step : CadencePlan.plan(incident, policy, facts)) {
			var current = existing.stream().filter(o -> o.key().equals(step.key())).findFirst().orElse(null);
			if (step instanceof CadencePlan.Open open) {
				// as planned already (open, or met or waived at this very due time): leave it
				if (current == null || !Objects.equals(current.dueAt(), open.dueAt())
						|| !Objects.equals(current.title(), open.title())) {
					book.open(number, open.key(), ObligationKind.UPDATE, open.title(), open.dueAt(),
							IncidentRole.COMMUNICATIONS_LEAD, open.overdueTellsCommander());
				}
			}
			else if (current != null && current.state().isOpen()) {
				if (step instanceof CadencePlan.Meet meet) {
					book.meet(number, meet.key(), meet.outcome());
				}
				else {
					book.withdraw(number, step.key());
				}
			}
		}
	}

	/** Records a re-open after resolution: the cadences start again from it. */
	@Transactional
	void restarted(long number, Instant at) {
		updates.restarted(number, at);
	}

	private Instant postedAt(long number, Audience audience) {
		return updates.last(number, audience).map(u -> u.postedAt()).orElse(null);
	}
}
