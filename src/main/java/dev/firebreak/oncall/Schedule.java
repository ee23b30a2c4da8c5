package dev.firebreak.oncall;

import java.time.Instant;
import java.util.UUID;

/**
 * Who is on call when, for one team or service: rotations in layers, in one time zone.
 *
 * @param timeZone an IANA zone ({@code Europe/Berlin}); hand-off times and restrictions are read in it
 * @param teamId the team it belongs to; null for none
 */
public record Schedule(UUID id, String name, String description, String timeZone, UUID teamId, Instant createdAt) {
}
