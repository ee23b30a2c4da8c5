package dev.firebreak.incident.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.firebreak.catalog.Catalog;
import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.identity.Role;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentRole;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.MitigationLever;
import dev.firebreak.incident.Obligation;
import dev.firebreak.incident.ObligationKind;
import dev.firebreak.incident.Severity;
import dev.firebreak.incident.TimelineEntry;
import dev.firebreak.platform.FirebreakPolicy;

/**
 * What the incident page shows, for every controller that answers with it or with one of its
 * panels: the record, the roles by the book, what the incident owes and the war room. Kept apart
 * from the controllers so a form of any of them can show the whole page again with its problem.
 */
@Component
class IncidentPageView {

	static final String NOBODY = "unassigned";

	private final Incidents incidents;

	private final Accounts accounts;

	private final Catalog catalog;

	private final ObligationBook obligations;

	private final WarRooms warRooms;

	private final TimelineStore timeline;

	private final FirebreakPolicy policy;

	private final Clock clock;

	private final IncidentRunbooks runbooks;

	IncidentPageView(Incidents incidents, Accounts accounts, Catalog catalog, ObligationBook obligations,
			WarRooms warRooms, TimelineStore timeline, FirebreakPolicy policy, Clock clock, IncidentRunbooks runbooks) {
		this.runbooks = runbooks;
		this.incidents = incidents;
		this.accounts = accounts;
		this.catalog = catalog;
		this.obligations = obligations;
		this.warRooms = warRooms;
		this.timeline = timeline;
		this.policy = policy;
		this.clock = clock;
	}

	/** Everything the incident page shows. */
	void show(Incident incident, FirebreakUser user, Model model) {
		// the place is read before the entries: an entry written in between is sent again, never missed
		var lastSeq = timeline.lastSeq(incident.number());
		var mitigations = incidents.mitigations(incident.number());
		var entries = incidents.timeline(incident.number());
		var owed = obligations.of(incident.number());
		var people = new HashSet<UUID>(incident.roles().values());
		people.addAll(incident.subjectMatterExperts());
		people.add(incident.declaredBy());
		mitigations.forEach(m -> people.add(m.recordedBy()));
		entries.forEach(entry -> people.add(entry.authorId()));
		owed.forEach(o -> people.add(o.ownerId()));
		var names = names(people);

		model.addAttribute("incident", incident);
		model.addAttribute("severity", IncidentPages.severity(incident.severity()));
		var services = catalog.services(incident.affectedServiceIds());
		model.addAttribute("affectedServices", incident.affectedServiceIds().stream()
			.map(serviceId -> services.containsKey(serviceId) ? services.get(serviceId).name() : "a removed service")
			.sorted().collect(Collectors.joining(", ")));
		model.addAttribute("lastChange", catalog.lastChangeBefore(incident.affectedServiceIds(),
				incident.milestones().detectedAt())
			.map(change -> change.summary() + " (" + IncidentPageModels.UtcTime.INSTANCE.format(change.happenedAt()) + ")")
			.orElse("none recorded"));
		model.addAttribute("declaredBy", nameOf(names, incident.declaredBy(), "Firebreak (from an alert)"));
		roles(incident, user, owed, names, model);
		model.addAttribute("experts", incident.subjectMatterExperts().stream().map(e -> nameOf(names, e, "")).toList());
		model.addAttribute("isExpert", incident.subjectMatterExperts().contains(user.id()));
		// resolving goes through the gate's dialog, never a bare status move
		model.addAttribute("nextStatuses",
				incident.status().next().stream().filter(s -> s != IncidentStatus.RESOLVED).toList());
		model.addAttribute("resolvable", incident.status().next().contains(IncidentStatus.RESOLVED));
		model.addAttribute("allRoles", IncidentRole.values());
		model.addAttribute("people", user.role() == Role.VIEWER ? List.of() : accounts.all());
		model.addAttribute("severities", Severity.values());
		model.addAttribute("levers", MitigationLever.values());
		model.addAttribute("mitigations",
				mitigations.stream().map(m -> new IncidentPageModels.MitigationRow(m, nameOf(names, m.recordedBy(), "Firebreak"))).toList());
		model.addAttribute("timeline", entries.stream().map(entry -> IncidentPageModels.TimelineRow.of(entry, names)).toList());
		model.addAttribute("liveAfter", lastSeq);
		obligations(incident, user, owed, names, model);
		warRoom(incident, user, owed, model);
		runbooks.show(incident, incidents.alerts(incident.number()), entries, model);
	}

	/** The panel of what the incident owes. */
	void obligations(Incident incident, FirebreakUser user, Model model) {
		var owed = obligations.of(incident.number());
		obligations(incident, user, owed, names(owed.stream().map(Obligation::ownerId).toList()), model);
	}

	/** The war room panel. */
	void warRoom(Incident incident, FirebreakUser user, Model model) {
		warRoom(incident, user, obligations.of(incident.number()), model);
	}

	private void obligations(Incident incident, FirebreakUser user, List<Obligation> owed, Map<UUID, String> names,
			Model model) {
		var now = clock.instant();
		var rows = owed.stream().map(o -> WarRoomPageModels.ObligationRow.of(o, nameOf(names, o.ownerId(), "nobody yet"), now))
			.toList();
		model.addAttribute("incident", incident);
		model.addAttribute("openObligations", rows.stream().filter(r -> r.obligation().state().isOpen()).toList());
		model.addAttribute("settledObligations", rows.stream().filter(r -> !r.obligation().state().isOpen()).toList());
		model.addAttribute("serverNow", now.toEpochMilli());
		model.addAttribute("dueSoonMillis", policy.cadence().reminderBefore().toMillis());
		var commander = incident.roles().get(IncidentRole.INCIDENT_COMMANDER);
		model.addAttribute("canWaive", user.role() != Role.VIEWER && (commander == null || commander.equals(user.id())));
		model.addAttribute("resolvedAt", incident.milestones().resolvedAt());
	}

	private void warRoom(Incident incident, FirebreakUser user, List<Obligation> owed, Model model) {
		var state = warRooms.state(incident.number());
		var checkpoint = owed.stream().filter(o -> o.kind() == ObligationKind.CHECKPOINT && o.state().isOpen()).findFirst();
		var decisions = warRooms.decisions(incident.number());
		var names = names(decisions.stream().map(WarRooms.Decision::decidedBy).toList());
		var now = clock.instant();
		model.addAttribute("incident", incident);
		model.addAttribute("warRoom", state);
		model.addAttribute("warRoomSince", WarRoomPageModels.clock(state.openedAt()));
		model.addAttribute("checkpointPressing", checkpoint.map(WarRoomPageModels::pressing).orElse(false));
		model.addAttribute("checkpointDue", checkpoint.map(o -> WarRoomPageModels.ObligationRow.of(o, "", now)).orElse(null));
		model.addAttribute("serverNow", now.toEpochMilli());
		model.addAttribute("decisions", decisions.stream()
			.map(d -> new WarRoomPageModels.DecisionRow(d, nameOf(names, d.decidedBy(), "someone"))).toList());
		var roles = incident.roles();
		var responder = user.role() != Role.VIEWER && incident.isActive();
		model.addAttribute("canAnswerCheckpoint", responder && (user.id().equals(roles.get(IncidentRole.INCIDENT_COMMANDER))
				|| user.id().equals(roles.get(IncidentRole.SCRIBE))));
		model.addAttribute("canDecide", responder);
		model.addAttribute("canOpenWarRoom", responder && !state.active());
		if (!model.containsAttribute("checkpoint")) {
			model.addAttribute("checkpoint", WarRoomPageModels.CheckpointForm.EMPTY);
		}
	}

	private void roles(Incident incident, FirebreakUser user, List<Obligation> owed, Map<UUID, String> names, Model model) {
		var required = incident.procedures() == null ? List.<String>of()
				: policy.severity(incident.procedures().name()).requiredRoles();
		var now = clock.instant();
		var rows = new ArrayList<WarRoomPageModels.RoleRow>();
		for (var role : IncidentRole.values()) {
			if (!role.isSingleHolder()) {
				continue;
			}
			var holder = incident.roles().get(role);
			var unfilled = holder == null ? owed.stream()
				.filter(o -> o.kind() == ObligationKind.ROLE && o.key().equals("role:" + role) && o.state().isOpen())
				.findFirst() : java.util.Optional.<Obligation>empty();
			rows.add(new WarRoomPageModels.RoleRow(role, nameOf(names, holder, NOBODY), user.id().equals(holder),
					required.contains(role.toString()), unfilled.map(o -> WarRoomPageModels.time(o.dueAt(), now)).orElse(null),
					unfilled.map(o -> o.state() == Obligation.State.OVERDUE).orElse(false)));
		}
		model.addAttribute("roles", rows);
		model.addAttribute("rolesByProcedures", incident.procedures() == null ? null : incident.procedures().name());
		model.addAttribute("commanderHoldsEveryRole", incident.procedures() != null && required.isEmpty());
	}

	List<IncidentPageModels.TimelineRow> timeline(long number) {
		var entries = incidents.timeline(number);
		var names = names(entries.stream().map(TimelineEntry::authorId).toList());
		return entries.stream().map(entry -> IncidentPageModels.TimelineRow.of(entry, names)).toList();
	}

	Map<UUID, String> names(Collection<UUID> ids) {
		var wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
		var names = new HashMap<UUID, String>();
		if (!wanted.isEmpty()) {
			accounts.findAll(wanted).forEach((id, account) -> names.put(id, account.displayName()));
		}
		return names;
	}

	static String nameOf(Map<UUID, String> names, UUID id, String nobody) {
		if (id == null) {
			return nobody;
		}
		return names.getOrDefault(id, "a removed account");
	}
}
