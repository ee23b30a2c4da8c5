package dev.firebreak.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * Something users depend on that can break: an API, a product, a pipeline.
 *
 * @param tier how critical it is, from 1 (the business stops without it) to 3 (it can wait)
 */
public record Service(UUID id, String name, String description, UUID ownerTeamId, int tier, Instant createdAt) {

	public static final int MOST_CRITICAL_TIER = 1;

	public static final int LEAST_CRITICAL_TIER = 3;
}
