package dev.firebreak.incident.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.firebreak.incident.IncidentRole;
import dev.firebreak.incident.Obligation;

/** Rows the war-room parts of the incident page show: what is owed, the roles by the book, decisions. */
final class WarRoomPageModels {

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	/** Within this of now a time of day says enough; further away it needs its date. */
	private static final Duration SAME_DAY = Duration.ofHours(20);

	private WarRoomPageModels() {
	}

	/**
	 * One obligation as the page shows it.
	 *
	 * @param dueMillis the due instant, for the countdown script
	 * @param countdown the countdown as it reads when the page is made, so a page without
	 *        JavaScript says it too
	 */
	record ObligationRow(Obligation obligation, String owner, String ownerRole, String due, long dueMillis,
			String countdown) {

		static ObligationRow of(Obligation obligation, String owner, Instant now) {
			return new ObligationRow(obligation, owner, obligation.ownerRole().title(), time(obligation.dueAt(), now),
					obligation.dueAt().toEpochMilli(), WarRoomPageModels.countdown(obligation.dueAt(), now));
		}

		public String state() {
			return obligation.state().toString();
		}
	}

	/**
	 * A single-holder role by the book.
	 *
	 * @param required whether the procedures of the incident's severity require it
	 * @param unfilledDue when it must be filled by, while it is required and unfilled; null otherwise
	 */
	record RoleRow(IncidentRole role, String holder, boolean mine, boolean required, String unfilledDue,
			boolean overdue) {

		public boolean filled() {
			return !IncidentPageView.NOBODY.equals(holder);
		}
	}

	record DecisionRow(WarRooms.Decision decision, String decidedBy) {
	}

	/** The checkpoint answers as typed, kept when the form comes back with a problem. */
	record CheckpointForm(String known, String next, String escalate, String statusPage) {

		static final CheckpointForm EMPTY = new CheckpointForm("", "", "", "");
	}

	/** "due in 4:32", "overdue by 2:10": what the countdown script shows, worked out on the server. */
	static String countdown(Instant due, Instant now) {
		var left = Duration.between(now, due);
		return left.isNegative() ? "overdue by " + span(left.negated()) : "due in " + span(left);
	}

	/** {@code 4:32}, {@code 1:04:32}, {@code 3d 1:04:32}: the same shape as countdown.js writes. */
	static String span(Duration duration) {
		var seconds = duration.toSeconds();
		var days = seconds / 86_400;
		var hours = seconds % 86_400 / 3_600;
		var minutes = seconds % 3_600 / 60;
		var rest = seconds % 60;
		if (days > 0) {
			return "%dd %d:%02d:%02d".formatted(days, hours, minutes, rest);
		}
		return hours > 0 ? "%d:%02d:%02d".formatted(hours, minutes, rest) : "%d:%02d".formatted(minutes, rest);
	}

	/** The time of day when it is within a day of now, else the date too. */
	static String time(Instant at, Instant now) {
		return at == null ? "—" : Duration.between(now, at).abs().compareTo(SAME_DAY) < 0 ? CLOCK.format(at)
				: DAY.format(at);
	}

	/** {@code 10:04 UTC}: the time of day alone. */
	static String clock(Instant at) {
		return at == null ? "—" : CLOCK.format(at);
	}

	static boolean pressing(Obligation obligation) {
		return obligation.state() == Obligation.State.DUE_SOON || obligation.state() == Obligation.State.OVERDUE;
	}

}
