package dev.firebreak.postmortem.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Problems;
import dev.firebreak.postmortem.ActionItem;

/**
 * Action items over HTTP: an incident's items, one item, the lists of a person or a team.
 * Responders change them (the security rules let viewers only read); each change is audited.
 */
@RestController
class ActionItemController {

	private final ActionItemService items;

	private final Incidents incidents;

	ActionItemController(ActionItemService items, Incidents incidents) {
		this.items = items;
		this.incidents = incidents;
	}

	@PostMapping("/api/v1/incidents/{id}/action-items")
	ResponseEntity<ActionItem> create(@PathVariable String id, @RequestBody ItemRequest request,
			@AuthenticationPrincipal FirebreakUser user) {
		var incident = incidents.visible(id, user);
		var item = items.create(incident, request.input(), user.id());
		return ResponseEntity.created(URI.create("/api/v1/action-items/" + item.id())).body(item);
	}

	@GetMapping("/api/v1/incidents/{id}/action-items")
	Page<ActionItem> ofIncident(@PathVariable String id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal FirebreakUser user) {
		var request = Page.Request.of(page, size);
		return Page.of(items.of(incidents.visible(id, user).number()), request);
	}

	@GetMapping("/api/v1/action-items/{id}")
	ActionItem get(@PathVariable UUID id, @AuthenticationPrincipal FirebreakUser user) {
		return items.visible(id, user);
	}

	@PutMapping("/api/v1/action-items/{id}")
	ActionItem update(@PathVariable UUID id, @RequestBody ItemRequest request, @AuthenticationPrincipal FirebreakUser user) {
		return items.update(id, request.input(), user);
	}

	@PostMapping("/api/v1/action-items/{id}/complete")
	ActionItem complete(@PathVariable UUID id, @RequestBody Completion request, @AuthenticationPrincipal FirebreakUser user) {
		return items.complete(id, request.evidence(), user);
	}

	@PostMapping("/api/v1/action-items/{id}/reopen")
	ActionItem reopen(@PathVariable UUID id, @RequestBody Reopening request, @AuthenticationPrincipal FirebreakUser user) {
		return items.reopen(id, request.reason(), user);
	}

	/**
	 * {@code owner} is an account id or {@code me}; {@code team} a catalog team, whose members' items
	 * are listed; both together: that owner's items if they are in the team. {@code state} is
	 * {@code open}, {@code overdue} (open and past the due day, UTC) or {@code done}; any when absent.
	 */
	@GetMapping("/api/v1/action-items")
	Page<ActionItem> list(@RequestParam(required = false) String owner, @RequestParam(required = false) String team,
			@RequestParam(required = false) String state, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal FirebreakUser user) {
		var request = Page.Request.of(page, size);
		return items.list(owner(owner, user), uuid("team", team), state(state), user, request);
	}

	private static UUID owner(String owner, FirebreakUser user) {
		if (owner != null && owner.strip().equalsIgnoreCase("me")) {
			return user.id();
		}
		return uuid("owner", owner);
	}

	private static UUID uuid(String parameter, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException e) {
			throw Problems.invalid("/" + parameter, parameter + " must be an id (a UUID)"
					+ ("owner".equals(parameter) ? " or 'me'" : ""));
		}
	}

	private static ActionItemStore.State state(String state) {
		if (state == null || state.isBlank()) {
			return null;
		}
		try {
			return ActionItemStore.State.valueOf(state.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw Problems.invalid("/state", "state must be one of " + List.of("open", "overdue", "done"));
		}
	}

	record ItemRequest(String title, String ownerId, String dueOn, String priority, String definitionOfDone) {

		ActionItemInput input() {
			return new ActionItemInput(title, ownerId, dueOn, priority, definitionOfDone);
		}
	}

	record Completion(String evidence) {
	}

	record Reopening(String reason) {
	}
}
