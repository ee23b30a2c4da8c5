package dev.firebreak.postmortem.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.firebreak.identity.Account;
import dev.firebreak.identity.Accounts;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.Obligation;
import dev.firebreak.incident.Obligations;
import dev.firebreak.postmortem.ActionItem;
import dev.firebreak.postmortem.ActionItemPriority;
import dev.firebreak.postmortem.ActionItems;
import dev.firebreak.postmortem.Postmortem;
import dev.firebreak.postmortem.PostmortemStatus;

/** A post-mortem as the API and the pages show it: with its facts, its schedule and its blameless findings. */
@Component
class PostmortemViews {

	static final String KEY_PREFIX = "postmortem:";

	private final FactsBook facts;

	private final RecordWriter writer;

	private final Obligations obligations;

	private final Accounts accounts;

	private final Incidents incidents;

	private final ActionItems actionItems;

	PostmortemViews(FactsBook facts, RecordWriter writer, Obligations obligations, Accounts accounts, Incidents incidents,
			ActionItems actionItems) {
		this.incidents = incidents;
		this.actionItems = actionItems;
		this.facts = facts;
		this.writer = writer;
		this.obligations = obligations;
		this.accounts = accounts;
	}

	/**
	 * @param schedule the incident's post-mortem obligations with their state now
	 * @param missingForPublication what publishing still needs; empty when it may be published
	 */
	record View(UUID id, String incidentId, long incidentNumber, String title, PostmortemStatus status, UUID ownerId,
			String ownerName, String reason, Postmortem.Sections sections, Postmortem.Review review, List<Obligation> schedule,
			Facts facts, List<BlamelessCheck.Finding> blamelessFindings, List<PostmortemService.Missing> missingForPublication,
			List<PostmortemStatus> allowed, Instant createdAt, Instant updatedAt, Instant publishedAt,
			List<ItemLine> actionItems) {
	}

	/** One of the incident's action items, as the post-mortem lists it (the day-30 review goes through them). */
	record ItemLine(UUID id, String title, String ownerName, LocalDate dueOn, ActionItemPriority priority,
			String definitionOfDone, ActionItem.Status status, boolean overdue) {
	}

	/** One row of the list: the next step due and whether anything is overdue. */
	record Item(UUID id, String incidentId, String title, String severity, PostmortemStatus status, UUID ownerId,
			String ownerName, Obligation next, boolean overdue, Instant createdAt, Instant publishedAt) {
	}

	View view(Postmortem p) {
		var f = facts.of(p);
		return new View(p.id(), p.incidentId(), p.incidentNumber(), f.title(), p.status(), p.ownerId(), name(p.ownerId()),
				p.reason(), p.sections(), p.review(), schedule(p.incidentNumber()), f, findings(p.sections()),
				PostmortemService.missing(p), List.copyOf(p.status().next()), p.createdAt(), p.updatedAt(), p.publishedAt(),
				actionItems.of(p.incidentNumber()).stream().map(i -> new ItemLine(i.id(), i.title(), name(i.ownerId()),
						i.dueOn(), i.priority(), i.definitionOfDone(), i.status(), i.overdue())).toList());
	}

	List<Item> items(List<Postmortem> postmortems) {
		var owners = accounts.findAll(postmortems.stream().map(Postmortem::ownerId).filter(java.util.Objects::nonNull).toList());
		return postmortems.stream().map(p -> {
			var schedule = schedule(p.incidentNumber());
			var next = schedule.stream().filter(o -> o.state().isOpen()).findFirst().orElse(null);
			var overdue = schedule.stream().anyMatch(o -> o.state() == Obligation.State.OVERDUE);
			var incident = incidents.find(p.incidentNumber());
			var title = incident.map(Incident::title).orElse(p.incidentId());
			var severity = incident.map(Incident::severity).map(Enum::name).orElse(null);
			var owner = p.ownerId() == null ? null : owners.get(p.ownerId());
			return new Item(p.id(), p.incidentId(), title, severity, p.status(), p.ownerId(),
					owner == null ? null : owner.displayName(), next, overdue, p.createdAt(), p.publishedAt());
		}).toList();
	}

	List<Obligation> schedule(long number) {
		return obligations.of(number).stream().filter(o -> o.key().startsWith(KEY_PREFIX)).toList();
	}

	/** The blameless check over every people-written section, against everyone's name. */
	List<BlamelessCheck.Finding> findings(Postmortem.Sections s) {
		return BlamelessCheck.check(sections(s), writer.people());
	}

	/** The sections by their JSON names, in the order they are shown. */
	static Map<String, String> sections(Postmortem.Sections s) {
		var map = new LinkedHashMap<String, String>();
		map.put("what_happened", s.whatHappened());
		for (var i = 0; i < s.why().size(); i++) {
			map.put("why_" + (i + 1), s.why().get(i));
		}
		map.put("not_detected_sooner", s.notDetectedSooner());
		map.put("slowed_response", s.slowedResponse());
		map.put("prevents_recurrence", s.preventsRecurrence());
		map.put("went_well", s.wentWell());
		map.put("went_poorly", s.wentPoorly());
		return map;
	}

	private String name(UUID id) {
		return id == null ? null : accounts.find(id).map(Account::displayName).orElse(id.toString());
	}
}
