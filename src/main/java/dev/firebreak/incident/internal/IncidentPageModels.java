package dev.firebreak.incident.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.firebreak.incident.Declaration;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.Mitigation;
import dev.firebreak.incident.Severity;
import dev.firebreak.incident.TimelineEntry;

/** What the incident pages show and read back: the declare form as typed, and rows for the templates. */
final class IncidentPageModels {

	private IncidentPageModels() {
	}

	/**
	 * The declare form as typed. Choices stay strings so a wrong value is answered on the form,
	 * not with a binding error page.
	 */
	record DeclareForm(String title, String severity, String source, String summary, String customerImpact,
			List<UUID> services, Boolean customerReported, Boolean dataLossSuspected, Boolean security,
			Boolean isPrivate) {

		static final DeclareForm EMPTY = new DeclareForm("", "", IncidentSource.INTERNAL.toString(), "", "", List.of(),
				false, false, false, false);

		DeclareForm {
			services = services == null ? List.of() : List.copyOf(services);
		}

		/** What is wrong with the form, in words for the person who filled it in; null when nothing is. */
		String problem() {
			if (title == null || title.isBlank()) {
				return "Give the incident a title: what users see, in a few words.";
			}
			if (title.strip().length() > IncidentRules.TITLE_MAX) {
				return "Keep the title to " + IncidentRules.TITLE_MAX + " characters (it has " + title.strip().length()
						+ "); put the rest in the summary.";
			}
			if (severity != null && !severity.isBlank() && parse(Severity.class, severity) == null) {
				return "Choose a severity from the list, or leave it unclassified.";
			}
			if (source != null && !source.isBlank() && parse(IncidentSource.class, source) == null) {
				return "Choose how we learned of it from the list.";
			}
			return null;
		}

		Declaration declaration() {
			return new Declaration(title.strip(), IncidentPages.blankToNull(summary), parse(Severity.class, severity),
					parse(IncidentSource.class, source), services, IncidentPages.blankToNull(customerImpact),
					Boolean.TRUE.equals(customerReported), Boolean.TRUE.equals(dataLossSuspected),
					Boolean.TRUE.equals(security), Boolean.TRUE.equals(isPrivate), null, null);
		}

		private static <E extends Enum<E>> E parse(Class<E> type, String value) {
			if (value == null || value.isBlank()) {
				return null;
			}
			for (var constant : type.getEnumConstants()) {
				if (constant.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
					return constant;
				}
			}
			return null;
		}
	}

	/** @param pressing its most pressing open obligation; null when it owes nothing (or is no longer active) */
	record IncidentRow(Incident incident, String commander, WarRoomPageModels.ObligationRow pressing) {

		public String severity() {
			return IncidentPages.severity(incident.severity());
		}
	}

	record MitigationRow(Mitigation mitigation, String recordedBy) {
	}

	record TimelineRow(TimelineEntry entry, String author, String kind) {

		static TimelineRow of(TimelineEntry entry, Map<UUID, String> names) {
			return new TimelineRow(entry, IncidentPageView.nameOf(names, entry.authorId(), "Firebreak"),
					entry.kind().toString().replace('_', ' '));
		}
	}

	/** Every time on the pages is shown in UTC and says so, because responders sit in many time zones. */
	static final class UtcTime {

		static final UtcTime INSTANCE = new UtcTime();

		private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
			.withZone(ZoneOffset.UTC);

		public String format(Instant at) {
			return at == null ? "—" : FORMAT.format(at);
		}
	}
}
