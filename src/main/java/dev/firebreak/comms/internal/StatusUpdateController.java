package dev.firebreak.comms.internal;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.comms.Audience;
import dev.firebreak.comms.Phase;
import dev.firebreak.comms.Post;
import dev.firebreak.comms.StatusUpdate;
import dev.firebreak.comms.StatusUpdates;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Problems;

/** Status updates of an incident: post, check the writing, list, draft from a template. Responders post; viewers read. */
@RestController
@RequestMapping("/api/v1/incidents/{id}/status-updates")
class StatusUpdateController {

	private final StatusUpdates updates;

	private final Incidents incidents;

	StatusUpdateController(StatusUpdates updates, Incidents incidents) {
		this.updates = updates;
		this.incidents = incidents;
	}

	@PostMapping
	ResponseEntity<StatusUpdate> post(@PathVariable String id, @RequestBody PostRequest request,
			@AuthenticationPrincipal FirebreakUser user) {
		var number = incidents.visible(id, user).number();
		var update = updates.post(number, new Post(request.audience(), request.phase(), request.text(),
				request.components(), request.overrideReason()), user.id());
		return ResponseEntity.created(URI.create("/api/v1/incidents/" + Incident.PREFIX + number + "/status-updates/"
				+ update.id())).body(update);
	}

	/** The writing findings a draft would get, for the composer to show as the author types. Changes nothing. */
	@PostMapping("/check")
	Findings check(@PathVariable String id, @RequestBody CheckRequest request,
			@AuthenticationPrincipal FirebreakUser user) {
		var number = incidents.visible(id, user).number();
		return new Findings(updates.check(number, request.audience(), request.phase(), request.text()));
	}

	@GetMapping
	Page<StatusUpdate> list(@PathVariable String id, @RequestParam(required = false) Audience audience,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@AuthenticationPrincipal FirebreakUser user) {
		var request = Page.Request.of(page, size);
		return updates.of(incidents.visible(id, user).number(), audience, request);
	}

	@GetMapping("/template")
	Draft template(@PathVariable String id, @RequestParam(required = false) Audience audience,
			@RequestParam(required = false) Phase phase, @AuthenticationPrincipal FirebreakUser user) {
		return new Draft(updates.template(incidents.visible(id, user).number(), audience, phase));
	}

	record PostRequest(Audience audience, Phase phase, String text, List<String> components, String overrideReason) {
	}

	record CheckRequest(Audience audience, Phase phase, String text) {
	}

	record Findings(List<StatusUpdate.WritingFinding> findings) {
	}

	record Draft(String text) {
	}
}
