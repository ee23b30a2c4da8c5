package dev.firebreak.incident;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.firebreak.alerting.Alert;
import dev.firebreak.alerting.AlertSeverity;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.platform.Page;

/**
 * The incident module's public face. Every change is checked against the status machine, written
 * on the timeline, audited and published as an event in one transaction. {@code actor} is the
 * account acting, or null for the platform itself.
 */
public interface Incidents {

	Incident declare(Declaration declaration, UUID actor);

	/** An incident by number, whoever asks: for other modules, not for people. */
	Optional<Incident> find(long number);

	/** An incident as this person may see it: private ones only for admins and the people on them. */
	Optional<Incident> find(long number, FirebreakUser viewer);

	/**
	 * An incident by its id ({@code INC-42}, or {@code 42}) as this person may see it; otherwise a
	 * 404 problem, for a malformed id too — a private incident does not exist for those outside it.
	 */
	Incident visible(String id, FirebreakUser viewer);

	Page<Incident> list(IncidentFilter filter, Page.Request page, FirebreakUser viewer);

	Incident changeSeverity(long number, Severity severity, String reason, UUID actor);

	/** Moves the status; an illegal move is refused with the moves that are allowed. */
	Incident changeStatus(long number, IncidentStatus status, String note, UUID actor);

	/** Gives a role to a person; a role someone else held is handed over. */
	Incident assignRole(long number, IncidentRole role, UUID accountId, UUID actor);

	/** Takes a role from its holder (for experts: from the named one). */
	Incident unassignRole(long number, IncidentRole role, UUID accountId, UUID actor);

	/**
	 * The paged person takes the incident on: sets {@code acknowledged_at} and leaves triage, once.
	 * Acknowledging an incident already acknowledged changes nothing (a second tap on a link, an
	 * SMS reply after the e-mail). {@code via} says how ("the incident page", "SMS", "e-mail link").
	 *
	 * @return true when this call acknowledged it
	 */
	boolean acknowledge(long number, UUID actor, String via);

	/**
	 * Flags the incident "unacknowledged after escalation": a policy of its services paged every
	 * level, every repeat too, and nobody acknowledged. The flag shows on the incident until
	 * someone acknowledges it. Flagging it again, or flagging an acknowledged one, changes nothing.
	 *
	 * @return true when this call flagged it
	 */
	boolean flagUnacknowledgedAfterEscalation(long number, Instant at);

	/** Writes what the paging capabilities did (a page, an escalation) on the timeline, by the platform. */
	TimelineEntry recordPaging(long number, String text);

	/**
	 * Writes an entry on the timeline for another capability: a status update posted (the only kind
	 * another capability owns), by the platform when {@code actor} is null. Refused on a closed incident.
	 */
	TimelineEntry record(long number, TimelineKind kind, String text, UUID actor);

	Mitigation recordMitigation(long number, MitigationLever lever, String description, boolean mitigated, UUID actor);

	/** Adds a note, or with {@code corrects} a correction of an earlier entry. */
	TimelineEntry addNote(long number, String text, UUID corrects, UUID actor);

	List<TimelineEntry> timeline(long number);

	List<Mitigation> mitigations(long number);

	/** The alerts the incident gathered, oldest first. */
	List<Alert> alerts(long number);

	/**
	 * The severity of the incident an alert of this severity opens on this service, by its alert
	 * routing; empty when it opens none (the alert is recorded, with low urgency).
	 */
	Optional<Severity> severityOpenedBy(UUID serviceId, AlertSeverity alertSeverity);

	/** The incident summary in Markdown. */
	String summary(long number);

	/** What its last resolution through the gate said; empty when it was never resolved through the gate. */
	Optional<Resolution> resolution(long number);

	/**
	 * Every incident detected from {@code from} (inclusive) to {@code to} (exclusive), private ones
	 * too, oldest first: for reports of numbers, never for showing incidents to people.
	 */
	List<Incident> detectedBetween(Instant from, Instant to);

	/** The incidents among {@code numbers} that exist, by number, whoever asks: for other modules, not for people. */
	Map<Long, Incident> findAll(Collection<Long> numbers);

	/** Of these alerts, the ones an incident gathered (opened by it or joined), with the incident's number. */
	Map<UUID, Long> incidentsOfAlerts(Collection<UUID> alertIds);
}
