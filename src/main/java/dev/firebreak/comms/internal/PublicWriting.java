package dev.firebreak.comms.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.firebreak.catalog.Catalog;
import dev.firebreak.catalog.Service;
import dev.firebreak.comms.Phase;
import dev.firebreak.comms.StatusUpdate.WritingFinding;
import dev.firebreak.comms.writing.Draft;
import dev.firebreak.comms.writing.WritingRules;
import dev.firebreak.incident.Incident;

/**
 * The writing rules applied to a public text of an incident: the one place that calls the
 * checker, with the names customers must never read (every service and team in the catalog).
 */
@Component
class PublicWriting {

	private final Catalog catalog;

	PublicWriting(Catalog catalog) {
		this.catalog = catalog;
	}

	List<WritingFinding> check(Incident incident, Phase phase, String text) {
		return WritingRules.check(new Draft(text, phase == Phase.RESOLVED, incident.customerReported(), internalNames()))
			.stream()
			.map(f -> new WritingFinding(f.rule().name().toLowerCase(Locale.ROOT), f.words(), f.start(), f.end(),
					f.message(), f.suggestion()))
			.toList();
	}

	Set<String> internalNames() {
		var services = catalog.allServices();
		var names = new LinkedHashSet<String>();
		services.forEach(s -> names.add(s.name()));
		services.stream().map(Service::ownerTeamId).filter(Objects::nonNull).distinct()
			.forEach(team -> catalog.team(team).ifPresent(t -> names.add(t.name())));
		return names;
	}
}
