package dev.firebreak.incident.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.firebreak.alerting.AlertStatus;
import dev.firebreak.alerting.Alerts;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentRole;
import dev.firebreak.incident.ResolutionCheck;
import dev.firebreak.incident.Severity;
import dev.firebreak.incident.TimelineKind;
import dev.firebreak.platform.FirebreakPolicy;
import dev.firebreak.platform.Problems;

/**
 * The resolution criteria and quality gate of the book: an incident is resolved when user impact
 * is stopped and verified, its cause is known or knowingly deferred, systems and customers are
 * back, everybody has heard the last word, and the follow-up is owned. What a person must say
 * (the answers) is asked at resolution; what the record shows is read from it.
 */
@Component
class ResolutionGate {

	/** What the person resolving says. Booleans are null when not answered. */
	record Answers(String customerImpact, Boolean mitigationVerified, String rootCause, Boolean rootCauseDeferred,
			Boolean systemsNormal, Boolean customersCanResume, String containment, String guardrails,
			String followUps, Boolean postmortem) {

		static final Answers NONE = new Answers(null, null, null, null, null, null, null, null, null, null);
	}

	/** One criterion and whether it is met, with what to do when it is not. */
	record Item(String key, String label, boolean met, String detail) {
	}

	/** Whether a post-mortem is required by the rules, and why. */
	record PostmortemRule(boolean required, String reason) {
	}

	record Verdict(List<Item> items, PostmortemRule postmortem) {

		@JsonProperty("unmet")
		List<Item> unmet() {
			return items.stream().filter(item -> !item.met()).toList();
		}
	}

	/** Entries that tell what was seen, tried and decided; roles and status moves alone tell no story. */
	private static final java.util.Set<TimelineKind> WHAT_WAS_DONE = java.util.EnumSet.of(TimelineKind.NOTE,
			TimelineKind.CORRECTION, TimelineKind.MITIGATION, TimelineKind.DECISION, TimelineKind.CHECKPOINT,
			TimelineKind.ACTION, TimelineKind.STATUS_UPDATE);

	private final IncidentStore incidents;

	private final TimelineStore timeline;

	private final Alerts alerts;

	private final ObjectProvider<ResolutionCheck> checks;

	private final FirebreakPolicy policy;

	private final java.time.Clock clock;

	ResolutionGate(IncidentStore incidents, TimelineStore timeline, Alerts alerts, ObjectProvider<ResolutionCheck> checks,
			FirebreakPolicy policy, java.time.Clock clock) {
		this.incidents = incidents;
		this.timeline = timeline;
		this.alerts = alerts;
		this.checks = checks;
		this.policy = policy;
		this.clock = clock;
	}

	Verdict evaluate(Incident incident, Answers answers) {
		var items = new ArrayList<Item>();
		var impact = has(answers.customerImpact()) || has(incident.customerImpact());
		items.add(new Item("severity_and_impact", "Severity and customer impact are explicit",
				incident.severity() != null && impact, incident.severity() == null ? "classify the severity first"
						: impact ? null : "say what customers experienced (customer_impact), or \"none\""));
		var mitigated = incident.milestones().mitigatedAt() != null;
		items.add(new Item("mitigation_verified", "Mitigation is in place and verified",
				mitigated && Boolean.TRUE.equals(answers.mitigationVerified()),
				!mitigated ? "record a mitigation that stopped user impact, or move the incident to monitoring"
						: "confirm the mitigation was verified (mitigation_verified)"));
		items.add(new Item("root_cause", "Root cause is identified, or deferred to the post-mortem",
				has(answers.rootCause()) || Boolean.TRUE.equals(answers.rootCauseDeferred()),
				"state the root cause (root_cause) or defer it to the post-mortem (root_cause_deferred)"));
		var firing = alerts.findAll(incidents.alertsOf(incident.number())).values().stream()
			.filter(alert -> alert.status() != AlertStatus.RESOLVED).toList();
		items.add(new Item("systems_normal", "Affected systems are back to normal",
				firing.isEmpty() && Boolean.TRUE.equals(answers.systemsNormal()),
				!firing.isEmpty() ? firing.size() + " alert(s) of this incident still firing, e.g. \"" + firing.get(0).summary() + "\""
						: "confirm the affected systems are back to normal (systems_normal)"));
		items.add(new Item("customers_can_resume", "Customers can resume what they were doing",
				Boolean.TRUE.equals(answers.customersCanResume()), "confirm customers can resume (customers_can_resume)"));
		var mitigations = timeline.mitigations(incident.number());
		items.add(new Item("containment", "The containment decision is explicit (rollback, fail-closed, fallback, ...)",
				!mitigations.isEmpty() || has(answers.containment()),
				"record a mitigation with its lever, or say which containment was chosen (containment)"));
		var byPeople = timeline.timeline(incident.number()).stream()
			.filter(entry -> entry.authorId() != null && WHAT_WAS_DONE.contains(entry.kind())).count();
		items.add(new Item("timeline", "The timeline has entries written by responders", byPeople > 0,
				"add what was seen, tried and decided to the timeline"));
		var communicationOwner = incident.roles().get(IncidentRole.COMMUNICATIONS_LEAD) != null
				|| (!requires(incident, IncidentRole.COMMUNICATIONS_LEAD) && incident.roles().get(IncidentRole.INCIDENT_COMMANDER) != null);
		items.add(new Item("communication_owner", "Communication has an owner and a cadence", communicationOwner,
				"assign a communications lead" + (requires(incident, IncidentRole.COMMUNICATIONS_LEAD) ? ""
						: " or an incident commander (who holds every unfilled role)")));
		var rule = postmortemRule(incident);
		items.add(new Item("follow_up", "Follow-up actions have owners, or a post-mortem is scheduled",
				rule.required() || incident.drill() || Boolean.TRUE.equals(answers.postmortem()) || has(answers.followUps()),
				"list the follow-up actions with their owners (follow_ups), or schedule a post-mortem (postmortem: true)"));
		items.add(new Item("guardrails", "Temporary guardrails that must stay until a permanent fix are listed",
				has(answers.guardrails()), "list them (guardrails), or say \"none\""));
		checks.orderedStream().forEach(check -> check.unmet(incident)
			.forEach(missing -> items.add(new Item("communication_final_update", "Final status updates are posted", false, missing))));
		return new Verdict(List.copyOf(items), rule);
	}

	/** The 409 of an unmet gate: each unmet criterion with what to do. */
	static ErrorResponseException refusal(Incident incident, Verdict verdict) {
		var unmet = verdict.unmet();
		return Problems.conflict(incident.id() + " cannot be resolved yet: " + unmet.size() + " of " + verdict.items().size()
				+ " criteria are unmet. Resolve with POST /api/v1/incidents/" + incident.id()
				+ "/resolution and the answers; the incident commander may override with a reason (override_reason)",
				Map.of("unmet", unmet.stream().map(item -> Map.of("key", item.key(), "label", item.label(),
						"detail", item.detail() == null ? "" : item.detail())).toList()));
	}

	/**
	 * The rules for a post-mortem (never for a fire drill): every SEV1 (or SEV1 procedures), a SEV2 with customer impact, an
	 * incident open longer than the policy's time, and a SEV3 that recurs from the same cause —
	 * the same alert (service and dedup key) that an incident resolved within the policy's
	 * recurrence window also had.
	 */
	PostmortemRule postmortemRule(Incident incident) {
		if (incident.drill()) {
			// practice: its drill report (times to ack and mitigate, pages, obligations) takes the post-mortem's place
			return new PostmortemRule(false, null);
		}
		if (incident.procedures() == Severity.SEV1) {
			return new PostmortemRule(true, incident.severity() == Severity.SEV1 ? "every SEV1 has one" : "it ran with SEV1 procedures");
		}
		var customerImpact = incident.customerReported() || (has(incident.customerImpact())
				&& !incident.customerImpact().strip().equalsIgnoreCase("none"));
		if (incident.severity() == Severity.SEV2 && customerImpact) {
			return new PostmortemRule(true, "a SEV2 with customer impact");
		}
		var open = Duration.between(incident.milestones().detectedAt(), clock.instant());
		if (open.compareTo(policy.postmortem().requiredWhenOpenLongerThan()) > 0) {
			return new PostmortemRule(true, "it was open " + SummaryWriter.human(open) + ", longer than "
					+ SummaryWriter.human(policy.postmortem().requiredWhenOpenLongerThan()));
		}
		if (incident.severity() == Severity.SEV3) {
			var recurring = recurrence(incident);
			if (recurring != null) {
				return new PostmortemRule(true, "a SEV3 recurring from the same cause as " + recurring);
			}
		}
		return new PostmortemRule(false, null);
	}

	private String recurrence(Incident incident) {
		var keys = alerts.findAll(incidents.alertsOf(incident.number())).values().stream()
			.map(alert -> alert.serviceId() + "/" + alert.dedupKey()).toList();
		if (keys.isEmpty()) {
			return null;
		}
		var since = clock.instant().minus(policy.postmortem().recurrenceWithin());
		for (var earlier : incidents.resolvedSince(incident.affectedServiceIds(), since)) {
			if (earlier == incident.number()) {
				continue;
			}
			var same = alerts.findAll(incidents.alertsOf(earlier)).values().stream()
				.anyMatch(alert -> keys.contains(alert.serviceId() + "/" + alert.dedupKey()));
			if (same) {
				return Incident.PREFIX + earlier;
			}
		}
		return null;
	}

	private boolean requires(Incident incident, IncidentRole role) {
		return incident.procedures() != null
				&& policy.severity(incident.procedures().name()).requiredRoles().contains(role.toString());
	}

	private static boolean has(String text) {
		return text != null && !text.isBlank();
	}
}
