package dev.firebreak.oncall.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.oncall.Schedule;
import dev.firebreak.oncall.Shift;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Problems;

/**
 * Schedules, their layers and overrides, and who is on call. Everyone reads them; responders and
 * administrators change them (responders run on-call), every change audited.
 */
@RestController
@RequestMapping("/api/v1")
class ScheduleController {

	private static final Duration DEFAULT_RANGE = Duration.ofDays(7);

	private final ScheduleEditor editor;

	private final ScheduleStore store;

	private final OnCallService onCall;

	private final CalendarFeeds feeds;

	private final OnCallSettings settings;

	private final Clock clock;

	ScheduleController(ScheduleEditor editor, ScheduleStore store, OnCallService onCall, CalendarFeeds feeds,
			OnCallSettings settings, Clock clock) {
		this.editor = editor;
		this.store = store;
		this.onCall = onCall;
		this.feeds = feeds;
		this.settings = settings;
		this.clock = clock;
	}

	// ---- schedules ----

	@GetMapping("/schedules")
	Page<Schedule> schedules(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return store.page(Page.Request.of(page, size));
	}

	@PostMapping("/schedules")
	@PreAuthorize("hasRole('RESPONDER')")
	ResponseEntity<ScheduleDetails> create(@RequestBody ScheduleEditor.ScheduleInput input) {
		var schedule = editor.create(input);
		return ResponseEntity.created(URI.create("/api/v1/schedules/" + schedule.id())).body(details(schedule));
	}

	@GetMapping("/schedules/{id}")
	ScheduleDetails schedule(@PathVariable UUID id) {
		return details(onCall.get(id));
	}

	@PutMapping("/schedules/{id}")
	@PreAuthorize("hasRole('RESPONDER')")
	ScheduleDetails update(@PathVariable UUID id, @RequestBody ScheduleEditor.ScheduleInput input) {
		return details(editor.update(id, input));
	}

	@DeleteMapping("/schedules/{id}")
	@PreAuthorize("hasRole('RESPONDER')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID id) {
		editor.delete(id);
	}

	// ---- layers ----

	@PostMapping("/schedules/{id}/layers")
	@PreAuthorize("hasRole('RESPONDER')")
	ResponseEntity<LayerView> addLayer(@PathVariable UUID id, @RequestBody LayerInput input) {
		var layer = editor.addLayer(id, input);
		return ResponseEntity.created(URI.create("/api/v1/schedules/" + id + "/layers/" + layer.id()))
			.body(LayerView.of(layer));
	}

	@PutMapping("/schedules/{id}/layers/{layerId}")
	@PreAuthorize("hasRole('RESPONDER')")
	LayerView updateLayer(@PathVariable UUID id, @PathVariable UUID layerId, @RequestBody LayerInput input) {
		return LayerView.of(editor.updateLayer(id, layerId, input));
	}

	@DeleteMapping("/schedules/{id}/layers/{layerId}")
	@PreAuthorize("hasRole('RESPONDER')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteLayer(@PathVariable UUID id, @PathVariable UUID layerId) {
		editor.deleteLayer(id, layerId);
	}

	// ---- overrides ----

	/** The overrides that end after {@code from} (default now), by start. */
	@GetMapping("/schedules/{id}/overrides")
	Page<ScheduleOverride> overrides(@PathVariable UUID id, @RequestParam(required = false) String from,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		onCall.get(id);
		return store.overrides(id, instant("/from", from, clock.instant()), Page.Request.of(page, size));
	}

	@PostMapping("/schedules/{id}/overrides")
	@PreAuthorize("hasRole('RESPONDER')")
	ResponseEntity<ScheduleOverride> addOverride(@PathVariable UUID id, @RequestBody ScheduleEditor.OverrideInput input,
			@AuthenticationPrincipal FirebreakUser user) {
		var override = editor.addOverride(id, input, user == null ? null : user.id());
		return ResponseEntity.created(URI.create("/api/v1/schedules/" + id + "/overrides/" + override.id()))
			.body(override);
	}

	@DeleteMapping("/schedules/{id}/overrides/{overrideId}")
	@PreAuthorize("hasRole('RESPONDER')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteOverride(@PathVariable UUID id, @PathVariable UUID overrideId) {
		editor.deleteOverride(id, overrideId);
	}

	// ---- who is on call ----

	/** The people on call at {@code at} (default now), each with their whole shift. */
	@GetMapping("/schedules/{id}/oncall")
	OnCallNow onCallAt(@PathVariable UUID id, @RequestParam(required = false) String at) {
		var instant = instant("/at", at, clock.instant());
		return new OnCallNow(instant, onCall.current(onCall.get(id), instant));
	}

	/** The final shifts overlapping {@code [from, to)} and the gaps in it. */
	@GetMapping("/schedules/{id}/shifts")
	ShiftsAnswer shifts(@PathVariable UUID id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		var start = instant("/from", from, clock.instant());
		var end = instant("/to", to, start.plus(DEFAULT_RANGE));
		if (!end.isAfter(start)) {
			throw Problems.invalid("/to", "to must be after from");
		}
		if (Duration.between(start, end).compareTo(settings.maxRange()) > 0) {
			throw Problems.invalid("/to", "A range of shifts may span at most " + settings.maxRange().toDays()
					+ " days; ask for the rest in another request");
		}
		var window = onCall.window(onCall.get(id), start, end);
		return new ShiftsAnswer(window.shifts(), window.gaps());
	}

	/** Everyone on call on every schedule at {@code at} (default now), and the schedules with nobody. */
	@GetMapping("/oncall")
	Everyone everyone(@RequestParam(required = false) String at) {
		var instant = instant("/at", at, clock.instant());
		var items = new ArrayList<Everyone.Entry>();
		var uncovered = new ArrayList<Everyone.Uncovered>();
		for (var schedule : onCall.schedules()) {
			var shifts = onCall.current(schedule, instant);
			shifts.forEach(shift -> items.add(new Everyone.Entry(schedule.id(), schedule.name(), shift.accountId(),
					shift.start(), shift.end(), shift.layer())));
			if (shifts.isEmpty()) {
				uncovered.add(new Everyone.Uncovered(schedule.id(), schedule.name()));
			}
		}
		return new Everyone(instant, items, uncovered);
	}

	@GetMapping("/schedules/{id}/lint")
	Page<RotationLint.Finding> lint(@PathVariable UUID id) {
		var findings = onCall.lint(onCall.get(id));
		return new Page<>(findings, findings.size());
	}

	// ---- calendar feeds ----

	@GetMapping("/schedules/{id}/calendar-url")
	CalendarFeeds.FeedUrl calendarUrl(@PathVariable UUID id) {
		return feeds.url(CalendarFeeds.Kind.SCHEDULE, onCall.get(id).id());
	}

	@PostMapping("/schedules/{id}/calendar-url/rotate")
	@PreAuthorize("hasRole('RESPONDER')")
	CalendarFeeds.FeedUrl rotateCalendarUrl(@PathVariable UUID id) {
		return feeds.rotate(CalendarFeeds.Kind.SCHEDULE, onCall.get(id).id());
	}

	/** The address of the signed-in person's own feed: their shifts on every schedule. */
	@GetMapping("/oncall/me/calendar-url")
	CalendarFeeds.FeedUrl myCalendarUrl(@AuthenticationPrincipal FirebreakUser user) {
		return feeds.url(CalendarFeeds.Kind.PERSON, user.id());
	}

	@PostMapping("/oncall/me/calendar-url/rotate")
	CalendarFeeds.FeedUrl rotateMyCalendarUrl(@AuthenticationPrincipal FirebreakUser user) {
		return feeds.rotate(CalendarFeeds.Kind.PERSON, user.id());
	}

	private ScheduleDetails details(Schedule schedule) {
		return new ScheduleDetails(schedule.id(), schedule.name(), schedule.description(), schedule.timeZone(),
				schedule.teamId(), schedule.createdAt(), store.layers(schedule.id()).stream().map(LayerView::of).toList());
	}

	private static Instant instant(String pointer, String text, Instant otherwise) {
		if (text == null || text.isBlank()) {
			return otherwise;
		}
		try {
			return Instant.parse(text.trim());
		}
		catch (DateTimeParseException e) {
			throw Problems.invalid(pointer, "'" + text + "' is not a UTC time; send it like 2026-03-02T09:00:00Z");
		}
	}

	/** A schedule with its layers, bottom first. */
	record ScheduleDetails(UUID id, String name, String description, String timeZone, UUID teamId, Instant createdAt,
			List<LayerView> layers) {
	}

	record OnCallNow(Instant at, List<Shift> items) {
	}

	record ShiftsAnswer(List<Shift> items, List<ScheduleResolver.Interval> gaps) {
	}

	record Everyone(Instant at, List<Entry> items, List<Uncovered> uncovered) {

		record Entry(UUID scheduleId, String scheduleName, UUID accountId, Instant start, Instant end, String layer) {
		}

		record Uncovered(UUID scheduleId, String scheduleName) {
		}
	}
}
