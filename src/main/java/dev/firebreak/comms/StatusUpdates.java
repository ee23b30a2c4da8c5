package dev.firebreak.comms;

import java.util.List;
import java.util.UUID;

import dev.firebreak.platform.Page;

/**
 * The communication capability's public face: status updates to the three audiences. Posting
 * checks a public update against the writing rules, writes it on the incident's timeline, opens
 * the audience's next cadence obligation and publishes {@link StatusUpdatePosted}, all in one
 * transaction. A private incident never gets a public update.
 */
public interface StatusUpdates {

	/**
	 * Posts an update by {@code author}. A public one with writing findings is refused unless the
	 * post carries an override reason; then the findings and the reason are recorded with it.
	 */
	StatusUpdate post(long incidentNumber, Post post, UUID author);

	/** The writing findings a public text would get (none for the other audiences); changes nothing. */
	List<StatusUpdate.WritingFinding> check(long incidentNumber, Audience audience, Phase phase, String text);

	/** One update by its id. */
	java.util.Optional<StatusUpdate> update(UUID id);

	/** The incident's updates, newest first; {@code audience} null for all of them. */
	Page<StatusUpdate> of(long incidentNumber, Audience audience, Page.Request page);

	/** A draft for this audience (and phase, for the public) filled with the incident's scope and the next update time. */
	String template(long incidentNumber, Audience audience, Phase phase);
}
