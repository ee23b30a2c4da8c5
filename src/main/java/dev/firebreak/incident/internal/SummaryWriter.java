package dev.firebreak.incident.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.firebreak.catalog.Catalog;
import dev.firebreak.identity.Account;
import dev.firebreak.identity.Accounts;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentRole;
import dev.firebreak.incident.Mitigation;
import dev.firebreak.incident.TimelineEntry;

/**
 * The incident summary in Markdown: what happened to users, for how long, what was done, and what
 * follows. Every section says "none recorded" rather than inventing content.
 */
final class SummaryWriter {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

	private static final String NONE = "None recorded.";

	private final Accounts accounts;

	private final Catalog catalog;

	SummaryWriter(Accounts accounts, Catalog catalog) {
		this.accounts = accounts;
		this.catalog = catalog;
	}

	/** @param resolution what the resolution said; null while active (or resolved before the gate existed) */
	String write(Incident incident, List<TimelineEntry> timeline, List<Mitigation> mitigations,
			IncidentStore.Resolution resolution) {
		var people = new HashSet<UUID>(incident.roles().values());
		if (resolution != null && resolution.postmortemOwner() != null) {
			people.add(resolution.postmortemOwner());
		}
		timeline.stream().map(TimelineEntry::authorId).filter(Objects::nonNull).forEach(people::add);
		var names = accounts.findAll(people);
		var m = incident.milestones();
		var md = new StringBuilder();
		md.append("# ").append(incident.id()).append(": ").append(line(incident.title())).append("\n\n");
		md.append("| | |\n|---|---|\n");
		row(md, "Date", DATE.format(m.detectedAt()) + " (UTC)");
		row(md, "Severity", incident.severity() == null ? "unclassified" : incident.severity().name());
		row(md, "Status", incident.status().toString());
		row(md, "Duration", duration(incident));
		row(md, "Affected services", services(incident));
		row(md, "Incident commander", person(incident.roles().get(IncidentRole.INCIDENT_COMMANDER), names));
		row(md, "Source", incident.source().toString().replace('_', ' ')
				+ (incident.customerReported() ? " (reported by customers)" : ""));
		row(md, "Last change before", catalog.lastChangeBefore(incident.affectedServiceIds(), m.detectedAt())
			.map(change -> change.summary() + " (" + TIME.format(change.happenedAt()) + " UTC)")
			.orElse("none recorded"));
		row(md, "Post-mortem", resolution == null ? "decided at resolution"
				: !resolution.postmortemRequired() ? "not required"
						: "required (" + resolution.postmortemReason() + "), owned by "
								+ person(resolution.postmortemOwner(), names) + " since " + DATE.format(resolution.resolvedAt()));
		md.append('\n');

		section(md, "Customer impact", incident.customerImpact());
		section(md, "Summary", incident.summary());

		md.append("## Key times (UTC)\n\n");
		key(md, "Detected", m.detectedAt(), null);
		key(md, "Declared", m.declaredAt(), null);
		key(md, "Acknowledged", m.acknowledgedAt(), m.timeToAcknowledge());
		key(md, "Mitigated", m.mitigatedAt(), m.timeToMitigate());
		key(md, "Resolved", m.resolvedAt(), m.timeToResolve());
		key(md, "Closed", m.closedAt(), null);
		md.append('\n');

		md.append("## Timeline (UTC)\n\n");
		if (timeline.isEmpty()) {
			md.append(NONE).append("\n");
		}
		for (var entry : timeline) {
			md.append("- ").append(TIME.format(entry.at())).append(" — ")
				.append(entry.authorId() == null ? "Firebreak" : person(entry.authorId(), names)).append(": ")
				.append(line(entry.text())).append('\n');
		}
		md.append('\n');

		md.append("## Mitigation\n\n");
		if (mitigations.isEmpty()) {
			md.append(NONE).append("\n");
		}
		for (var mitigation : mitigations) {
			md.append("- ").append(TIME.format(mitigation.recordedAt())).append(" — ")
				.append(mitigation.lever().title()).append(": ").append(line(mitigation.description()))
				.append(mitigation.mitigated() ? " (stopped user impact)" : "").append('\n');
		}
		md.append('\n');

		if (resolution != null) {
			md.append("## Resolution\n\n");
			md.append("- Root cause: ").append(resolution.rootCause() != null ? line(resolution.rootCause())
					: resolution.rootCauseDeferred() ? "deferred to the post-mortem" : "not stated").append('\n');
			md.append("- Temporary guardrails: ").append(resolution.guardrails() == null ? "not listed" : line(resolution.guardrails())).append('\n');
			md.append("- Follow-up: ").append(resolution.followUps() == null ? "not listed" : line(resolution.followUps())).append('\n');
			if (resolution.overrideReason() != null) {
				md.append("- Resolved over the quality gate: ").append(line(resolution.overrideReason())).append('\n');
			}
			md.append('\n');
		}
		md.append("## Action items\n\n").append(NONE).append("\n");
		return md.toString();
	}

	private String services(Incident incident) {
		if (incident.affectedServiceIds().isEmpty()) {
			return "none named";
		}
		var known = catalog.services(incident.affectedServiceIds());
		return incident.affectedServiceIds().stream()
			.map(id -> known.containsKey(id) ? known.get(id).name() : id + " (deleted)")
			.sorted()
			.collect(Collectors.joining(", "));
	}

	private static String duration(Incident incident) {
		var m = incident.milestones();
		if (m.resolvedAt() == null) {
			return "ongoing (detected " + TIME.format(m.detectedAt()) + " UTC)";
		}
		return human(m.timeToResolve()) + " (detected " + TIME.format(m.detectedAt()) + " UTC, resolved "
				+ TIME.format(m.resolvedAt()) + " UTC)";
	}

	static String human(Duration duration) {
		var minutes = duration.toMinutes();
		if (minutes < 1) {
			return duration.toSeconds() + " s";
		}
		if (minutes < 60) {
			return minutes + " min";
		}
		var hours = minutes / 60;
		return hours < 48 ? hours + " h " + (minutes % 60) + " min" : (hours / 24) + " d " + (hours % 24) + " h";
	}

	private static void key(StringBuilder md, String what, Instant at, Duration since) {
		md.append("- ").append(what).append(": ").append(at == null ? "—" : TIME.format(at));
		if (since != null) {
			md.append(" (").append(human(since)).append(" after detection)");
		}
		md.append('\n');
	}

	private static void section(StringBuilder md, String heading, String text) {
		md.append("## ").append(heading).append("\n\n")
			.append(text == null || text.isBlank() ? NONE : text.strip()).append("\n\n");
	}

	private static void row(StringBuilder md, String key, String value) {
		md.append("| ").append(key).append(" | ").append(line(value).replace("|", "\\|")).append(" |\n");
	}

	private static String person(UUID id, Map<UUID, Account> names) {
		if (id == null) {
			return "unassigned";
		}
		var account = names.get(id);
		return account == null ? id.toString() : account.displayName();
	}

	/** One line of Markdown: a person's line breaks would break a list item or a table row. */
	private static String line(String text) {
		return text.strip().replaceAll("\\s*\\R\\s*", " / ");
	}
}
