package dev.firebreak.statuspage.internal;

import java.time.Instant;
import java.util.UUID;

import dev.firebreak.statuspage.ComponentStatus;

/**
 * A component's shown status changed. With {@code withPublicUpdate} the change came with a public
 * update, which tells subscribers; without (a person's word, a severity change) webhook subscribers
 * of the component are told of it on its own.
 */
record ComponentStatusChanged(UUID componentId, ComponentStatus from, ComponentStatus to, Instant at,
		boolean withPublicUpdate) {
}
