package dev.firebreak.insights.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;

/**
 * The incidents the reports count. Every report gets its incidents here, so which ones count is
 * decided in one place: {@link #counted(Collection)}.
 */
@Component
class CountedIncidents {

	private final Incidents incidents;

	CountedIncidents(Incidents incidents) {
		this.incidents = incidents;
	}

	/** The counted incidents detected in [from, to), oldest first. */
	List<Incident> detectedBetween(Instant from, Instant to) {
		return counted(incidents.detectedBetween(from, to));
	}

	/** The counted incidents among these numbers, by number (a page about one that does not count is left out too). */
	Map<Long, Incident> byNumber(Collection<Long> numbers) {
		var found = new LinkedHashMap<Long, Incident>();
		counted(incidents.findAll(numbers).values()).forEach(incident -> found.put(incident.number(), incident));
		return found;
	}

	/**
	 * THE choice of what counts: every incident, private ones too (reports show numbers, never an
	 * incident), except fire drills: practice must not move the response times or on-call health.
	 */
	static List<Incident> counted(Collection<Incident> incidents) {
		return incidents.stream().filter(incident -> !incident.drill()).toList();
	}
}
