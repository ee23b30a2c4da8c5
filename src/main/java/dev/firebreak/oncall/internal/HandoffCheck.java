package dev.firebreak.oncall.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentFilter;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Incidents;
import dev.firebreak.notification.ChatChannel;
import dev.firebreak.notification.Notice;
import dev.firebreak.notification.Notifications;
import dev.firebreak.oncall.Schedule;
import dev.firebreak.oncall.Shift;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Text;

/**
 * The hand-off check, run every {@code firebreak.oncall.handoff.check-every} by one instance (a
 * recurring durable timer, {@link HandoffTasks}). On every schedule it tells each person whose
 * final shift starts within {@code notice-before} what they take over: the open incidents and the
 * outgoing person's hand-off note; and it posts each change of who is on call in the last two
 * intervals to the schedule's announce channel.
 *
 * <p>It sends by idempotency key, never by memory: a notice's key names the schedule, the person
 * and the shift's start, an announcement's the schedule and the instant of the change. So however
 * often the check runs, on whichever instance, each is sent once; and a check that ran late (an
 * instance restarting) still finds what the previous one would have sent.
 */
@Component
class HandoffCheck {

	private static final Logger log = LoggerFactory.getLogger(HandoffCheck.class);

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final Set<IncidentStatus> OPEN = Set.copyOf(IncidentStatus.active());

	private final OnCallService onCall;

	private final HandoffStore store;

	private final Notifications notifications;

	private final Incidents incidents;

	private final Accounts accounts;

	private final OnCallSettings settings;

	private final Clock clock;

	private final String baseUrl;

	HandoffCheck(OnCallService onCall, HandoffStore store, Notifications notifications, Incidents incidents,
			Accounts accounts, OnCallSettings settings, Clock clock, @Value("${firebreak.base-url}") String baseUrl) {
		this.onCall = onCall;
		this.store = store;
		this.notifications = notifications;
		this.incidents = incidents;
		this.accounts = accounts;
		this.settings = settings;
		this.clock = clock;
		this.baseUrl = Text.withoutTrailingSlash(baseUrl);
	}

	/** One check of every schedule at the clock's time; one schedule failing does not stop the others. */
	void run() {
		var now = clock.instant();
		var channels = store.channels();
		var live = channels.isEmpty() ? Set.<UUID>of()
				: notifications.channels().stream().map(ChatChannel::id).collect(Collectors.toSet());
		for (var schedule : onCall.schedules()) {
			try {
				check(schedule, now, channels, live);
			}
			catch (RuntimeException e) {
				log.warn("The hand-off check of schedule {} failed; the next check tries again", schedule.id(), e);
			}
		}
	}

	private void check(Schedule schedule, Instant now, Map<UUID, UUID> channels, Set<UUID> live) {
		var handoff = settings.handoff();
		var since = now.minus(handoff.lookback());
		var until = now.plus(handoff.noticeBefore());
		// a little past the notice horizon, so a shift starting exactly at it is included
		var shifts = onCall.window(schedule, since, until.plus(handoff.checkEvery())).shifts();
		for (var i = 0; i < shifts.size(); i++) {
			var shift = shifts.get(i);
			if (shift.start().isAfter(now) && !shift.start().isAfter(until)) {
				var previous = i > 0 && shifts.get(i - 1).end().equals(shift.start()) ? shifts.get(i - 1) : null;
				tell(schedule, shift, previous, now);
			}
		}
		var channel = channels.get(schedule.id());
		if (channel != null && live.contains(channel)) {
			announceChanges(schedule, shifts, channel, since, now);
		}
	}

	// ---- the person taking over ----

	private void tell(Schedule schedule, Shift shift, Shift outgoing, Instant now) {
		var account = accounts.find(shift.accountId());
		if (account.isEmpty()) {
			return;
		}
		var zone = ZoneId.of(schedule.timeZone());
		var text = new StringBuilder();
		text.append("You are on call on ").append(schedule.name()).append(".\n")
			.append("From:  ").append(when(shift.start(), zone)).append('\n')
			.append("Until: ").append(end(shift, zone, now)).append("\n\n");
		var open = openIncidents(new FirebreakUser(account.get(), ""));
		if (open.isEmpty()) {
			text.append("No open incidents.\n");
		}
		else {
			text.append("Open incidents:\n");
			open.forEach(incident -> text.append("- ").append(incident.id()).append(" [")
				.append(incident.severity() == null ? "unclassified" : incident.severity().name()).append("] ")
				.append(incident.title()).append('\n'));
		}
		text.append('\n');
		if (outgoing == null) {
			text.append("Nobody is on call just before you, so there is no hand-off note.\n");
		}
		else {
			var name = onCall.name(outgoing.accountId());
			var note = store.latestBy(schedule.id(), outgoing.accountId(), outgoing.start(), shift.start());
			if (note.isPresent()) {
				text.append("Hand-off note from ").append(name).append(" (").append(when(note.get().createdAt(), zone))
					.append("):\n").append(note.get().text()).append('\n');
			}
			else {
				text.append("No hand-off note from ").append(name).append(".\n");
			}
		}
		var key = "handoff:" + schedule.id() + ":" + shift.accountId() + ":" + shift.start().getEpochSecond();
		notifications.tell(shift.accountId(), new Notice(key, "You are on call on " + schedule.name() + " from "
				+ LOCAL.format(shift.start().atZone(zone)) + " " + zone.getId(), text.toString(), link(schedule)));
	}

	/**
	 * The open incidents, newest first, without private ones: a hand-off notice may be read on a
	 * shared screen or forwarded, and private incidents reach only the people on them. The
	 * incidents face lists what a viewer may see, so the person told is the viewer and private
	 * ones are then left out, reading on until enough are found.
	 */
	private List<Incident> openIncidents(FirebreakUser viewer) {
		var most = settings.handoff().openIncidents();
		var found = new ArrayList<Incident>();
		var filter = new IncidentFilter(OPEN, null, null, null);
		for (var page = 0;; page++) {
			var items = incidents.list(filter, new Page.Request(page, most), viewer).items();
			items.stream().filter(incident -> !incident.isPrivate()).limit(most - found.size()).forEach(found::add);
			if (found.size() >= most || items.size() < most) {
				return found;
			}
		}
	}

	// ---- the channel ----

	private void announceChanges(Schedule schedule, List<Shift> shifts, UUID channel, Instant since, Instant now) {
		var zone = ZoneId.of(schedule.timeZone());
		for (var i = 0; i < shifts.size(); i++) {
			var shift = shifts.get(i);
			if (shift.start().isAfter(since) && !shift.start().isAfter(now)) {
				var name = onCall.name(shift.accountId());
				announce(schedule, channel, shift.start(), name + " is on call on " + schedule.name(),
						name + " is on call on " + schedule.name() + " from " + when(shift.start(), zone) + " until "
								+ end(shift, zone, now) + ".");
			}
			var next = i + 1 < shifts.size() ? shifts.get(i + 1) : null;
			var gapFollows = next == null || !next.start().equals(shift.end());
			if (gapFollows && shift.end().isAfter(since) && !shift.end().isAfter(now)) {
				var resumes = onCall.next(schedule, shift.end()).map(after -> "until " + onCall.name(after.accountId())
						+ " takes over at " + when(after.start(), zone)).orElse("with no one coming up");
				announce(schedule, channel, shift.end(), "Nobody is on call on " + schedule.name() + " from "
						+ LOCAL.format(shift.end().atZone(zone)) + " " + zone.getId(),
						"Nobody is on call on " + schedule.name() + " from " + when(shift.end(), zone) + ", "
								+ resumes + ". " + onCall.name(shift.accountId()) + "'s shift ended.");
			}
		}
	}

	private void announce(Schedule schedule, UUID channel, Instant at, String title, String text) {
		notifications.announce(channel, new Notice("oncall-change:" + schedule.id() + ":" + at.getEpochSecond(), title,
				text, link(schedule)));
	}

	// ---- words ----

	private String link(Schedule schedule) {
		return baseUrl + "/schedules/" + schedule.id();
	}

	/** "Mon 2 Mar 2026 09:00 Europe/Berlin (2026-03-02 08:00 UTC)". */
	private static String when(Instant instant, ZoneId zone) {
		return LOCAL.format(instant.atZone(zone)) + " " + zone.getId() + " (" + UTC.format(instant) + ")";
	}

	/** A shift's end, or words saying none is in sight (a shift is followed only so far, the shift context). */
	private String end(Shift shift, ZoneId zone, Instant now) {
		var horizon = now.plus(settings.shiftContext());
		return shift.end().isBefore(horizon) ? when(shift.end(), zone)
				: "no hand-off within " + settings.shiftContext().toDays() + " days";
	}
}
