package dev.firebreak.oncall.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.firebreak.identity.Accounts;
import dev.firebreak.oncall.Shift;

/**
 * The calendar feeds themselves, at their secret addresses: a schedule's final shifts, or one
 * person's shifts on every schedule, from {@code firebreak.oncall.calendar.past} ago to
 * {@code ahead} from now. No session: the token in the address is the credential.
 */
@Controller
class CalendarController {

	private final CalendarFeeds feeds;

	private final OnCallService onCall;

	private final Accounts accounts;

	private final OnCallSettings settings;

	private final Clock clock;

	CalendarController(CalendarFeeds feeds, OnCallService onCall, Accounts accounts, OnCallSettings settings,
			Clock clock) {
		this.feeds = feeds;
		this.onCall = onCall;
		this.accounts = accounts;
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping("/calendar/schedules/{token}.ics")
	ResponseEntity<byte[]> schedule(@PathVariable String token) {
		var feed = feeds.find(token).filter(f -> f.kind() == CalendarFeeds.Kind.SCHEDULE)
			.flatMap(f -> onCall.schedule(f.subjectId()));
		if (feed.isEmpty()) {
			return notFound();
		}
		var schedule = feed.get();
		var now = clock.instant();
		var shifts = onCall.window(schedule, now.minus(settings.calendar().past()), now.plus(settings.calendar().ahead()))
			.shifts();
		var names = new HashMap<UUID, String>();
		accounts.findAll(shifts.stream().map(Shift::accountId).distinct().toList())
			.forEach((id, account) -> names.put(id, account.displayName()));
		var events = new ArrayList<ICalendar.Event>();
		for (var shift : shifts) {
			var name = names.getOrDefault(shift.accountId(), "a removed account");
			events.add(new ICalendar.Event(uid(shift), shift.start(), shift.end(), "On call: " + name,
					name + " is on call on " + schedule.name() + " (" + shift.layer() + ")."));
		}
		return calendar(ICalendar.feed(schedule.name() + " on call", now, events));
	}

	@GetMapping("/calendar/people/{token}.ics")
	ResponseEntity<byte[]> person(@PathVariable String token) {
		var feed = feeds.find(token).filter(f -> f.kind() == CalendarFeeds.Kind.PERSON)
			.flatMap(f -> accounts.find(f.subjectId()));
		if (feed.isEmpty()) {
			return notFound();
		}
		var account = feed.get();
		var now = clock.instant();
		var schedules = new HashMap<UUID, String>();
		onCall.schedules().forEach(s -> schedules.put(s.id(), s.name()));
		List<Shift> shifts = onCall.shiftsOf(account.id(), now.minus(settings.calendar().past()),
				now.plus(settings.calendar().ahead()));
		var events = new ArrayList<ICalendar.Event>();
		for (var shift : shifts) {
			var schedule = schedules.getOrDefault(shift.scheduleId(), "a schedule");
			events.add(new ICalendar.Event(uid(shift), shift.start(), shift.end(), "On call: " + schedule,
					account.displayName() + " is on call on " + schedule + " (" + shift.layer() + ")."));
		}
		return calendar(ICalendar.feed(account.displayName() + " on call", now, events));
	}

	private static String uid(Shift shift) {
		return shift.scheduleId() + "-" + shift.accountId() + "-" + shift.start().getEpochSecond() + "@firebreak";
	}

	private static ResponseEntity<byte[]> calendar(String body) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, ICalendar.CONTENT_TYPE)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body.getBytes(StandardCharsets.UTF_8));
	}

	private static ResponseEntity<byte[]> notFound() {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.body("No calendar feed at this address. It may have been replaced: copy the new address from Firebreak."
				.getBytes(StandardCharsets.UTF_8));
	}
}
