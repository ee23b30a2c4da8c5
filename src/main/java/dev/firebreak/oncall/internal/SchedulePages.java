package dev.firebreak.oncall.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.identity.Role;
import dev.firebreak.oncall.Schedule;
import dev.firebreak.platform.PageProblems;

/**
 * The on-call pages: who is on call now and next on every schedule, one schedule's week, and the
 * forms that change schedules, rotations and overrides through the same audited code as the API.
 * Everyone reads; responders and administrators change.
 */
@Controller
class SchedulePages {

	static final String ONCALL_VIEW = "oncall/oncall";

	static final String SCHEDULE_VIEW = "oncall/schedule";

	static final String SCHEDULE_FORM_VIEW = "oncall/schedule-form";

	static final String LAYER_FORM_VIEW = "oncall/layer-form";

	private final OnCallService onCall;

	private final ScheduleEditor editor;

	private final ScheduleStore store;

	private final CalendarFeeds feeds;

	private final Accounts accounts;

	private final HandoffPages handoffs;

	private final Clock clock;

	SchedulePages(OnCallService onCall, ScheduleEditor editor, ScheduleStore store, CalendarFeeds feeds,
			Accounts accounts, HandoffPages handoffs, Clock clock) {
		this.onCall = onCall;
		this.editor = editor;
		this.store = store;
		this.feeds = feeds;
		this.accounts = accounts;
		this.handoffs = handoffs;
		this.clock = clock;
	}

	@ModelAttribute
	void common(@AuthenticationPrincipal FirebreakUser user, Model model) {
		model.addAttribute("canEdit", user != null && user.role() != Role.VIEWER);
	}

	// ---- who is on call ----

	@GetMapping("/oncall")
	String onCall(@AuthenticationPrincipal FirebreakUser user, Model model) {
		showOnCall(user, ScheduleForms.ScheduleForm.EMPTY, model);
		return ONCALL_VIEW;
	}

	@PostMapping("/oncall/calendar-url/rotate")
	String rotateMyFeed(@AuthenticationPrincipal FirebreakUser user, RedirectAttributes redirect) {
		var first = feeds.existing(CalendarFeeds.Kind.PERSON, user.id()).isEmpty();
		feeds.rotate(CalendarFeeds.Kind.PERSON, user.id());
		redirect.addFlashAttribute("notice", first ? "Your calendar feed's address is below: subscribe to it in your calendar."
				: "Your calendar feed has a new address; the old one stopped working. Subscribe to the new one in your calendar.");
		return "redirect:/oncall";
	}

	@PostMapping("/schedules")
	@PreAuthorize("hasRole('RESPONDER')")
	String create(ScheduleForms.ScheduleForm form, @AuthenticationPrincipal FirebreakUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			var schedule = editor.create(form.input());
			redirect.addFlashAttribute("notice", "Created " + schedule.name() + ". Add a rotation to put people on call.");
			return "redirect:/schedules/" + schedule.id();
		}
		catch (ErrorResponseException e) {
			refused(model, response, e);
			showOnCall(user, form, model);
			return ONCALL_VIEW;
		}
	}

	private void showOnCall(FirebreakUser user, ScheduleForms.ScheduleForm form, Model model) {
		var now = clock.instant();
		var names = names();
		var rows = new ArrayList<OnCallRow>();
		for (var schedule : onCall.schedules()) {
			var zone = ZoneId.of(schedule.timeZone());
			var current = onCall.current(schedule, now).stream()
				.map(shift -> names.getOrDefault(shift.accountId(), "a removed account") + " until "
						+ ScheduleWeek.WHEN.format(shift.end().atZone(zone)))
				.toList();
			var next = onCall.next(schedule, now)
				.map(shift -> names.getOrDefault(shift.accountId(), "a removed account") + " from "
						+ ScheduleWeek.WHEN.format(shift.start().atZone(zone)))
				.orElse(null);
			rows.add(new OnCallRow(schedule, current, next));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("myFeed", feeds.existing(CalendarFeeds.Kind.PERSON, user.id()).map(CalendarFeeds.FeedUrl::url)
			.orElse(null));
		model.addAttribute("form", form);
	}

	/** A schedule on the overview: who is on call now (empty: nobody) and who is next. */
	record OnCallRow(Schedule schedule, List<String> now, String next) {
	}

	// ---- one schedule ----

	@GetMapping("/schedules/{id}")
	String schedule(@PathVariable String id, @RequestParam(required = false) String week, Model model) {
		var schedule = schedule(id);
		var zone = ZoneId.of(schedule.timeZone());
		var monday = ScheduleWeek.mondayOf(week == null || week.isBlank() ? LocalDate.ofInstant(clock.instant(), zone)
				: day(week));
		showSchedule(schedule, monday, ScheduleForms.OverrideForm.EMPTY, model);
		return SCHEDULE_VIEW;
	}

	private void showSchedule(Schedule schedule, LocalDate monday, ScheduleForms.OverrideForm form, Model model) {
		var zone = ZoneId.of(schedule.timeZone());
		var start = ScheduleResolver.instant(monday.atStartOfDay(), zone);
		var end = ScheduleResolver.instant(monday.plusWeeks(1).atStartOfDay(), zone);
		var layers = store.layers(schedule.id());
		var names = names();
		var overrides = store.overrides(schedule.id(), clock.instant().minus(7, ChronoUnit.DAYS),
				dev.firebreak.platform.Page.Request.of(0, dev.firebreak.platform.Page.MAX_SIZE)).items();
		model.addAttribute("schedule", schedule);
		model.addAttribute("team", schedule.teamId() == null ? null : schedule.teamId().toString());
		model.addAttribute("week", ScheduleWeek.of(schedule, monday, layers, onCall.resolve(schedule, start, end),
				onCall.window(schedule, start, end), store.overrides(List.of(schedule.id()), start, end), names));
		model.addAttribute("layers", layers.stream().map(layer -> new LayerRow(layer,
				String.join(", ", layer.participants().stream().map(p -> names.getOrDefault(p, "a removed account")).toList())))
			.toList());
		model.addAttribute("findings", onCall.lint(schedule));
		model.addAttribute("overrides", overrides.stream().map(o -> new OverrideRow(o,
				names.getOrDefault(o.accountId(), "a removed account"),
				o.replacedAccountId() == null ? "anyone on call" : names.getOrDefault(o.replacedAccountId(), "a removed account"),
				ScheduleWeek.WHEN.format(o.start().atZone(zone)) + " – " + ScheduleWeek.WHEN.format(o.end().atZone(zone))))
			.toList());
		model.addAttribute("people", accounts.all());
		model.addAttribute("overrideForm", form);
		model.addAttribute("feed", feeds.existing(CalendarFeeds.Kind.SCHEDULE, schedule.id())
			.map(CalendarFeeds.FeedUrl::url).orElse(null));
		model.addAttribute("handoff", handoffs.panel(schedule, names));
	}

	record LayerRow(Layer layer, String participants) {
	}

	record OverrideRow(ScheduleOverride override, String who, String covers, String when) {
	}

	@GetMapping("/schedules/{id}/edit")
	String edit(@PathVariable String id, Model model) {
		var schedule = schedule(id);
		model.addAttribute("schedule", schedule);
		model.addAttribute("form", ScheduleForms.ScheduleForm.of(schedule));
		return SCHEDULE_FORM_VIEW;
	}

	@PostMapping("/schedules/{id}")
	@PreAuthorize("hasRole('RESPONDER')")
	String update(@PathVariable String id, ScheduleForms.ScheduleForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var schedule = schedule(id);
		return attempt(() -> {
			editor.update(schedule.id(), form.input());
			redirect.addFlashAttribute("notice", "Saved the schedule.");
			return "redirect:/schedules/" + schedule.id();
		}, model, response, () -> {
			model.addAttribute("schedule", schedule);
			model.addAttribute("form", form);
			return SCHEDULE_FORM_VIEW;
		});
	}

	@PostMapping("/schedules/{id}/delete")
	@PreAuthorize("hasRole('RESPONDER')")
	String delete(@PathVariable String id, RedirectAttributes redirect) {
		var schedule = schedule(id);
		editor.delete(schedule.id());
		redirect.addFlashAttribute("notice", "Deleted the schedule " + schedule.name() + ".");
		return "redirect:/oncall";
	}

	@PostMapping("/schedules/{id}/calendar-url/rotate")
	@PreAuthorize("hasRole('RESPONDER')")
	String rotateFeed(@PathVariable String id, RedirectAttributes redirect) {
		var schedule = schedule(id);
		feeds.rotate(CalendarFeeds.Kind.SCHEDULE, schedule.id());
		redirect.addFlashAttribute("notice", "The calendar feed has a new address; the old one stopped working.");
		return "redirect:/schedules/" + schedule.id();
	}

	// ---- rotations (layers) ----

	@GetMapping("/schedules/{id}/layers/new")
	String newLayer(@PathVariable String id, Model model) {
		var schedule = schedule(id);
		var zone = ZoneId.of(schedule.timeZone());
		var monday = ScheduleWeek.mondayOf(LocalDate.ofInstant(clock.instant(), zone));
		showLayerForm(schedule, null, ScheduleForms.LayerForm.empty(LocalDateTime.of(monday, java.time.LocalTime.of(9, 0))),
				model);
		return LAYER_FORM_VIEW;
	}

	@PostMapping("/schedules/{id}/layers")
	@PreAuthorize("hasRole('RESPONDER')")
	String addLayer(@PathVariable String id, ScheduleForms.LayerForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var schedule = schedule(id);
		return attempt(() -> {
			var layer = editor.addLayer(schedule.id(), form.input());
			redirect.addFlashAttribute("notice", "Added the rotation " + layer.name() + ".");
			return "redirect:/schedules/" + schedule.id();
		}, model, response, () -> {
			showLayerForm(schedule, null, form.withSpares(), model);
			return LAYER_FORM_VIEW;
		});
	}

	@GetMapping("/schedules/{id}/layers/{layerId}/edit")
	String editLayer(@PathVariable String id, @PathVariable String layerId, Model model) {
		var schedule = schedule(id);
		var layer = layer(schedule, layerId);
		showLayerForm(schedule, layer, ScheduleForms.LayerForm.of(layer), model);
		return LAYER_FORM_VIEW;
	}

	@PostMapping("/schedules/{id}/layers/{layerId}")
	@PreAuthorize("hasRole('RESPONDER')")
	String updateLayer(@PathVariable String id, @PathVariable String layerId, ScheduleForms.LayerForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var schedule = schedule(id);
		var layer = layer(schedule, layerId);
		return attempt(() -> {
			editor.updateLayer(schedule.id(), layer.id(), form.input());
			redirect.addFlashAttribute("notice", "Saved the rotation " + form.name().strip() + ".");
			return "redirect:/schedules/" + schedule.id();
		}, model, response, () -> {
			showLayerForm(schedule, layer, form.withSpares(), model);
			return LAYER_FORM_VIEW;
		});
	}

	@PostMapping("/schedules/{id}/layers/{layerId}/delete")
	@PreAuthorize("hasRole('RESPONDER')")
	String deleteLayer(@PathVariable String id, @PathVariable String layerId, RedirectAttributes redirect) {
		var schedule = schedule(id);
		var layer = layer(schedule, layerId);
		editor.deleteLayer(schedule.id(), layer.id());
		redirect.addFlashAttribute("notice", "Removed the rotation " + layer.name() + ".");
		return "redirect:/schedules/" + schedule.id();
	}

	private void showLayerForm(Schedule schedule, Layer layer, ScheduleForms.LayerForm form, Model model) {
		model.addAttribute("schedule", schedule);
		model.addAttribute("layer", layer);
		model.addAttribute("form", form);
		model.addAttribute("people", accounts.all());
		model.addAttribute("units", ShiftUnit.values());
		model.addAttribute("days", List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"));
	}

	// ---- overrides ----

	@PostMapping("/schedules/{id}/overrides")
	@PreAuthorize("hasRole('RESPONDER')")
	String addOverride(@PathVariable String id, ScheduleForms.OverrideForm form,
			@AuthenticationPrincipal FirebreakUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var schedule = schedule(id);
		var zone = ZoneId.of(schedule.timeZone());
		return attempt(() -> {
			var override = editor.addOverride(schedule.id(), form.input(zone), user.id());
			redirect.addFlashAttribute("notice", "Added the override: " + onCall.name(override.accountId()) + " covers.");
			return "redirect:/schedules/" + schedule.id() + "?week="
					+ ScheduleWeek.mondayOf(LocalDate.ofInstant(override.start(), zone));
		}, model, response, () -> {
			showSchedule(schedule, ScheduleWeek.mondayOf(LocalDate.ofInstant(clock.instant(), zone)), form, model);
			return SCHEDULE_VIEW;
		});
	}

	@PostMapping("/schedules/{id}/overrides/{overrideId}/delete")
	@PreAuthorize("hasRole('RESPONDER')")
	String deleteOverride(@PathVariable String id, @PathVariable String overrideId, RedirectAttributes redirect) {
		var schedule = schedule(id);
		var override = PageProblems.uuid(overrideId);
		if (override == null || store.override(schedule.id(), override).isEmpty()) {
			throw new PageProblems.NotFound("Override not found", "This schedule has no override " + overrideId + ".");
		}
		editor.deleteOverride(schedule.id(), override);
		redirect.addFlashAttribute("notice", "Removed the override.");
		return "redirect:/schedules/" + schedule.id();
	}

	// ---- helpers ----

	/** Runs a change; a refusal shows the form again with its message and 422. */
	private static String attempt(Supplier<String> change, Model model, HttpServletResponse response,
			Supplier<String> again) {
		try {
			return change.get();
		}
		catch (ErrorResponseException e) {
			refused(model, response, e);
			return again.get();
		}
	}

	private static void refused(Model model, HttpServletResponse response, ErrorResponseException e) {
		model.addAttribute("formError", PageProblems.detail(e));
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
	}

	private Map<UUID, String> names() {
		var names = new HashMap<UUID, String>();
		accounts.all().forEach(account -> names.put(account.id(), account.displayName()));
		return names;
	}

	private Schedule schedule(String id) {
		return onCall.forPage(id);
	}

	private Layer layer(Schedule schedule, String layerId) {
		var uuid = PageProblems.uuid(layerId);
		return store.layers(schedule.id()).stream().filter(layer -> layer.id().equals(uuid)).findFirst()
			.orElseThrow(() -> new PageProblems.NotFound("Rotation not found",
					schedule.name() + " has no rotation " + layerId + "."));
	}

	private static LocalDate day(String text) {
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException e) {
			throw dev.firebreak.platform.Problems.invalid("/week", "'" + text + "' is not a date like 2026-03-02.");
		}
	}
}
