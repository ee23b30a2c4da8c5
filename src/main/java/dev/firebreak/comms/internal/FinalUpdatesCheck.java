package dev.firebreak.comms.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.firebreak.comms.Audience;
import dev.firebreak.comms.Phase;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.ResolutionCheck;
import dev.firebreak.platform.FirebreakPolicy;

/** Resolution needs the final status updates: internally after mitigation, and publicly when the status page is required. */
@Component
class FinalUpdatesCheck implements ResolutionCheck {

	private final UpdateStore updates;

	private final FirebreakPolicy policy;

	FinalUpdatesCheck(UpdateStore updates, FirebreakPolicy policy) {
		this.updates = updates;
		this.policy = policy;
	}

	@Override
	public List<String> unmet(Incident incident) {
		var missing = new ArrayList<String>();
		var mitigatedAt = incident.milestones().mitigatedAt();
		if (!updates.postedSince(incident.number(), Audience.INTERNAL, null, mitigatedAt)) {
			missing.add(mitigatedAt == null ? "Post a final internal status update: none has been posted yet"
					: "Post a final internal status update: none has been posted since the incident was mitigated");
		}
		if (!incident.isPrivate() && CadencePlan.statusPageRequired(incident, policy)
				&& !updates.postedSince(incident.number(), Audience.PUBLIC, Phase.RESOLVED,
						updates.restartedAt(incident.number()).orElse(null))) {
			missing.add("Post a public status update in phase 'resolved': the status page is required for "
					+ incident.procedures() + " and still shows the incident as ongoing");
		}
		return missing;
	}
}
