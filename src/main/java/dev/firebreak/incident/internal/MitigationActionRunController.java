package dev.firebreak.incident.internal;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.catalog.Catalog;
import dev.firebreak.catalog.HttpCall;
import dev.firebreak.catalog.MitigationAction;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Problems;

/**
 * The mitigation actions an incident can run: those of its affected services. Responders run
 * them; each run is announced on the timeline before the call goes out, then its result recorded.
 */
@RestController
@RequestMapping("/api/v1/incidents/{id}/mitigation-actions")
class MitigationActionRunController {

	private final MitigationActions actions;

	private final Incidents incidents;

	private final Catalog catalog;

	MitigationActionRunController(MitigationActions actions, Incidents incidents, Catalog catalog) {
		this.actions = actions;
		this.incidents = incidents;
		this.catalog = catalog;
	}

	@GetMapping
	Page<ActionView> list(@PathVariable String id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal FirebreakUser user) {
		var incident = incidents.visible(id, user);
		var all = actions.of(incident);
		var services = catalog.services(incident.affectedServiceIds());
		return Page.of(all, Page.Request.of(page, size)).map(action -> ActionView.of(action,
				services.containsKey(action.serviceId()) ? services.get(action.serviceId()).name() : null));
	}

	@PostMapping("/{actionId}/run")
	@PreAuthorize("hasRole('RESPONDER')")
	MitigationActions.Run run(@PathVariable String id, @PathVariable UUID actionId,
			@Valid @RequestBody(required = false) RunRequest request, @AuthenticationPrincipal FirebreakUser user) {
		return actions.run(incidents.visible(id, user), actionId, false, request == null ? null : request.reason(), user);
	}

	@PostMapping("/{actionId}/rollback")
	@PreAuthorize("hasRole('RESPONDER')")
	MitigationActions.Run rollback(@PathVariable String id, @PathVariable UUID actionId,
			@Valid @RequestBody(required = false) RunRequest request, @AuthenticationPrincipal FirebreakUser user) {
		return actions.run(incidents.visible(id, user), actionId, true, request == null ? null : request.reason(), user);
	}

	/** Why the action runs, for the timeline; optional. */
	record RunRequest(@Size(max = IncidentRules.REASON_MAX) String reason) {
	}

	/** An action as responders see it: what it calls, never its headers or body (they may hold credentials). */
	record ActionView(UUID id, UUID serviceId, String serviceName, String name, String lever, CallView run,
			CallView rollback) {

		static ActionView of(MitigationAction action, String serviceName) {
			return new ActionView(action.id(), action.serviceId(), serviceName, action.name(), action.lever(),
					CallView.of(action.run()), action.rollback() == null ? null : CallView.of(action.rollback()));
		}
	}

	record CallView(String method, String url) {

		static CallView of(HttpCall call) {
			return new CallView(call.method(), call.url());
		}
	}
}
