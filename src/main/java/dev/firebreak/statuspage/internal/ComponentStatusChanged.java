package dev.firebreak.statuspage.internal;

import java.time.Instant;
import java.util.UUID;

import dev.firebreak.statuspage.ComponentStatus;

/** A component's shown status changed (subscribers of the component hear of it). */
record ComponentStatusChanged(UUID componentId, ComponentStatus from, ComponentStatus to, Instant at) {
}
