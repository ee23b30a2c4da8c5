package dev.firebreak.oncall;

import java.time.Instant;
import java.util.UUID;

/**
 * A stretch of time one person is on call on a schedule.
 *
 * @param layer the name of the layer it comes from, or {@code override} when someone covers
 */
public record Shift(UUID scheduleId, UUID accountId, Instant start, Instant end, String layer) {
}
