package dev.firebreak.postmortem.internal;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.identity.AdminOnly;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.platform.Page;

/** The trackers' webhook endpoints: administrators register (the signing secret is shown once), list and remove them. */
@RestController
@RequestMapping("/api/v1/action-items/webhooks")
class ActionItemWebhookController {

	private final ActionItemWebhooks webhooks;

	ActionItemWebhookController(ActionItemWebhooks webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping
	@AdminOnly
	ResponseEntity<ActionItemWebhooks.Registered> register(@RequestBody Registration request,
			@AuthenticationPrincipal FirebreakUser user) {
		var registered = webhooks.register(request.url(), user.id());
		return ResponseEntity.created(URI.create("/api/v1/action-items/webhooks/" + registered.id())).body(registered);
	}

	@GetMapping
	@AdminOnly
	Page<ActionItemWebhookStore.Endpoint> list() {
		var all = webhooks.all();
		return new Page<>(all, all.size());
	}

	@DeleteMapping("/{id}")
	@AdminOnly
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		webhooks.delete(id);
		return ResponseEntity.noContent().build();
	}

	record Registration(String url) {
	}
}
