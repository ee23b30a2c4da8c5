package dev.firebreak.comms.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.firebreak.catalog.Catalog;
import dev.firebreak.comms.Audience;
import dev.firebreak.comms.Phase;
import dev.firebreak.comms.Post;
import dev.firebreak.comms.PublicComponents;
import dev.firebreak.comms.StatusUpdate;
import dev.firebreak.comms.StatusUpdate.WritingFinding;
import dev.firebreak.comms.StatusUpdatePosted;
import dev.firebreak.comms.StatusUpdates;
import dev.firebreak.identity.AuditLog;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.TimelineKind;
import dev.firebreak.platform.FirebreakPolicy;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Problems;
import dev.firebreak.platform.Text;

/** Posting updates: checked, stored, written on the timeline, audited, the cadence moved on and announced, at once. */
@Service
class StatusUpdateService implements StatusUpdates {

	static final int TEXT_MAX = 5000;

	static final int REASON_MAX = 2000;

	static final int COMPONENTS_MAX = 20;

	static final int COMPONENT_MAX = 100;

	private final UpdateStore store;

	private final ObjectProvider<PublicComponents> publicComponents;

	private final Incidents incidents;

	private final Catalog catalog;

	private final PublicWriting writing;

	private final Cadences cadences;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final FirebreakPolicy policy;

	private final Clock clock;

	StatusUpdateService(UpdateStore store, Incidents incidents, Catalog catalog, PublicWriting writing,
			Cadences cadences, AuditLog audit, ApplicationEventPublisher events, FirebreakPolicy policy, Clock clock,
			ObjectProvider<PublicComponents> publicComponents) {
		this.publicComponents = publicComponents;
		this.store = store;
		this.incidents = incidents;
		this.catalog = catalog;
		this.writing = writing;
		this.cadences = cadences;
		this.audit = audit;
		this.events = events;
		this.policy = policy;
		this.clock = clock;
	}

	@Override
	public java.util.Optional<StatusUpdate> update(UUID id) {
		return store.find(id);
	}

	@Override
	@Transactional
	public StatusUpdate post(long number, Post post, UUID author) {
		var audience = audience(post.audience());
		var phase = phase(audience, post.phase());
		var text = Text.required("/text", post.text(), TEXT_MAX, "what the audience needs to know now");
		var components = components(audience, post.components());
		var reason = Text.optional("/override_reason", post.overrideReason(), REASON_MAX);
		if (reason != null && audience != Audience.PUBLIC) {
			throw Problems.invalid("/override_reason", "override_reason is only for public updates: only they are checked against the writing rules");
		}
		var incident = incident(number);
		mayPost(incident, audience, phase);
		var findings = audience == Audience.PUBLIC ? writing.check(incident, phase, text) : List.<WritingFinding>of();
		if (!findings.isEmpty() && (reason == null || reason.isBlank())) {
			throw breaksWritingRules(findings);
		}
		var now = clock.instant();
		var update = new StatusUpdate(UUID.randomUUID(), number, audience, phase, text, components, author, now,
				findings, findings.isEmpty() ? null : reason);
		store.insert(update);
		// the cadences first: they lock their row before the incident's, as their listeners do
		cadences.refresh(number);
		incidents.record(number, TimelineKind.STATUS_UPDATE, timelineText(update), author);
		audit.record("status_update.posted", "incident", incident.id(),
				describe(update) + (findings.isEmpty() ? "" : ", posted despite " + findings.size() + " writing finding(s)"));
		events.publishEvent(new StatusUpdatePosted(number, update.id(), audience, phase, incident.isPrivate(), now));
		return update;
	}

	@Override
	@Transactional(readOnly = true)
	public List<WritingFinding> check(long number, Audience audience, Phase phase, String text) {
		var checked = audience(audience);
		var body = Text.required("/text", text, TEXT_MAX, "the text to check");
		var incident = incident(number);
		return checked == Audience.PUBLIC ? writing.check(incident, phase, body) : List.of();
	}

	@Override
	@Transactional(readOnly = true)
	public Page<StatusUpdate> of(long number, Audience audience, Page.Request page) {
		return store.of(number, audience, page);
	}

	@Override
	@Transactional(readOnly = true)
	public String template(long number, Audience audience, Phase phase) {
		var checked = audience(audience);
		var forPhase = phase(checked, phase);
		var incident = incident(number);
		if (checked == Audience.PUBLIC && incident.isPrivate()) {
			throw privateIncident(incident);
		}
		if (checked == Audience.PUBLIC && incident.drill()) {
			throw drill(incident);
		}
		var services = catalog.services(incident.affectedServiceIds());
		var serviceNames = incident.affectedServiceIds().stream().filter(services::containsKey)
			.map(id -> services.get(id).name()).toList();
		var components = checked == Audience.PUBLIC
				? store.last(number, Audience.PUBLIC).map(StatusUpdate::components).orElse(List.of()) : List.<String>of();
		var internalNames = checked == Audience.PUBLIC ? writing.internalNames() : java.util.Set.<String>of();
		return UpdateTemplates.write(checked, forPhase, new UpdateTemplates.Scope(incident, serviceNames, components,
				internalNames, clock.instant(), nextUpdateIn(incident, checked, forPhase)));
	}

	private Duration nextUpdateIn(Incident incident, Audience audience, Phase phase) {
		return switch (audience) {
			case INTERNAL -> policy.cadence().internal();
			case STAKEHOLDERS -> CadencePlan.stakeholderCadence(incident, policy);
			case PUBLIC -> CadencePlan.publicCadence(phase, policy);
		};
	}

	/**
	 * Updates go out while the incident is active. Once resolved, the final words may still follow:
	 * the public 'resolved' update and internal and stakeholder notes; nothing once it is closed.
	 */
	private static void mayPost(Incident incident, Audience audience, Phase phase) {
		if (audience != Audience.INTERNAL && incident.isPrivate()) {
			throw privateIncident(incident);
		}
		if (audience == Audience.PUBLIC && incident.drill()) {
			throw drill(incident);
		}
		if (incident.status() == IncidentStatus.CLOSED) {
			throw Problems.conflict(incident.id() + " is closed: nothing about it changes any more");
		}
		if (incident.status() == IncidentStatus.RESOLVED && audience == Audience.PUBLIC && phase != Phase.RESOLVED) {
			throw Problems.conflict(incident.id() + " is resolved: the only public update left to post is phase "
					+ "'resolved'; re-open the incident to say more", Map.of("allowed_phases", List.of(Phase.RESOLVED)));
		}
	}

	private static RuntimeException privateIncident(Incident incident) {
		return Problems.conflict(incident.id() + " is private: it never reaches the status page, stakeholder mail "
				+ "or any public feed. Post an internal update instead");
	}

	private static RuntimeException drill(Incident incident) {
		return Problems.conflict(incident.id() + " is a fire drill: it never reaches the status page or its subscribers. "
				+ "Practise the public update as an internal one instead; stakeholder updates go out marked DRILL");
	}

	static org.springframework.web.ErrorResponseException breaksWritingRules(List<WritingFinding> findings) {
		return Problems.problem(HttpStatus.valueOf(422), "Breaks the writing rules",
				"The update breaks " + findings.size() + " writing rule(s): "
						+ findings.stream().map(f -> f.message() + " ('" + f.words() + "')").collect(Collectors.joining("; "))
						+ ". Rewrite it, or post it anyway with an override_reason, which is recorded",
				Map.of("findings", findings));
	}

	private Incident incident(long number) {
		return incidents.find(number)
			.orElseThrow(() -> Problems.notFound("No incident " + Incident.PREFIX + number));
	}

	private static Audience audience(Audience audience) {
		if (audience == null) {
			throw Problems.invalid("/audience", "audience is required: internal, stakeholders or public");
		}
		return audience;
	}

	private static Phase phase(Audience audience, Phase phase) {
		if (audience == Audience.PUBLIC && phase == null) {
			throw Problems.invalid("/phase", "phase is required for a public update: investigating, identified, monitoring or resolved");
		}
		if (audience != Audience.PUBLIC && phase != null) {
			throw Problems.invalid("/phase", "phase is only for public updates; leave it out for the " + audience + " audience");
		}
		return phase;
	}

	/** The status page's own spelling of a component it lists; any name while it lists none. */
	private String known(String name, int index) {
		var listed = publicComponents.stream().flatMap(p -> p.names().stream()).toList();
		if (listed.isEmpty()) {
			return name;
		}
		return listed.stream().filter(n -> n.equalsIgnoreCase(name)).findFirst()
			.orElseThrow(() -> Problems.invalid("/components/" + index, "the status page has no component \"" + name
					+ "\"; choose from: " + String.join(", ", listed)));
	}

	private List<String> components(Audience audience, List<String> components) {
		if (components == null || components.isEmpty()) {
			return List.of();
		}
		if (audience != Audience.PUBLIC) {
			throw Problems.invalid("/components", "components are only for public updates (the status page's components)");
		}
		if (components.size() > COMPONENTS_MAX) {
			throw Problems.invalid("/components", "at most " + COMPONENTS_MAX + " components, not " + components.size());
		}
		var names = new ArrayList<String>();
		for (var i = 0; i < components.size(); i++) {
			var name = Text.required("/components/" + i, components.get(i), COMPONENT_MAX, "a component's public name");
			if (name.contains("\n") || name.contains("\r") || name.contains("\t")) {
				throw Problems.invalid("/components/" + i, "a component name is one line of text");
			}
			if (!names.contains(name)) {
				names.add(known(name, i));
			}
		}
		return List.copyOf(names);
	}

	static String describe(StatusUpdate update) {
		return switch (update.audience()) {
			case INTERNAL -> "Internal update";
			case STAKEHOLDERS -> "Stakeholder update";
			case PUBLIC -> "Public update (" + update.phase() + ")";
		};
	}

	private static String timelineText(StatusUpdate update) {
		var text = new StringBuilder(describe(update));
		if (!update.components().isEmpty()) {
			text.append(" on ").append(String.join(", ", update.components()));
		}
		text.append(": ").append(update.text());
		if (update.overrideReason() != null) {
			text.append("\nPosted despite the writing rules (")
				.append(update.overriddenFindings().stream().map(f -> f.rule() + ": '" + f.words() + "'")
					.collect(Collectors.joining("; ")))
				.append("). Reason: ").append(update.overrideReason());
		}
		return text.toString();
	}
}
