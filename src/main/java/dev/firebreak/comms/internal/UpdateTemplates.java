package dev.firebreak.comms.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import dev.firebreak.comms.Audience;
import dev.firebreak.comms.Phase;
import dev.firebreak.incident.Incident;

/**
 * Drafts per audience and phase, filled with the incident's scope and the time of the next update.
 * Public drafts never carry an internal name: where the incident's own words hold one, the draft
 * leaves a bracketed gap for the author to fill in public words.
 */
final class UpdateTemplates {

	static final String PUBLIC_IMPACT_GAP = "[What customers experience, in their words]";

	static final String PUBLIC_SCOPE_GAP = "[which product, region or customers]";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private UpdateTemplates() {
	}

	/**
	 * What a draft is made of.
	 *
	 * @param serviceNames the affected services' catalog names (internal: never in public drafts)
	 * @param publicComponents the public component names of the last public update
	 * @param internalNames every name a customer must not read
	 * @param nextUpdateIn the audience's cadence for what is posted now; null when none follows
	 */
	record Scope(Incident incident, List<String> serviceNames, List<String> publicComponents,
			Collection<String> internalNames, Instant now, Duration nextUpdateIn) {
	}

	static String write(Audience audience, Phase phase, Scope scope) {
		return switch (audience) {
			case PUBLIC -> publicDraft(phase, scope);
			case INTERNAL -> internalDraft(scope);
			case STAKEHOLDERS -> stakeholderDraft(scope);
		};
	}

	private static String publicDraft(Phase phase, Scope scope) {
		var impact = publicImpact(scope);
		var where = scope.publicComponents().isEmpty() ? PUBLIC_SCOPE_GAP : and(scope.publicComponents());
		var next = scope.nextUpdateIn() == null ? "" : " Next update by " + at(scope.now().plus(scope.nextUpdateIn()), scope.now()) + ".";
		return switch (phase) {
			case INVESTIGATING -> impact + ". We are investigating reports of this problem with " + where
					+ ". Updates to follow." + next;
			case IDENTIFIED -> impact + ". We have identified the issue with " + where
					+ " and are working on a fix." + next;
			case MONITORING -> impact + ": a fix is in place for " + where + " and we are monitoring the results." + next;
			case RESOLVED -> "Resolved: the problem with " + where + " was fixed at " + at(mitigatedOr(scope), scope.now())
					+ " and everything works normally again. We are sorry for the trouble this caused.";
		};
	}

	private static String internalDraft(Scope scope) {
		var incident = scope.incident();
		return incident.id() + " " + incident.title() + ": " + severity(incident) + ", " + incident.status() + ".\n"
				+ "Impact: " + orElse(incident.customerImpact(), "not stated yet") + ".\n"
				+ "Services: " + (scope.serviceNames().isEmpty() ? "none named" : String.join(", ", scope.serviceNames())) + ".\n"
				+ "Mitigation: " + mitigation(scope) + ".\n"
				+ "Now: [what we are doing, and what we try next].\n"
				+ next(scope, "internal update");
	}

	private static String stakeholderDraft(Scope scope) {
		var incident = scope.incident();
		return "Business impact of " + incident.id() + " " + incident.title() + " (" + severity(incident) + ")\n"
				+ "Who is affected: " + orElse(incident.customerImpact(), "[which customers, and how many]")
				+ (scope.serviceNames().isEmpty() ? "" : " (services: " + String.join(", ", scope.serviceNames()) + ")") + ".\n"
				+ "What it costs: [revenue, orders, commitments or deadlines at risk].\n"
				+ "What we are doing: [the response in a sentence or two]. Status: " + incident.status() + "; "
				+ mitigation(scope) + ".\n"
				+ next(scope, "update");
	}

	/** "14:30 UTC", or "00:15 UTC on 3 March 2026" when it falls on another day than {@code now}. */
	static String at(Instant instant, Instant now) {
		var day = DAY.format(instant);
		return TIME.format(instant) + (day.equals(DAY.format(now)) ? "" : " on " + day);
	}

	static String mitigation(Incident incident, Instant now) {
		var mitigatedAt = incident.milestones().mitigatedAt();
		return mitigatedAt == null ? "not mitigated yet" : "mitigated at " + at(mitigatedAt, now);
	}

	private static String mitigation(Scope scope) {
		return mitigation(scope.incident(), scope.now());
	}

	private static String next(Scope scope, String what) {
		if (!scope.incident().isActive()) {
			return "This is the final " + what + ": the incident is " + scope.incident().status() + ".";
		}
		return scope.nextUpdateIn() == null ? "Next " + what + ": when the situation changes, and at resolution."
				: "Next " + what + " by " + at(scope.now().plus(scope.nextUpdateIn()), scope.now()) + ".";
	}

	private static Instant mitigatedOr(Scope scope) {
		var mitigatedAt = scope.incident().milestones().mitigatedAt();
		return mitigatedAt == null ? scope.now() : mitigatedAt;
	}

	/** The customer impact, else the title, as long as it names nothing internal; else a gap to fill. */
	private static String publicImpact(Scope scope) {
		for (var words : new String[] { scope.incident().customerImpact(), scope.incident().title() }) {
			if (words != null && !words.isBlank() && !namesAny(words, scope.internalNames())) {
				var line = words.strip().lines().findFirst().orElse("").strip();
				return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
			}
		}
		return PUBLIC_IMPACT_GAP;
	}

	static boolean namesAny(String text, Collection<String> names) {
		var lower = text.toLowerCase(Locale.ROOT);
		return names.stream().anyMatch(name -> !name.isBlank() && lower.contains(name.toLowerCase(Locale.ROOT)));
	}

	private static String severity(Incident incident) {
		return incident.severity() == null ? "unclassified" : incident.severity().name();
	}

	private static String orElse(String text, String otherwise) {
		if (text == null || text.isBlank()) {
			return otherwise;
		}
		var stripped = text.strip();
		return stripped.endsWith(".") ? stripped.substring(0, stripped.length() - 1) : stripped;
	}

	private static String and(List<String> names) {
		return names.size() == 1 ? names.get(0)
				: String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
	}
}
