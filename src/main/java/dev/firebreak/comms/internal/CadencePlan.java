package dev.firebreak.comms.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.firebreak.comms.Audience;
import dev.firebreak.comms.Phase;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.platform.FirebreakPolicy;

/**
 * What each audience's cadence obligation should be now, from the incident, the policy and the
 * last update to each audience. Pure, so the rules read (and are tested) without a database.
 */
final class CadencePlan {

	static final String INTERNAL = "update:internal";

	static final String STAKEHOLDERS = "update:stakeholders";

	static final String PUBLIC = "update:public";

	private CadencePlan() {
	}

	/** What the planner found about an incident's updates. */
	record Facts(Instant lastInternal, Instant lastStakeholders, Instant lastPublic, Phase lastPublicPhase,
			Instant restartedAt) {
	}

	sealed interface Step permits Open, Withdraw, Meet {

		String key();
	}

	record Open(String key, String title, Instant dueAt, boolean overdueTellsCommander) implements Step {
	}

	record Withdraw(String key) implements Step {
	}

	record Meet(String key, String outcome) implements Step {
	}

	static String key(Audience audience) {
		return switch (audience) {
			case INTERNAL -> INTERNAL;
			case STAKEHOLDERS -> STAKEHOLDERS;
			case PUBLIC -> PUBLIC;
		};
	}

	static List<Step> plan(Incident incident, FirebreakPolicy policy, Facts facts) {
		var steps = new ArrayList<Step>();
		var status = incident.status();
		if (status == IncidentStatus.CLOSED) {
			return List.of(new Withdraw(INTERNAL), new Withdraw(STAKEHOLDERS), new Withdraw(PUBLIC));
		}
		var start = latest(incident.milestones().declaredAt(), facts.restartedAt());
		var cadence = policy.cadence();
		// a SEV4 waits in the normal queue: nobody is paged for it, nobody owes its team an update every 15 minutes
		var paged = incident.procedures() == null || policy.severity(incident.procedures().name()).page();
		if (status.isActive() && !paged) {
			steps.add(new Withdraw(INTERNAL));
			steps.add(new Withdraw(STAKEHOLDERS));
		}
		else if (status.isActive()) {
			steps.add(new Open(INTERNAL, "Post an internal update (every " + words(cadence.internal()) + ")",
					latest(start, facts.lastInternal()).plus(cadence.internal()), false));
			var stakeholders = stakeholderCadence(incident, policy);
			steps.add(stakeholders == null || incident.isPrivate() ? new Withdraw(STAKEHOLDERS)
					: new Open(STAKEHOLDERS, "Send the stakeholders an update (every " + words(stakeholders) + ")",
							latest(start, facts.lastStakeholders()).plus(stakeholders), false));
		}
		else {
			steps.add(new Withdraw(INTERNAL));
			steps.add(new Withdraw(STAKEHOLDERS));
		}
		// a re-opened incident needs a new 'resolved' update: the one before the re-open is history
		var resolvedSince = facts.lastPublicPhase() == Phase.RESOLVED && (facts.restartedAt() == null
				|| !facts.lastPublic().isBefore(facts.restartedAt()));
		if (incident.isPrivate() || !(statusPageRequired(incident, policy) || facts.lastPublic() != null)) {
			steps.add(new Withdraw(PUBLIC));
		}
		else if (resolvedSince) {
			steps.add(new Meet(PUBLIC, "The public update 'resolved' was posted"));
		}
		else if (status.isActive()) {
			var monitoring = status == IncidentStatus.MONITORING;
			var every = monitoring ? cadence.externalMonitoring() : cadence.externalInvestigating();
			steps.add(new Open(PUBLIC, "Post a public status update (every " + words(every) + " while "
					+ (monitoring ? "monitoring" : "investigating") + ")",
					latest(start, facts.lastPublic()).plus(every), true));
		}
		// resolved without the public 'resolved' update: the obligation stays open until it is posted
		return steps;
	}

	/** How often stakeholders hear under the incident's procedures; null when they get no cadence. */
	static Duration stakeholderCadence(Incident incident, FirebreakPolicy policy) {
		return incident.procedures() == null ? null
				: policy.severity(incident.procedures().name()).stakeholderCadence();
	}

	static boolean statusPageRequired(Incident incident, FirebreakPolicy policy) {
		// a fire drill never reaches the status page, whatever its severity
		return !incident.drill() && incident.procedures() != null && policy.severity(incident.procedures().name())
			.statusPage() == FirebreakPolicy.Requirement.REQUIRED;
	}

	/** The public cadence for an update in this phase; null after 'resolved'. */
	static Duration publicCadence(Phase phase, FirebreakPolicy policy) {
		return switch (phase) {
			case INVESTIGATING, IDENTIFIED -> policy.cadence().externalInvestigating();
			case MONITORING -> policy.cadence().externalMonitoring();
			case RESOLVED -> null;
		};
	}

	/** "15 min", "2 h": how a person says a cadence. */
	static String words(Duration duration) {
		var minutes = duration.toMinutes();
		return minutes >= 120 && minutes % 60 == 0 ? minutes / 60 + " h" : minutes + " min";
	}

	private static Instant latest(Instant a, Instant b) {
		return b == null || a.isAfter(b) ? a : b;
	}
}
