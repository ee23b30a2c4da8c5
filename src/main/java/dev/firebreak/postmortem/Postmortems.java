package dev.firebreak.postmortem;

import java.util.Optional;
import java.util.UUID;

/**
 * The post-mortem capability's public face, for other capabilities (action items, insights). These
 * calls do not check who may see a private incident: a capability that shows a post-mortem to a
 * person checks the incident's visibility first.
 */
public interface Postmortems {

	Optional<Postmortem> find(UUID id);

	/** The incident's post-mortem, if it has one. */
	Optional<Postmortem> ofIncident(long incidentNumber);
}
