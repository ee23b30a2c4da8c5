package dev.firebreak.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.firebreak.ApiTest;
import dev.firebreak.incident.Declaration;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.Severity;
import dev.firebreak.incident.TimelineEntry;
import dev.firebreak.incident.TimelineKind;

/** "An incident that has no severity 10 minutes after it was declared becomes SEV2." */
class UnclassifiedIncidentsTests extends ApiTest {

	@Autowired
	Incidents incidents;

	@Autowired
	UnclassifiedIncidents sweep;

	@Test
	void tenMinutesWithoutSeverityMakeItSev2OnceAndOnTheRecord() {
		var responder = person("responder");
		var forgotten = incidents.declare(Declaration.of("Nobody classified me", null), responder.id());
		var classified = incidents.declare(Declaration.of("Classified later", null), responder.id());
		var over = incidents.declare(Declaration.of("Over before ten minutes", null), responder.id());
		var minor = incidents.declare(Declaration.of("Minor from the start", Severity.SEV3), responder.id());

		clock.advance(Duration.ofMinutes(4));
		incidents.changeSeverity(classified.number(), Severity.SEV4, "one internal dashboard", responder.id());
		incidents.changeStatus(over.number(), IncidentStatus.RESOLVED, "false alarm", responder.id());

		clock.advance(Duration.ofMinutes(5).plusSeconds(59));
		sweep.classifyOverdue();
		assertThat(severity(forgotten)).isNull();

		clock.advance(Duration.ofSeconds(1));
		assertThat(sweep.classifyOverdue()).isGreaterThanOrEqualTo(1);

		assertThat(severity(forgotten)).isEqualTo(Severity.SEV2);
		assertThat(severity(classified)).isEqualTo(Severity.SEV4);
		assertThat(severity(over)).isNull();
		assertThat(severity(minor)).isEqualTo(Severity.SEV3);
		var entry = last(forgotten);
		assertThat(entry.kind()).isEqualTo(TimelineKind.SEVERITY_CHANGED);
		assertThat(entry.authorId()).isNull();
		assertThat(entry.text()).contains("unclassified → SEV2").contains("10 min after declaration");

		var entries = incidents.timeline(forgotten.number()).size();
		sweep.classifyOverdue();
		assertThat(incidents.timeline(forgotten.number())).hasSize(entries);
	}

	private Severity severity(Incident incident) {
		return incidents.find(incident.number()).orElseThrow().severity();
	}

	private TimelineEntry last(Incident incident) {
		var timeline = incidents.timeline(incident.number());
		return timeline.get(timeline.size() - 1);
	}
}
