package dev.firebreak.notification.internal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.platform.Page;

/** What was sent to whom about an incident, and how it went. */
@RestController
class DeliveryController {

	private final DeliveryLog log;

	DeliveryController(DeliveryLog log) {
		this.log = log;
	}

	/** A person's latest notifications ({@code me} or, for admins, anyone's), newest first. */
	@GetMapping("/api/v1/accounts/{account}/notifications")
	Page<DeliveryLog.Row> ofPerson(@PathVariable String account, @AuthenticationPrincipal FirebreakUser user) {
		var accountId = "me".equals(account) ? user.id() : parse(account);
		var rows = log.ofPerson(accountId, user, LATEST);
		return new Page<>(rows, rows.size());
	}

	private static final int LATEST = 200;

	private static java.util.UUID parse(String account) {
		try {
			return java.util.UUID.fromString(account);
		}
		catch (IllegalArgumentException e) {
			throw dev.firebreak.platform.Problems.notFound("No account " + account + "; use 'me' or an account id");
		}
	}

	@GetMapping("/api/v1/incidents/{id}/notifications")
	Page<DeliveryLog.Row> ofIncident(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user) {
		var rows = log.ofIncident(id, user);
		return new Page<>(rows, rows.size());
	}
}
