package dev.firebreak.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * People who own services together.
 *
 * @param timeZone where the team works; business-hours rules of its services use it
 * @param memberIds the accounts in the team
 */
public record Team(UUID id, String name, String description, String timeZone, List<UUID> memberIds, Instant createdAt) {
}
