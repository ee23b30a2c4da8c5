package dev.firebreak.oncall.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * "Carol covers Dave from A to B". With a {@code replacedAccountId}, only that person's time in
 * the range is covered; without one, the covering person is on call for the whole range.
 */
record ScheduleOverride(UUID id, UUID scheduleId, UUID accountId, UUID replacedAccountId, Instant start, Instant end,
		UUID createdBy, Instant createdAt) {
}
