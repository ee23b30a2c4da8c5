package dev.firebreak.comms;

import java.time.Instant;
import java.util.UUID;

/** A status update was posted; published in the posting transaction. */
public record StatusUpdatePosted(long incidentNumber, UUID updateId, Audience audience, Phase phase,
		boolean isPrivateIncident, Instant at) {
}
