package dev.firebreak.postmortem.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.firebreak.incident.IncidentResolved;

/**
 * A resolution that required or asked for a post-mortem creates it. Idempotent: the event may come
 * twice, and a re-opened incident resolved again keeps its one post-mortem, and what it has done.
 */
@Component
class PostmortemCreation {

	private final PostmortemService postmortems;

	PostmortemCreation(PostmortemService postmortems) {
		this.postmortems = postmortems;
	}

	@ApplicationModuleListener
	void on(IncidentResolved resolved) {
		postmortems.createForResolution(resolved.incidentNumber());
	}
}
