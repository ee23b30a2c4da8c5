package dev.firebreak.postmortem.internal;

import java.time.Clock;

import org.springframework.stereotype.Component;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;
import dev.firebreak.postmortem.Postmortem;
import dev.firebreak.postmortem.PostmortemStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The facts of a post-mortem: written from the live record until it is published, then the copy
 * stored at publication, so a published post-mortem never changes under its readers.
 */
@Component
class FactsBook {

	private final RecordWriter writer;

	private final PostmortemStore store;

	private final Incidents incidents;

	private final JsonMapper json;

	private final Clock clock;

	FactsBook(RecordWriter writer, PostmortemStore store, Incidents incidents, JsonMapper json, Clock clock) {
		this.writer = writer;
		this.store = store;
		this.incidents = incidents;
		this.json = json;
		this.clock = clock;
	}

	Facts of(Postmortem postmortem) {
		if (postmortem.status() == PostmortemStatus.PUBLISHED) {
			var frozen = store.frozenFacts(postmortem.id());
			if (frozen.isPresent()) {
				return json.readValue(frozen.get(), Facts.class);
			}
		}
		return writer.write(incidents.find(postmortem.incidentNumber()).orElseThrow());
	}

	/** The facts as they are now, as JSON to store with the publication. */
	String freeze(Incident incident) {
		return json.writeValueAsString(writer.write(incident).frozenAt(clock.instant()));
	}
}
