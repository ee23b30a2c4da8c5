package dev.firebreak.oncall;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The on-call module's public face: who is on call, on which schedule, when. */
public interface OnCall {

	Optional<Schedule> schedule(UUID id);

	/** Every schedule, by name. */
	List<Schedule> schedules();

	/**
	 * The people on call on this schedule at this instant, after layers, restrictions and
	 * overrides: usually one person; empty is a gap.
	 */
	List<UUID> onCallAt(UUID scheduleId, Instant at);

	/** The final shifts of a schedule that overlap {@code [from, to)}, by start. */
	List<Shift> shifts(UUID scheduleId, Instant from, Instant to);
}
