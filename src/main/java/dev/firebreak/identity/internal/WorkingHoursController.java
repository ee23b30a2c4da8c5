package dev.firebreak.identity.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.identity.AuditLog;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.identity.WorkingHours;
import dev.firebreak.platform.Problems;

/**
 * A person's own working hours, in their own time zone: pages outside them count as after hours
 * (the basis for comp time). Everyone sets their own; without them the policy's business hours apply.
 */
@RestController
@RequestMapping("/api/v1/accounts/me/working-hours")
class WorkingHoursController {

	private final WorkingHoursStore store;

	private final AuditLog audit;

	WorkingHoursController(WorkingHoursStore store, AuditLog audit) {
		this.store = store;
		this.audit = audit;
	}

	@GetMapping
	WorkingHoursView get(@AuthenticationPrincipal FirebreakUser user) {
		return WorkingHoursView.of(store.own(user.id()).orElseGet(store::defaults), user.account().timeZone());
	}

	@PutMapping
	@Transactional
	WorkingHoursView set(@AuthenticationPrincipal FirebreakUser user, @RequestBody WorkingHoursRequest request) {
		var hours = request.validated();
		store.save(user.id(), hours);
		audit.record("account.working_hours_set", "account", user.id().toString(),
				"working hours " + WorkingHoursView.of(hours, user.account().timeZone()).describe());
		return WorkingHoursView.of(hours, user.account().timeZone());
	}

	/** Back to the policy's business hours. */
	@DeleteMapping
	@Transactional
	ResponseEntity<WorkingHoursView> clear(@AuthenticationPrincipal FirebreakUser user) {
		if (store.clear(user.id())) {
			audit.record("account.working_hours_cleared", "account", user.id().toString(),
					"working hours back to the policy's business hours");
		}
		return ResponseEntity.ok(WorkingHoursView.of(store.defaults(), user.account().timeZone()));
	}

	record WorkingHoursRequest(String start, String end, List<String> days) {

		WorkingHours validated() {
			var from = time("/start", start);
			var to = time("/end", end);
			if (from.equals(to)) {
				throw Problems.invalid("/end", "end must differ from start; an end before the start runs overnight "
						+ "(22:00 to 06:00), 00:00 is midnight");
			}
			if (days == null || days.isEmpty()) {
				throw Problems.invalid("/days", "days must name at least one day, like [\"monday\", \"tuesday\"]");
			}
			var parsed = EnumSet.noneOf(DayOfWeek.class);
			for (int i = 0; i < days.size(); i++) {
				var day = days.get(i);
				try {
					parsed.add(DayOfWeek.valueOf(day == null ? "" : day.trim().toUpperCase(Locale.ROOT)));
				}
				catch (IllegalArgumentException e) {
					throw Problems.invalid("/days/" + i, "'" + day + "' is not a day; use monday .. sunday");
				}
			}
			return new WorkingHours(from, to, parsed, true);
		}

		private static LocalTime time(String pointer, String text) {
			if (text == null || !text.matches("\\d{2}:\\d{2}")) {
				throw Problems.invalid(pointer, pointer.substring(1) + " must be a time of day as HH:mm, like 09:00");
			}
			try {
				return LocalTime.parse(text);
			}
			catch (DateTimeParseException e) {
				throw Problems.invalid(pointer, "'" + text + "' is not a time of day; use HH:mm from 00:00 to 23:59");
			}
		}
	}

	/** @param own false: these are the policy's business hours, the person set none */
	record WorkingHoursView(String start, String end, List<String> days, String timeZone, boolean own) {

		static WorkingHoursView of(WorkingHours hours, String timeZone) {
			return new WorkingHoursView(hours.start().toString(), hours.end().toString(),
					hours.days().stream().sorted(Comparator.naturalOrder()).map(d -> d.name().toLowerCase(Locale.ROOT)).toList(),
					timeZone, hours.own());
		}

		String describe() {
			return start + "–" + end + " " + String.join(", ", days) + " (" + timeZone + ")";
		}
	}
}
