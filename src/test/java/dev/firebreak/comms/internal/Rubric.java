package dev.firebreak.comms.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Milestones;
import dev.firebreak.incident.Severity;
import dev.firebreak.platform.FirebreakPolicy;

/** The shipped policy (application.yml's defaults) and incidents to plan for, without Spring. */
final class Rubric {

	static final Instant DECLARED = Instant.parse("2026-03-02T10:00:00Z");

	private Rubric() {
	}

	static FirebreakPolicy policy() {
		try {
			var sources = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
			return new Binder(ConfigurationPropertySources.from(sources)).bind("firebreak.policy", FirebreakPolicy.class)
				.get();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Incident incident(Severity severity, IncidentStatus status, boolean isPrivate) {
		return incident(severity, status, isPrivate, null, "Card payments fail", "Customers cannot pay by card.");
	}

	static Incident incident(Severity severity, IncidentStatus status, boolean isPrivate, Instant mitigatedAt,
			String title, String customerImpact) {
		return new Incident(42, title, null, severity, status, IncidentSource.ALERT, List.of(), customerImpact, false,
				false, false, isPrivate, UUID.randomUUID(),
				new Milestones(DECLARED, DECLARED, null, mitigatedAt, null, null), Map.of(), List.of(), severity, null);
	}
}
