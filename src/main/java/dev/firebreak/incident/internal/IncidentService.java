package dev.firebreak.incident.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.firebreak.alerting.Alert;
import dev.firebreak.alerting.AlertSeverity;
import dev.firebreak.alerting.AlertStatus;
import dev.firebreak.alerting.AlertTriggered;
import dev.firebreak.alerting.Alerts;
import dev.firebreak.catalog.Catalog;
import dev.firebreak.identity.Account;
import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.AuditLog;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.identity.Role;
import dev.firebreak.incident.Declaration;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentAcknowledged;
import dev.firebreak.incident.IncidentClosed;
import dev.firebreak.incident.IncidentDeclared;
import dev.firebreak.incident.IncidentFilter;
import dev.firebreak.incident.IncidentMitigated;
import dev.firebreak.incident.IncidentResolved;
import dev.firebreak.incident.IncidentRole;
import dev.firebreak.incident.IncidentSeverityChanged;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.IncidentStatusChanged;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.Milestones;
import dev.firebreak.incident.Mitigation;
import dev.firebreak.incident.MitigationLever;
import dev.firebreak.incident.RoleAssigned;
import dev.firebreak.incident.RoleHandedOver;
import dev.firebreak.incident.RoleUnassigned;
import dev.firebreak.incident.Severity;
import dev.firebreak.incident.TimelineEntry;
import dev.firebreak.incident.TimelineKind;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Problems;

/**
 * Runs the incident aggregate. Each change locks the incident row, checks the rules, writes the
 * change, its timeline entry, its audit row and its event in one transaction.
 */
@Component
class IncidentService implements Incidents {

	private final IncidentStore store;

	private final TimelineStore timeline;

	private final Accounts accounts;

	private final Catalog catalog;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SummaryWriter summaries;

	private final Alerts alerts;

	private final AlertRoutings routings;

	private final ResolutionGate gate;

	private final ObligationBook obligations;

	IncidentService(IncidentStore store, TimelineStore timeline, Accounts accounts, Catalog catalog, AuditLog audit,
			ApplicationEventPublisher events, Clock clock, Alerts alerts, AlertRoutings routings, ResolutionGate gate,
			ObligationBook obligations) {
		this.gate = gate;
		this.obligations = obligations;
		this.alerts = alerts;
		this.routings = routings;
		this.store = store;
		this.timeline = timeline;
		this.accounts = accounts;
		this.catalog = catalog;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.summaries = new SummaryWriter(accounts, catalog);
	}

	@Override
	@Transactional
	public Incident declare(Declaration declaration, UUID actor) {
		return declare(declaration, actor, false);
	}

	/** Declares an incident, or with {@code drill} a fire drill's incident. */
	@Transactional
	Incident declare(Declaration declaration, UUID actor, boolean drill) {
		var now = clock.instant();
		var title = IncidentRules.title(declaration.title());
		var summary = IncidentRules.optional("/summary", declaration.summary(), IncidentRules.SUMMARY_MAX);
		var impact = IncidentRules.optional("/customer_impact", declaration.customerImpact(), IncidentRules.SUMMARY_MAX);
		var serviceIds = declaration.affectedServiceIds().stream().distinct().toList();
		if (serviceIds.size() > IncidentRules.SERVICES_MAX) {
			throw Problems.invalid("/affected_service_ids", "name at most " + IncidentRules.SERVICES_MAX
					+ " affected services; an incident that touches everything is better described in its summary");
		}
		var detectedAt = declaration.detectedAt() == null ? now : declaration.detectedAt();
		if (detectedAt.isAfter(now)) {
			throw Problems.invalid("/detected_at", "detected_at " + detectedAt + " is in the future; it is now " + now);
		}
		var known = catalog.services(serviceIds);
		var missing = serviceIds.stream().filter(id -> !known.containsKey(id)).toList();
		if (!missing.isEmpty()) {
			throw Problems.invalid("/affected_service_ids", "No service " + missing.get(0) + "; GET /api/v1/services lists them");
		}
		var commander = declaration.commanderId() != null ? declaration.commanderId() : actor;
		if (declaration.commanderId() != null) {
			account("/incident_commander_id", declaration.commanderId());
		}
		// suspected data loss is SEV1 at once, whatever the first guess was
		var severity = declaration.dataLossSuspected() ? Severity.SEV1 : declaration.severity();

		var incident = new Incident(store.nextNumber(), title, summary, severity, IncidentStatus.TRIAGE,
				declaration.source(), serviceIds, impact,
				declaration.customerReported(), declaration.dataLossSuspected(), declaration.security(),
				declaration.isPrivate(), actor, new Milestones(detectedAt, now, null, null, null, null), Map.of(),
				List.of(), severity, null, drill);
		store.insert(incident);
		var text = new StringBuilder("Declared ").append(incident.id()).append(" \"").append(title).append("\" as ")
			.append(severity == null ? "unclassified" : severity).append(" (source: ")
			.append(declaration.source().toString().replace('_', ' ')).append(")");
		if (drill) {
			text.append("; a FIRE DRILL: practice of the real response, never shown on the status page");
		}
		if (declaration.dataLossSuspected() && declaration.severity() != Severity.SEV1) {
			text.append("; SEV1 because data loss is suspected");
		}
		note(incident.number(), now, actor, TimelineKind.DECLARED, text.toString(), null);
		audit.record("incident.declared", "incident", incident.id(), title);
		events.publishEvent(new IncidentDeclared(incident.number(), severity, declaration.source(), serviceIds, declaration.dataLossSuspected(), declaration.isPrivate(), now));
		if (declaration.source() == IncidentSource.CUSTOMER_REPORT) {
			// the post-mortem asks why customers knew before our detection did
			note(incident.number(), now, null, TimelineKind.POLICY, "Detection gap: customers reported this before any "
					+ "alert did; paging starts one level up, and the post-mortem asks why it was not detected sooner", null);
		}
		if (commander != null) {
			assign(incident.number(), IncidentRole.INCIDENT_COMMANDER, commander, actor, now);
		}
		return get(incident.number());
	}

	@Override
	public Optional<Incident> find(long number) {
		return store.find(number);
	}

	@Override
	public Optional<Incident> find(long number, FirebreakUser viewer) {
		return store.find(number).filter(incident -> visible(incident, viewer));
	}

	@Override
	public Incident visible(String id, FirebreakUser viewer) {
		var number = Incident.parseNumber(id);
		if (number < 0) {
			throw Problems.notFound("'" + id + "' is not an incident id; incidents are addressed as INC-42");
		}
		return find(number, viewer).orElseThrow(() -> Problems.notFound("No incident " + Incident.PREFIX + number
				+ "; GET /api/v1/incidents lists them"));
	}

	@Override
	public Page<Incident> list(IncidentFilter filter, Page.Request page, FirebreakUser viewer) {
		return store.list(filter, page, viewer.id(), viewer.isAdmin());
	}

	@Override
	@Transactional
	public Incident changeSeverity(long number, Severity severity, String reason, UUID actor) {
		if (severity == null) {
			throw Problems.invalid("/severity", "severity must be one of SEV1, SEV2, SEV3, SEV4");
		}
		var why = IncidentRules.required("/reason", reason, IncidentRules.REASON_MAX,
				"say why the severity changes: what users experience now");
		IncidentRules.notClosed(number, lock(number));
		var incident = get(number);
		if (incident.severity() == severity) {
			return incident;
		}
		applySeverity(incident, severity, why, actor);
		return get(number);
	}

	/**
	 * Gives an incident that is still active and unclassified a severity, as the platform; false
	 * when a person classified it first (or it ended), so a sweep on several instances is harmless.
	 */
	@Transactional
	boolean classifyIfUnclassified(long number, Severity severity, String reason) {
		if (!lock(number).isActive()) {
			return false;
		}
		var incident = get(number);
		if (incident.severity() != null) {
			return false;
		}
		applySeverity(incident, severity, reason, null);
		return true;
	}

	private void applySeverity(Incident incident, Severity severity, String why, UUID actor) {
		var now = clock.instant();
		var number = incident.number();
		store.updateSeverity(number, severity, now);
		var from = incident.severity() == null ? "unclassified" : incident.severity().name();
		note(number, now, actor, TimelineKind.SEVERITY_CHANGED, "Severity " + from + " → " + severity + ": " + why, null);
		audit.record("incident.severity_changed", "incident", incident.id(), from + " → " + severity + ": " + why);
		events.publishEvent(new IncidentSeverityChanged(number, incident.severity(), severity, now));
	}

	@Override
	@Transactional
	public Incident changeStatus(long number, IncidentStatus target, String note, UUID actor) {
		if (target == null) {
			throw Problems.invalid("/status", "status must be one of " + List.of(IncidentStatus.values()));
		}
		var said = IncidentRules.optional("/note", note, IncidentRules.NOTE_MAX);
		var current = lock(number);
		if (current == target) {
			return get(number);
		}
		IncidentRules.checkMove(number, current, target);
		if (target == IncidentStatus.RESOLVED) {
			var incident = get(number);
			throw ResolutionGate.refusal(incident, gate.evaluate(incident, ResolutionGate.Answers.NONE));
		}
		return move(number, current, target, said, actor);
	}

	/** Moves the status, past the resolution gate: for the resolution itself, once its gate was passed. */
	Incident move(long number, IncidentStatus current, IncidentStatus target, String said, UUID actor) {
		var incident = get(number);
		var now = clock.instant();
		var before = incident.milestones();
		var after = IncidentRules.milestonesAfterMove(before, current, target, now);
		if (!store.moveStatus(number, current, target, after)) {
			// unreachable while the row lock is held; kept so a change of locking cannot let two moves both win
			throw Problems.conflict(incident.id() + " changed while you moved it; reload and try again");
		}
		var reopened = current == IncidentStatus.RESOLVED && target == IncidentStatus.INVESTIGATING;
		var text = (reopened ? "Re-opened: " : "Status ") + current + " → " + target
				+ (said == null || said.isEmpty() ? "" : ": " + said);
		note(number, now, actor, TimelineKind.STATUS_CHANGED, text, null);
		audit.record("incident.status_changed", "incident", incident.id(), current + " → " + target);
		events.publishEvent(new IncidentStatusChanged(number, current, target, now));
		if (before.acknowledgedAt() == null && after.acknowledgedAt() != null) {
			// someone answered after all: the flag of an escalation that ran out no longer holds
			store.clearUnacknowledgedAfterEscalation(number);
			events.publishEvent(new IncidentAcknowledged(number, after.acknowledgedAt()));
		}
		if (before.mitigatedAt() == null && after.mitigatedAt() != null) {
			events.publishEvent(new IncidentMitigated(number, after.mitigatedAt()));
		}
		if (target == IncidentStatus.RESOLVED) {
			events.publishEvent(new IncidentResolved(number, now));
		}
		if (target == IncidentStatus.CLOSED) {
			events.publishEvent(new IncidentClosed(number, now));
		}
		return get(number);
	}

	@Override
	@Transactional
	public Incident assignRole(long number, IncidentRole role, UUID accountId, UUID actor) {
		IncidentRules.notClosed(number, lock(number));
		var holder = account("/account_id", accountId);
		if (role.isSingleHolder() && holder.role() == Role.VIEWER) {
			throw Problems.invalid("/account_id", holder.displayName() + " is a viewer and cannot act as "
					+ role.title().toLowerCase(Locale.ROOT) + "; a viewer may join as subject-matter expert");
		}
		assign(number, role, accountId, actor, clock.instant());
		return get(number);
	}

	@Override
	@Transactional
	public Incident unassignRole(long number, IncidentRole role, UUID accountId, UUID actor) {
		IncidentRules.notClosed(number, lock(number));
		var incident = get(number);
		UUID holder;
		if (role.isSingleHolder()) {
			holder = incident.roles().get(role);
			if (holder == null || (accountId != null && !accountId.equals(holder))) {
				return incident;
			}
			store.removeRoleHolder(number, role);
		}
		else {
			if (accountId == null) {
				throw Problems.invalid("/account_id", "name the expert to remove with ?account_id=");
			}
			if (!store.removeExpert(number, accountId)) {
				return incident;
			}
			holder = accountId;
		}
		var now = clock.instant();
		var text = name(holder) + " is no longer " + role.title().toLowerCase(Locale.ROOT);
		note(number, now, actor, TimelineKind.ROLE_UNASSIGNED, text, null);
		audit.record("incident.role_unassigned", "incident", incident.id(), text);
		events.publishEvent(new RoleUnassigned(number, role, holder, now));
		return get(number);
	}

	@Override
	@Transactional
	public Mitigation recordMitigation(long number, MitigationLever lever, String description, boolean mitigated,
			UUID actor) {
		if (lever == null) {
			throw Problems.invalid("/lever", "lever must be one of " + List.of(MitigationLever.values()));
		}
		var what = IncidentRules.required("/description", description, IncidentRules.SUMMARY_MAX,
				"describe what was done, e.g. 'rolled back checkout to v41'");
		IncidentRules.notClosed(number, lock(number));
		var incident = get(number);
		var now = clock.instant();
		var mitigation = new Mitigation(UUID.randomUUID(), number, lever, what, mitigated, now, actor);
		timeline.insert(mitigation);
		note(number, now, actor, TimelineKind.MITIGATION, "Mitigation (" + lever.title().toLowerCase(Locale.ROOT)
				+ "): " + what + (mitigated ? " — user impact stopped" : ""), null);
		audit.record("incident.mitigation_recorded", "incident", incident.id(), lever + ": " + what);
		if (mitigated && store.markMitigated(number, now)) {
			events.publishEvent(new IncidentMitigated(number, now));
		}
		obligations.meet(number, Playbook.PROGRESS, "mitigation recorded: " + what);
		return mitigation;
	}

	@Override
	@Transactional
	public TimelineEntry addNote(long number, String text, UUID corrects, UUID actor) {
		var body = IncidentRules.required("/text", text, IncidentRules.NOTE_MAX, "write what happened or what you saw");
		lock(number);
		if (corrects != null && timeline.entry(corrects).filter(e -> e.incidentNumber() == number).isEmpty()) {
			throw Problems.invalid("/corrects", "No timeline entry " + corrects + " on " + Incident.PREFIX + number
					+ "; GET its timeline for the ids");
		}
		var entry = note(number, clock.instant(), actor, corrects == null ? TimelineKind.NOTE : TimelineKind.CORRECTION,
				body, corrects);
		audit.record(corrects == null ? "incident.note_added" : "incident.correction_added", "incident",
				Incident.PREFIX + number, null);
		return entry;
	}

	@Override
	public List<TimelineEntry> timeline(long number) {
		get(number);
		return timeline.timeline(number);
	}

	@Override
	public List<Mitigation> mitigations(long number) {
		get(number);
		return timeline.mitigations(number);
	}

	@Override
	public String summary(long number) {
		var incident = get(number);
		return summaries.write(incident, timeline.timeline(number), timeline.mitigations(number),
				incident.status().isActive() ? null : store.resolution(number).orElse(null));
	}

	@Override
	public Optional<dev.firebreak.incident.Resolution> resolution(long number) {
		return store.publicResolution(number);
	}

	/** Serialises the grouping of these alerts' services until the transaction ends. */
	@Transactional
	void lockGrouping(Collection<UUID> services) {
		store.lockGrouping(new TreeSet<>(services));
	}

	/**
	 * Opens an incident for new alerts of one service, or adds them to the service's incident of
	 * the last {@code window}: one timeline entry for the lot, however many a storm brought. A new
	 * incident takes the worst of their severities, and the summary of the first alert of that
	 * severity as its title. The caller holds the service's grouping lock ({@link #lockGrouping}).
	 * Idempotent: alerts already linked are left alone (events can arrive twice).
	 *
	 * @param alerts in arrival order, each with the incident severity its routing gives it
	 */
	@Transactional
	void openOrJoin(UUID serviceId, Map<AlertTriggered, Severity> alerts, Duration window) {
		// drill alerts never join a real incident, real alerts never a drill's
		for (var drill : List.of(false, true)) {
			var some = new LinkedHashMap<AlertTriggered, Severity>();
			alerts.forEach((alert, severity) -> {
				if (alert.drill() == drill) {
					some.put(alert, severity);
				}
			});
			if (!some.isEmpty()) {
				openOrJoin(serviceId, some, window, drill);
			}
		}
	}

	private void openOrJoin(UUID serviceId, Map<AlertTriggered, Severity> alerts, Duration window, boolean drill) {
		var linked = store.incidentsOfAlerts(alerts.keySet().stream().map(AlertTriggered::alertId).toList());
		var fresh = alerts.entrySet().stream().filter(alert -> !linked.containsKey(alert.getKey().alertId())).toList();
		if (fresh.isEmpty()) {
			return;
		}
		var now = clock.instant();
		var target = store.groupingTarget(serviceId, now.minus(window), drill);
		var worst = fresh.stream().min(Map.Entry.comparingByValue()).orElseThrow();
		var first = fresh.get(0).getKey();
		long number;
		if (target.isPresent()) {
			number = target.get();
			lock(number);
		}
		else {
			var summary = plain(worst.getKey().summary());
			var title = summary.length() <= IncidentRules.TITLE_MAX ? summary
					: summary.substring(0, IncidentRules.TITLE_MAX - 1) + "…";
			var detected = first.at().isAfter(now) ? now : first.at();
			number = declare(new Declaration(title, null, worst.getValue(), IncidentSource.ALERT, List.of(serviceId), null,
					false, false, false, false, detected, null), null, drill).number();
		}
		var ids = fresh.stream().map(alert -> alert.getKey().alertId()).toList();
		var current = this.alerts.findAll(ids);
		var resolved = new LinkedHashMap<UUID, Boolean>();
		ids.forEach(id -> resolved.put(id, current.containsKey(id) && current.get(id).status() == AlertStatus.RESOLVED));
		store.linkAlerts(number, resolved, now);
		note(number, now, null, TimelineKind.ALERT, describe(fresh.stream().map(Map.Entry::getKey).toList(),
				target.isPresent()), null);
		if (target.isPresent() && resolved.containsValue(false) && get(number).status() == IncidentStatus.MONITORING) {
			changeStatus(number, IncidentStatus.INVESTIGATING,
					"a new alert joined while the incident was monitored: the problem is back", null);
		}
		// alerts resolved before they were linked: their resolution found no incident to tell
		monitorIfEveryAlertResolved(number);
	}

	/**
	 * Opens a new drill incident for a drill alert, of the drill's severity, declared by the
	 * platform as alerts' incidents are; the incident the alert opened already, if it did.
	 */
	@Transactional
	Incident openDrill(Alert alert, Severity severity) {
		lockGrouping(List.of(alert.serviceId()));
		var linked = store.incidentsOfAlerts(List.of(alert.id()));
		if (linked.containsKey(alert.id())) {
			return get(linked.get(alert.id()));
		}
		var now = clock.instant();
		var summary = plain(alert.summary());
		var title = summary.length() <= IncidentRules.TITLE_MAX ? summary
				: summary.substring(0, IncidentRules.TITLE_MAX - 1) + "…";
		var number = declare(new Declaration(title, null, severity, IncidentSource.ALERT, List.of(alert.serviceId()), null,
				false, false, false, false, alert.firstSeenAt(), null), null, true).number();
		store.linkAlerts(number, Map.of(alert.id(), alert.status() == AlertStatus.RESOLVED), now);
		note(number, now, null, TimelineKind.ALERT, "Opened by drill alert (" + alert.severity() + "): " + summary, null);
		return get(number);
	}

	/** "Opened by alert (critical): …", or for a storm "Opened by 12 alerts (critical 3, error 9): … and 11 more". */
	private static String describe(List<AlertTriggered> alerts, boolean joined) {
		var first = plain(alerts.get(0).summary());
		if (alerts.size() == 1) {
			return (joined ? "Alert joined" : "Opened by alert") + " (" + alerts.get(0).severity() + "): " + first;
		}
		var counts = new TreeMap<AlertSeverity, Long>(alerts.stream()
			.collect(Collectors.groupingBy(AlertTriggered::severity, Collectors.counting())));
		var bySeverity = String.join(", ", counts.entrySet().stream().map(c -> c.getKey() + " " + c.getValue()).toList());
		return (joined ? alerts.size() + " alerts joined" : "Opened by " + alerts.size() + " alerts") + " (" + bySeverity
				+ "): " + first + " and " + (alerts.size() - 1) + " more";
	}

	/**
	 * Resolved alerts are marked on their incidents; an incident the alerts opened whose last
	 * open alert this was moves to monitoring, and a person confirms the resolution.
	 */
	@Transactional
	void alertsResolved(Collection<UUID> alertIds) {
		var incidents = store.incidentsOfAlerts(alertIds);
		if (incidents.isEmpty()) {
			return;
		}
		store.markAlertsResolved(incidents.keySet());
		new TreeSet<>(incidents.values()).forEach(this::monitorIfEveryAlertResolved);
	}

	private void monitorIfEveryAlertResolved(long number) {
		var status = lock(number);
		var incident = get(number);
		if (incident.source() == IncidentSource.ALERT
				&& (status == IncidentStatus.TRIAGE || status == IncidentStatus.INVESTIGATING
						|| status == IncidentStatus.IDENTIFIED)
				&& !store.hasOpenAlerts(number)) {
			changeStatus(number, IncidentStatus.MONITORING,
					"every alert of this incident is resolved; a person confirms the resolution", null);
		}
	}

	@Override
	public List<Alert> alerts(long number) {
		get(number);
		var ids = store.alertsOf(number);
		var linked = alerts.findAll(ids);
		return ids.stream().filter(linked::containsKey).map(linked::get).toList();
	}

	@Override
	public List<Incident> detectedBetween(Instant from, Instant to) {
		return store.detectedBetween(from, to);
	}

	@Override
	public Map<Long, Incident> findAll(Collection<Long> numbers) {
		var found = new java.util.LinkedHashMap<Long, Incident>();
		store.findAll(numbers).forEach(incident -> found.put(incident.number(), incident));
		return found;
	}

	@Override
	public Map<UUID, Long> incidentsOfAlerts(Collection<UUID> alertIds) {
		var found = new java.util.HashMap<UUID, Long>();
		var distinct = List.copyOf(new java.util.LinkedHashSet<>(alertIds));
		for (int i = 0; i < distinct.size(); i += 1000) {
			found.putAll(store.incidentsOfAlerts(distinct.subList(i, Math.min(distinct.size(), i + 1000))));
		}
		return found;
	}

	/** Monitoring tools may send what people may not: control characters become spaces. */
	private static String plain(String text) {
		var cleaned = new StringBuilder(text.length());
		text.strip().codePoints().forEach(c -> cleaned.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
		return cleaned.toString();
	}

	static boolean visible(Incident incident, FirebreakUser viewer) {
		return !incident.isPrivate() || viewer.isAdmin() || viewer.id().equals(incident.declaredBy())
				|| incident.involves(viewer.id());
	}

	private void assign(long number, IncidentRole role, UUID accountId, UUID actor, Instant now) {
		var incident = get(number);
		if (!role.isSingleHolder()) {
			if (store.addExpert(number, accountId, now)) {
				var text = name(accountId) + " joined as subject-matter expert";
				note(number, now, actor, TimelineKind.ROLE_ASSIGNED, text, null);
				audit.record("incident.role_assigned", "incident", incident.id(), text);
				events.publishEvent(new RoleAssigned(number, role, accountId, now));
			}
			return;
		}
		var holder = incident.roles().get(role);
		if (accountId.equals(holder)) {
			return;
		}
		store.setRoleHolder(number, role, accountId, now);
		if (holder == null) {
			var text = name(accountId) + " is " + role.title().toLowerCase(Locale.ROOT);
			note(number, now, actor, TimelineKind.ROLE_ASSIGNED, text, null);
			audit.record("incident.role_assigned", "incident", incident.id(), text);
			events.publishEvent(new RoleAssigned(number, role, accountId, now));
		}
		else {
			var text = role.title() + " handed over from " + name(holder) + " to " + name(accountId);
			note(number, now, actor, TimelineKind.ROLE_HANDED_OVER, text, null);
			audit.record("incident.role_handed_over", "incident", incident.id(), text);
			events.publishEvent(new RoleHandedOver(number, role, holder, accountId, now));
		}
	}

	@Override
	public Optional<Severity> severityOpenedBy(UUID serviceId, AlertSeverity alertSeverity) {
		return routings.of(serviceId).severityFor(alertSeverity);
	}

	@Override
	@Transactional
	public boolean acknowledge(long number, UUID actor, String via) {
		var current = lock(number);
		var incident = get(number);
		if (incident.milestones().acknowledgedAt() != null || current == IncidentStatus.RESOLVED
				|| current == IncidentStatus.CLOSED) {
			return false;
		}
		var how = via == null || via.isBlank() ? "" : " via " + via;
		changeStatus(number, IncidentStatus.INVESTIGATING, "acknowledged by " + name(actor) + how, actor);
		if (actor != null && incident.roles().get(IncidentRole.INCIDENT_COMMANDER) == null) {
			// the on-call person who takes it on leads it until someone else is named (and holds every unfilled role)
			assign(number, IncidentRole.INCIDENT_COMMANDER, actor, actor, clock.instant());
		}
		return true;
	}

	@Override
	@Transactional
	public TimelineEntry record(long number, TimelineKind kind, String text, UUID actor) {
		// status updates are the comms capability's; mitigation actions are this module's own, announced here
		if (kind != TimelineKind.STATUS_UPDATE && kind != TimelineKind.ACTION) {
			throw new IllegalArgumentException("Other capabilities write status updates on the timeline, not " + kind);
		}
		IncidentRules.notClosed(number, lock(number));
		return note(number, clock.instant(), actor, kind, text, null);
	}

	@Override
	@Transactional
	public boolean flagUnacknowledgedAfterEscalation(long number, Instant at) {
		lock(number);
		return store.flagUnacknowledgedAfterEscalation(number, at);
	}

	@Override
	@Transactional
	public TimelineEntry recordPaging(long number, String text) {
		get(number);
		return note(number, clock.instant(), null, TimelineKind.PAGING, text, null);
	}

	private TimelineEntry note(long number, Instant at, UUID author, TimelineKind kind, String text, UUID corrects) {
		var entry = new TimelineEntry(UUID.randomUUID(), number, at, author, kind, text, corrects);
		timeline.append(entry);
		return entry;
	}

	private IncidentStatus lock(long number) {
		return store.lock(number).orElseThrow(() -> IncidentRules.noSuchIncident(number));
	}

	Incident get(long number) {
		return store.find(number).orElseThrow(() -> IncidentRules.noSuchIncident(number));
	}

	private Account account(String pointer, UUID id) {
		return accounts.find(id)
			.orElseThrow(() -> Problems.invalid(pointer, "No account " + id + "; GET /api/v1/accounts lists them"));
	}

	/** How the timeline names a person: their display name; the platform when nobody acted. */
	String name(UUID accountId) {
		return accountId == null ? "the platform"
				: accounts.find(accountId).map(Account::displayName).orElse(String.valueOf(accountId));
	}
}
