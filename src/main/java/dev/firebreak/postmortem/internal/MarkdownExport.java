package dev.firebreak.postmortem.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The post-mortem as one Markdown document: the facts of the record, then what the people wrote. */
final class MarkdownExport {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

	private MarkdownExport() {
	}

	static String write(PostmortemViews.View v) {
		var f = v.facts();
		var md = new StringBuilder();
		md.append("# Post-mortem: ").append(f.incidentId()).append(" ").append(oneLine(f.title())).append("\n\n");
		md.append("| | |\n|---|---|\n");
		row(md, "Status", v.status().toString());
		row(md, "Owner", v.ownerName() == null ? "nobody" : v.ownerName());
		row(md, "Why a post-mortem", v.reason());
		row(md, "Severity", f.severity() == null ? "unclassified" : f.severity());
		row(md, "Source", f.source());
		row(md, "Detected", time(f.detectedAt()));
		row(md, "Resolved", time(f.resolvedAt()));
		row(md, "Duration (detection to resolution)", duration(f.duration()));
		row(md, "Customer impact", f.customerImpact() == null ? "not stated" : f.customerImpact());
		if (v.publishedAt() != null) {
			row(md, "Published", time(v.publishedAt()));
		}
		md.append('\n');
		if (f.detectionGap() != null) {
			md.append("> **Detection gap.** ").append(oneLine(f.detectionGap())).append("\n\n");
		}
		md.append("## Milestones\n\n");
		f.milestones().forEach(m -> md.append("- ").append(m.name()).append(": ").append(time(m.at())).append('\n'));
		f.gaps().forEach(g -> md.append("- ").append(g.name()).append(": ").append(duration(g.length())).append('\n'));
		md.append('\n');
		var s = v.sections();
		section(md, "What happened", s.whatHappened());
		md.append("## Why (five whys)\n\n");
		if (s.why().isEmpty()) {
			md.append("_Not answered yet._\n\n");
		}
		else {
			for (var i = 0; i < s.why().size(); i++) {
				md.append(i + 1).append(". ").append(oneLine(s.why().get(i))).append('\n');
			}
			md.append('\n');
		}
		section(md, "Why was it not detected sooner?", s.notDetectedSooner());
		section(md, "What slowed the response?", s.slowedResponse());
		section(md, "What prevents it from happening again?", s.preventsRecurrence());
		section(md, "What went well", s.wentWell());
		section(md, "What went poorly", s.wentPoorly());
		if (v.review() != null) {
			md.append("## Review meeting\n\nHeld ").append(time(v.review().heldAt()));
			if (v.review().attendees() != null) {
				md.append(" with ").append(oneLine(v.review().attendees()));
			}
			md.append(".\n\n");
			if (v.review().notes() != null) {
				md.append(v.review().notes()).append("\n\n");
			}
		}
		if (f.resolution() != null) {
			var r = f.resolution();
			md.append("## Resolution\n\n");
			md.append("- Root cause: ").append(r.rootCause() != null ? oneLine(r.rootCause()) : r.rootCauseDeferred() ? "deferred to this post-mortem" : "not given").append('\n');
			md.append("- Containment: ").append(orNot(r.containment())).append('\n');
			md.append("- Temporary guardrails: ").append(orNot(r.guardrails())).append('\n');
			md.append("- Follow-ups: ").append(orNot(r.followUps())).append("\n\n");
		}
		md.append("## Action items\n\n");
		if (v.actionItems().isEmpty()) {
			md.append("None recorded.\n\n");
		}
		else {
			md.append("| Priority | Action | Owner | Due | Done when | Status |\n|---|---|---|---|---|---|\n");
			v.actionItems().forEach(i -> md.append("| ").append(i.priority()).append(" | ").append(cell(i.title())).append(" | ")
				.append(cell(i.ownerName())).append(" | ").append(i.dueOn()).append(" | ").append(cell(i.definitionOfDone()))
				.append(" | ").append(i.status()).append(i.overdue() ? ", overdue" : "").append(" |\n"));
			md.append('\n');
		}
		lines(md, "Mitigations", f.mitigations());
		lines(md, "Decisions", f.decisions());
		lines(md, "Status updates", f.statusUpdates());
		lines(md, "Pages", f.pages());
		lines(md, "Escalations", f.escalations());
		lines(md, "Timeline", f.timeline());
		if (!v.schedule().isEmpty()) {
			md.append("## Schedule\n\n");
			v.schedule().forEach(o -> md.append("- ").append(o.title()).append(": due ").append(time(o.dueAt())).append(" (")
				.append(o.state()).append(")\n"));
			md.append('\n');
		}
		return md.toString();
	}

	private static String cell(String text) {
		return text == null ? "" : oneLine(text).replace("|", "\\|");
	}

	private static void row(StringBuilder md, String name, String value) {
		md.append("| ").append(name).append(" | ").append(oneLine(value).replace("|", "\\|")).append(" |\n");
	}

	private static void section(StringBuilder md, String heading, String text) {
		md.append("## ").append(heading).append("\n\n").append(text == null ? "_Not answered yet._" : text).append("\n\n");
	}

	private static void lines(StringBuilder md, String heading, List<Facts.Line> lines) {
		md.append("## ").append(heading).append("\n\n");
		if (lines.isEmpty()) {
			md.append("_None._\n\n");
			return;
		}
		lines.forEach(l -> md.append("- ").append(time(l.at())).append(" · ").append(oneLine(l.who())).append(": ")
			.append(oneLine(l.text())).append('\n'));
		md.append('\n');
	}

	static String time(Instant at) {
		return at == null ? "—" : UTC.format(at);
	}

	/** "1 h 25 min", "3 min", "—" when skipped. */
	static String duration(Duration d) {
		if (d == null) {
			return "—";
		}
		var hours = d.toHours();
		var minutes = d.toMinutesPart();
		if (d.toDays() > 0) {
			return d.toDays() + " d " + d.toHoursPart() + " h " + minutes + " min";
		}
		return hours > 0 ? hours + " h " + minutes + " min" : d.toMinutes() + " min";
	}

	private static String orNot(String text) {
		return text == null || text.isBlank() ? "not listed" : oneLine(text);
	}

	private static String oneLine(String text) {
		return text == null ? "—" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
	}
}
