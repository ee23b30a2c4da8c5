package dev.firebreak.oncall.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.firebreak.identity.Account;
import dev.firebreak.identity.Accounts;
import dev.firebreak.oncall.OnCall;
import dev.firebreak.oncall.Schedule;
import dev.firebreak.oncall.Shift;
import dev.firebreak.platform.PageProblems;
import dev.firebreak.platform.Problems;

/** Who is on call: the schedules read through {@link ScheduleResolver}. */
@Service
class OnCallService implements OnCall {

	/** The slice of time looked at to answer "who is on call at this instant". */
	private static final Duration INSTANT = Duration.ofMillis(1);

	private final ScheduleStore store;

	private final Accounts accounts;

	private final OnCallSettings settings;

	private final Clock clock;

	OnCallService(ScheduleStore store, Accounts accounts, OnCallSettings settings, Clock clock) {
		this.store = store;
		this.accounts = accounts;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public Optional<Schedule> schedule(UUID id) {
		return store.find(id);
	}

	@Override
	public List<Schedule> schedules() {
		return store.all();
	}

	@Override
	public List<UUID> onCallAt(UUID scheduleId, Instant at) {
		return store.find(scheduleId).map(schedule -> resolve(schedule, at, at.plus(INSTANT)).onCallAt(at))
			.orElse(List.of());
	}

	@Override
	public List<Shift> shifts(UUID scheduleId, Instant from, Instant to) {
		return store.find(scheduleId).map(schedule -> window(schedule, from, to).shifts()).orElse(List.of());
	}

	/**
	 * The final shifts overlapping {@code [from, to)} with their real start and end (followed up
	 * to {@link OnCallSettings#shiftContext()} beyond the range), and the gaps within the range.
	 */
	Window window(Schedule schedule, Instant from, Instant to) {
		var context = settings.shiftContext();
		var resolution = resolve(schedule, from.minus(context), to.plus(context));
		var shifts = resolution.shifts().stream()
			.filter(piece -> piece.end().isAfter(from) && piece.start().isBefore(to))
			.map(piece -> shift(schedule.id(), piece))
			.toList();
		var gaps = resolution.gaps().stream()
			.filter(gap -> gap.end().isAfter(from) && gap.start().isBefore(to))
			.map(gap -> new ScheduleResolver.Interval(ScheduleResolver.max(gap.start(), from),
					ScheduleResolver.min(gap.end(), to)))
			.toList();
		return new Window(shifts, gaps);
	}

	/** The final shifts with someone on call at {@code at}, whole (within the shift context). */
	List<Shift> current(Schedule schedule, Instant at) {
		return window(schedule, at, at.plus(INSTANT)).shifts();
	}

	/** The first final shift that starts after {@code at}, within the shift context. */
	Optional<Shift> next(Schedule schedule, Instant at) {
		return window(schedule, at, at.plus(settings.shiftContext())).shifts().stream()
			.filter(shift -> shift.start().isAfter(at)).findFirst();
	}

	/** Every final shift of this person in {@code [from, to)} on any schedule, by start. */
	List<Shift> shiftsOf(UUID accountId, Instant from, Instant to) {
		var all = new ArrayList<Shift>();
		for (var schedule : store.all()) {
			window(schedule, from, to).shifts().stream().filter(shift -> shift.accountId().equals(accountId))
				.forEach(all::add);
		}
		all.sort(Comparator.comparing(Shift::start));
		return all;
	}

	ScheduleResolver.Resolution resolve(Schedule schedule, Instant from, Instant to) {
		return ScheduleResolver.resolve(ZoneId.of(schedule.timeZone()), store.layers(schedule.id()),
				store.overrides(List.of(schedule.id()), from, to), from, to);
	}

	/** The lint findings of a schedule, looking ahead from the Monday of this week. */
	List<RotationLint.Finding> lint(Schedule schedule) {
		var zone = ZoneId.of(schedule.timeZone());
		var lint = settings.lint();
		var monday = LocalDate.ofInstant(clock.instant(), zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		var from = ScheduleResolver.instant(monday.atStartOfDay(), zone);
		var to = ScheduleResolver.instant(monday.plusWeeks(lint.weeks()).atStartOfDay(), zone);
		var layers = store.layers(schedule.id());
		var resolution = ScheduleResolver.resolve(zone, layers, store.overrides(List.of(schedule.id()), from, to), from, to);
		return RotationLint.lint(zone, layers, resolution.shifts(), monday, lint.weeks(), lint.weekShare(),
				lint.minParticipants(), this::name);
	}

	/** The schedule a page's address names; a page in words ("Schedule not found") when there is none. */
	Schedule forPage(String id) {
		var uuid = PageProblems.uuid(id);
		return (uuid == null ? Optional.<Schedule>empty() : schedule(uuid))
			.orElseThrow(() -> new PageProblems.NotFound("Schedule not found", "There is no schedule " + id + "."));
	}

	Schedule get(UUID id) {
		return store.find(id).orElseThrow(() -> Problems.notFound(
				"There is no schedule " + id + "; GET /api/v1/schedules lists them"));
	}

	/** A person's display name, or words saying the account is gone. */
	String name(UUID accountId) {
		return accounts.find(accountId).map(Account::displayName).orElse("a removed account");
	}

	private static Shift shift(UUID scheduleId, ScheduleResolver.Piece piece) {
		return new Shift(scheduleId, piece.accountId(), piece.start(), piece.end(), piece.layer());
	}

	/** Final shifts and gaps of a range. */
	record Window(List<Shift> shifts, List<ScheduleResolver.Interval> gaps) {
	}
}
