package dev.firebreak.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import dev.firebreak.ApiTest;

/** What the rest of Firebreak hears from an incident: one event per fact, each carrying ids and times. */
@RecordApplicationEvents
class IncidentEventsTests extends ApiTest {

	@Autowired
	ApplicationEvents events;

	@Autowired
	Incidents incidents;

	@Test
	void aResponseFromDeclarationToCloseTellsEveryStep() {
		var commander = person("responder");
		var relief = person("responder");
		var incident = incidents.declare(Declaration.of("Storage full", null), commander.id());
		var number = incident.number();

		assertThat(events.stream(IncidentDeclared.class)).singleElement().satisfies(declared -> {
			assertThat(declared.incidentNumber()).isEqualTo(number);
			assertThat(declared.severity()).isNull();
			assertThat(declared.declaredAt()).isEqualTo(clock.instant());
		});
		assertThat(events.stream(RoleAssigned.class)).singleElement()
			.isEqualTo(new RoleAssigned(number, IncidentRole.INCIDENT_COMMANDER, commander.id(), clock.instant()));

		clock.advance(Duration.ofMinutes(2));
		incidents.changeSeverity(number, Severity.SEV2, "checkout slow for some", commander.id());
		assertThat(events.stream(IncidentSeverityChanged.class)).singleElement()
			.isEqualTo(new IncidentSeverityChanged(number, null, Severity.SEV2, clock.instant()));

		incidents.changeStatus(number, IncidentStatus.INVESTIGATING, null, commander.id());
		assertThat(events.stream(IncidentAcknowledged.class)).singleElement()
			.isEqualTo(new IncidentAcknowledged(number, clock.instant()));

		incidents.assignRole(number, IncidentRole.INCIDENT_COMMANDER, relief.id(), commander.id());
		assertThat(events.stream(RoleHandedOver.class)).singleElement().isEqualTo(new RoleHandedOver(number,
				IncidentRole.INCIDENT_COMMANDER, commander.id(), relief.id(), clock.instant()));

		clock.advance(Duration.ofMinutes(5));
		incidents.recordMitigation(number, MitigationLever.SCALE_UP, "doubled the volume", true, relief.id());
		incidents.changeStatus(number, IncidentStatus.MONITORING, null, relief.id());
		// mitigated once: entering monitoring later does not say it again
		assertThat(events.stream(IncidentMitigated.class)).singleElement()
			.isEqualTo(new IncidentMitigated(number, clock.instant()));

		incidents.assignRole(number, IncidentRole.SCRIBE, commander.id(), relief.id());
		incidents.unassignRole(number, IncidentRole.SCRIBE, null, relief.id());
		assertThat(events.stream(RoleUnassigned.class)).singleElement()
			.isEqualTo(new RoleUnassigned(number, IncidentRole.SCRIBE, commander.id(), clock.instant()));

		api.resolve(Incident.PREFIX + number, relief.token()).expectStatus(200);
		incidents.changeStatus(number, IncidentStatus.CLOSED, null, relief.id());
		assertThat(events.stream(IncidentResolved.class)).hasSize(1);
		assertThat(events.stream(IncidentClosed.class)).hasSize(1);
		assertThat(events.stream(IncidentStatusChanged.class)).extracting(IncidentStatusChanged::to)
			.containsExactly(IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING, IncidentStatus.RESOLVED,
					IncidentStatus.CLOSED);
	}

	@Test
	void aRefusedChangeTellsNothing() {
		var actor = person("responder");
		var number = incidents.declare(Declaration.of("Nothing to say", Severity.SEV3), actor.id()).number();
		events.clear();
		try {
			incidents.changeStatus(number, IncidentStatus.CLOSED, null, actor.id());
		}
		catch (RuntimeException expected) {
			// refused: triage cannot close
		}
		assertThat(events.stream(IncidentEvents.class)).isEmpty();
	}
}
