package dev.firebreak.incident.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.Obligation;
import dev.firebreak.incident.Obligations;
import dev.firebreak.incident.TimelineEntry;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Problems;

/** Running the response by the book: what is due, the war room, its checkpoints and decisions, and the resolution gate. */
@RestController
@RequestMapping("/api/v1/incidents/{id}")
class ResponseController {

	private final Incidents incidents;

	private final Obligations obligations;

	private final WarRooms warRooms;

	private final Resolutions resolutions;

	ResponseController(Incidents incidents, Obligations obligations, WarRooms warRooms, Resolutions resolutions) {
		this.incidents = incidents;
		this.obligations = obligations;
		this.warRooms = warRooms;
		this.resolutions = resolutions;
	}

	/** What the incident owes, open ones first by due time, each with its owner and state now. */
	@GetMapping("/obligations")
	Page<Obligation> obligations(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user) {
		var all = obligations.of(incidents.visible(id, user).number());
		return new Page<>(all, all.size());
	}

	@PostMapping("/obligations/{key}/waive")
	Obligation waive(@PathVariable String id, @PathVariable String key, @Valid @RequestBody ReasonRequest request,
			@AuthenticationPrincipal FirebreakUser user) {
		return obligations.waive(incidents.visible(id, user).number(), key, request.reason(), user.id());
	}

	@GetMapping("/war-room")
	WarRooms.State warRoom(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user) {
		return warRooms.state(incidents.visible(id, user).number());
	}

	@PostMapping("/war-room")
	WarRooms.State openWarRoom(@PathVariable String id, @Valid @RequestBody ReasonRequest request,
			@AuthenticationPrincipal FirebreakUser user) {
		return warRooms.open(incidents.visible(id, user).number(), request.reason(), user.id());
	}

	@PostMapping("/checkpoints")
	TimelineEntry checkpoint(@PathVariable String id, @Valid @RequestBody CheckpointRequest request,
			@AuthenticationPrincipal FirebreakUser user) {
		return warRooms.answerCheckpoint(incidents.visible(id, user).number(),
				new WarRooms.Answers(request.known(), request.next(), request.escalate(), request.statusPage()), user.id());
	}

	@GetMapping("/decisions")
	Page<WarRooms.Decision> decisions(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user) {
		var all = warRooms.decisions(incidents.visible(id, user).number());
		return new Page<>(all, all.size());
	}

	@PostMapping("/decisions")
	WarRooms.Decision decide(@PathVariable String id, @Valid @RequestBody DecisionRequest request,
			@AuthenticationPrincipal FirebreakUser user) {
		return warRooms.decide(incidents.visible(id, user).number(), request.decision(), request.rationale(), user.id());
	}

	/** The gate as it stands before anyone answers: what the record already shows, and what must be said. */
	@GetMapping("/resolution")
	ResolutionGate.Verdict gate(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user) {
		return resolutions.verdict(incidents.visible(id, user).number(), ResolutionGate.Answers.NONE);
	}

	/** Resolves through the gate: 409 with what is unmet, unless the commander overrides with a reason. */
	@PostMapping("/resolution")
	ResolutionView resolve(@PathVariable String id, @Valid @RequestBody ResolveRequest request,
			@AuthenticationPrincipal FirebreakUser user) {
		var number = incidents.visible(id, user).number();
		var answers = new ResolutionGate.Answers(request.customerImpact(), request.mitigationVerified(),
				request.rootCause(), request.rootCauseDeferred(), request.systemsNormal(), request.customersCanResume(),
				request.containment(), request.guardrails(), request.followUps(), request.postmortem());
		var incident = resolutions.resolve(number, answers, request.note(), request.overrideReason(),
				request.postmortemOwnerId(), user.id());
		return new ResolutionView(incident.id(), incident.status().toString(), incident.milestones().resolvedAt(),
				obligations.of(number).stream().filter(o -> o.kind() == dev.firebreak.incident.ObligationKind.POSTMORTEM).toList());
	}

	record ReasonRequest(@NotBlank(message = "say why") @Size(max = IncidentRules.REASON_MAX) String reason) {
	}

	record CheckpointRequest(String known, String next, String escalate, String statusPage) {
	}

	record DecisionRequest(String decision, String rationale) {
	}

	record ResolveRequest(String customerImpact, Boolean mitigationVerified, String rootCause, Boolean rootCauseDeferred,
			Boolean systemsNormal, Boolean customersCanResume, String containment, String guardrails, String followUps,
			Boolean postmortem, UUID postmortemOwnerId, String note, String overrideReason) {
	}

	record ResolutionView(String id, String status, Instant resolvedAt, List<Obligation> postmortem) {
	}
}
