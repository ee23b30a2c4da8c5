package dev.firebreak.statuspage.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.firebreak.platform.PageProblems;
import dev.firebreak.platform.Problems;

/**
 * What the administration pages' forms send, as typed (so a form shown again keeps what the person
 * wrote), and how it becomes the requests {@link PageEditor} and {@link Maintenances} take. Form
 * fields are text: a wrong number or time is refused here with the field's name, before anything
 * changes.
 */
final class AdminForms {

	/** How the forms show a time: in the page's time zone, which the form names beside it. */
	static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private AdminForms() {
	}

	record SettingsForm(String name, String logoUrl, String logoAlt, String brandColour, String timeZone,
			String hostName) {

		static SettingsForm of(PageSettings s) {
			return new SettingsForm(s.name(), s.logoUrl(), s.logoAlt(), s.brandColour(), s.timeZone().getId(),
					s.hostName());
		}

		PageEditor.SettingsChange change() {
			return new PageEditor.SettingsChange(name, logoUrl, logoAlt, brandColour, timeZone, hostName);
		}
	}

	record GroupForm(String name, String description, String position) {

		static final GroupForm EMPTY = new GroupForm("", "", "");

		static GroupForm of(Group g) {
			return new GroupForm(g.name(), g.description(), String.valueOf(g.position()));
		}

		PageEditor.GroupChange change() {
			return new PageEditor.GroupChange(name, description, number("/position", position));
		}
	}

	record ComponentForm(String name, String description, String groupId, String position, List<String> serviceIds,
			Boolean onlyShowIfDegraded, Boolean showcase, String startDate) {

		static final ComponentForm EMPTY = new ComponentForm("", "", "", "", List.of(), false, true, "");

		static ComponentForm of(PageComponent c) {
			return new ComponentForm(c.name(), c.description(), c.groupId() == null ? "" : c.groupId().toString(),
					String.valueOf(c.position()), c.serviceIds().stream().map(UUID::toString).toList(),
					c.onlyShowIfDegraded(), c.showcase(), c.startDate().toString());
		}

		/** Whether the form has this service ticked. */
		public boolean maps(UUID service) {
			return serviceIds != null && serviceIds.contains(service.toString());
		}

		PageEditor.ComponentChange change() {
			var group = blank(groupId) ? null : id("/group_id", groupId, "group");
			LocalDate start = null;
			if (!blank(startDate)) {
				try {
					start = LocalDate.parse(startDate.strip());
				}
				catch (DateTimeParseException e) {
					throw Problems.invalid("/start_date", "'" + startDate + "' is not a date like 2026-03-02");
				}
			}
			return new PageEditor.ComponentChange(name, description, group, number("/position", position),
					ids("/service_ids", serviceIds, "service"), Boolean.TRUE.equals(onlyShowIfDegraded),
					Boolean.TRUE.equals(showcase), start);
		}
	}

	/** A person's word on a component's status; {@code follow} set means "follow incidents again". */
	record StatusForm(String status, String reason, String follow) {

		static final StatusForm EMPTY = new StatusForm("", "", null);

		/** The status to hold, or null to follow incidents and maintenance again. */
		String word() {
			if (follow != null && !follow.isBlank()) {
				return null;
			}
			if (blank(status)) {
				throw Problems.invalid("/status", "choose the status the component shows, or follow incidents again");
			}
			return status.strip();
		}
	}

	record PlanForm(String name, String scheduledFor, String scheduledUntil, List<String> componentIds, String body) {

		static final PlanForm EMPTY = new PlanForm("", "", "", List.of(), "");

		static PlanForm of(Maintenance m, ZoneId zone) {
			return new PlanForm(m.name(), LOCAL.format(m.scheduledFor().atZone(zone)),
					LOCAL.format(m.scheduledUntil().atZone(zone)),
					m.componentIds().stream().map(UUID::toString).toList(), "");
		}

		public boolean names(UUID component) {
			return componentIds != null && componentIds.contains(component.toString());
		}

		/** The plan, with times read in {@code zone} unless they carry their own offset; a blank body adds no update. */
		Maintenances.Plan plan(ZoneId zone) {
			return new Maintenances.Plan(name, instant("/scheduled_for", scheduledFor, zone, "when the work starts"),
					instant("/scheduled_until", scheduledUntil, zone, "when the work ends"),
					ids("/component_ids", componentIds, "component"), blank(body) ? null : body);
		}
	}

	record MoveForm(String status, String body) {

		static final MoveForm EMPTY = new MoveForm("", "");
	}

	record CommentForm(String body) {

		static final CommentForm EMPTY = new CommentForm("");
	}

	static Integer number(String pointer, String text) {
		if (blank(text)) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			throw Problems.invalid(pointer, "'" + text + "' is not a position: a whole number, 1 for the first");
		}
	}

	/**
	 * A time as a person types it: {@code 2026-12-01 22:00} in the page's time zone, or with its own
	 * offset ({@code 2026-12-01 22:00+01:00}, {@code 2026-12-01T21:00Z}).
	 */
	static Instant instant(String pointer, String text, ZoneId zone, String hint) {
		var field = pointer.substring(1);
		if (blank(text)) {
			throw Problems.invalid(pointer, field + " is required: " + hint);
		}
		var iso = text.strip().replaceFirst("\\s+", "T").replaceAll("\\s+", "");
		try {
			return OffsetDateTime.parse(iso).toInstant();
		}
		catch (DateTimeParseException e) {
			// no offset of its own: read in the page's zone
		}
		try {
			return LocalDateTime.parse(iso).atZone(zone).toInstant();
		}
		catch (DateTimeParseException e) {
			throw Problems.invalid(pointer, field + ": '" + text + "' is not a time like 2026-12-01 22:00 (read in "
					+ zone.getId() + ") or 2026-12-01 22:00+01:00");
		}
	}

	private static UUID id(String pointer, String text, String what) {
		var id = PageProblems.uuid(text.strip());
		if (id == null) {
			throw Problems.invalid(pointer, "'" + text + "' is not a " + what + " of the list; choose one of them");
		}
		return id;
	}

	private static List<UUID> ids(String pointer, List<String> texts, String what) {
		var ids = new ArrayList<UUID>();
		if (texts != null) {
			texts.stream().filter(t -> !blank(t)).forEach(t -> ids.add(id(pointer, t, what)));
		}
		return ids;
	}

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}
}
