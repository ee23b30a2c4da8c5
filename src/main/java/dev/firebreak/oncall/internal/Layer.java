package dev.firebreak.oncall.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One rotation of a schedule. Participants take turns in order, each for one shift; the first
 * shift starts at {@code start} (local time in the schedule's zone), and the time of day of
 * {@code start} is the hand-off time.
 *
 * @param position 1 is the bottom layer; a higher position wins where it has someone on call
 * @param participants account ids in turn order; a person may appear more than once
 * @param end when the rotation stops (local time), null for never
 * @param restrictions the windows in which it has someone on call; empty for always
 */
record Layer(UUID id, UUID scheduleId, int position, String name, List<UUID> participants, int shiftCount,
		ShiftUnit shiftUnit, LocalDateTime start, LocalDateTime end, List<Restriction> restrictions, Instant createdAt) {

	Layer {
		participants = List.copyOf(participants);
		restrictions = List.copyOf(restrictions);
	}

	Layer at(int newPosition) {
		return new Layer(id, scheduleId, newPosition, name, participants, shiftCount, shiftUnit, start, end, restrictions,
				createdAt);
	}
}
