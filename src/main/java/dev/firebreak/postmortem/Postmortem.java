package dev.firebreak.postmortem;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The after-action review of one incident (one per incident, however often it is re-resolved).
 *
 * @param reason why it exists: the resolution's rule ("every SEV1 has one"), "asked for at resolution", or
 *        "started by hand"
 * @param review the review meeting once it was recorded; null before
 * @param publishedAt null until published
 */
public record Postmortem(UUID id, long incidentNumber, PostmortemStatus status, UUID ownerId, String reason,
		Sections sections, Review review, Instant createdAt, Instant updatedAt, Instant publishedAt) {

	/** {@code INC-42}. */
	public String incidentId() {
		return "INC-" + incidentNumber;
	}

	/**
	 * What the people write: the five questions, then what went well and poorly. Each is null (or, for
	 * {@code why}, empty) until written.
	 *
	 * @param why the five whys: each answer asks the next "why?", at most five
	 */
	public record Sections(String whatHappened, List<String> why, String notDetectedSooner, String slowedResponse,
			String preventsRecurrence, String wentWell, String wentPoorly) {

		public Sections {
			why = why == null ? List.of() : why.stream().filter(java.util.Objects::nonNull).toList();
		}

		public static Sections empty() {
			return new Sections(null, List.of(), null, null, null, null, null);
		}
	}

	/** The review meeting: when it was held, who came, what was said. */
	public record Review(Instant heldAt, String attendees, String notes, UUID recordedBy, Instant recordedAt) {
	}
}
