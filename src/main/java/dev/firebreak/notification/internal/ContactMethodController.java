package dev.firebreak.notification.internal;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.notification.ContactType;
import dev.firebreak.notification.DeliveryStatus;
import dev.firebreak.notification.Urgency;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Problems;

/**
 * A person's contact methods and notification rules, under {@code /api/v1/accounts/me/…}; an
 * administrator manages anyone's under {@code /api/v1/accounts/{account_id}/…}.
 */
@RestController
@RequestMapping("/api/v1/accounts/{account}")
class ContactMethodController {

	private final ContactMethods methods;

	private final Accounts accounts;

	ContactMethodController(ContactMethods methods, Accounts accounts) {
		this.methods = methods;
		this.accounts = accounts;
	}

	@GetMapping("/contact-methods")
	Page<ContactMethodView> list(@PathVariable String account, @AuthenticationPrincipal FirebreakUser user) {
		var items = methods.of(whose(account, user)).stream().map(m -> ContactMethodView.of(m, null)).toList();
		return new Page<>(items, items.size());
	}

	@PostMapping("/contact-methods")
	ResponseEntity<ContactMethodView> create(@PathVariable String account, @RequestBody NewContactMethod request,
			@AuthenticationPrincipal FirebreakUser user) {
		var accountId = whose(account, user);
		var created = methods.create(accountId, request.type(), request.address(), request.label());
		return ResponseEntity.created(URI.create("/api/v1/accounts/" + accountId + "/contact-methods/" + created.method().id()))
			.body(ContactMethodView.of(created.method(), created.secret()));
	}

	@DeleteMapping("/contact-methods/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String account, @PathVariable UUID id, @AuthenticationPrincipal FirebreakUser user) {
		methods.delete(whose(account, user), id);
	}

	@PostMapping("/contact-methods/{id}/verify")
	ContactMethodView verify(@PathVariable String account, @PathVariable UUID id, @RequestBody VerifyRequest request,
			@AuthenticationPrincipal FirebreakUser user) {
		return ContactMethodView.of(methods.verify(whose(account, user), id, request.code()), null);
	}

	/** Sends a new verification code. */
	@PostMapping("/contact-methods/{id}/code")
	ContactMethodView newCode(@PathVariable String account, @PathVariable UUID id, @AuthenticationPrincipal FirebreakUser user) {
		return ContactMethodView.of(methods.newCode(whose(account, user), id), null);
	}

	/** Sends a test message now and answers with its row in the delivery log. */
	@PostMapping("/contact-methods/{id}/test")
	ResponseEntity<TestView> test(@PathVariable String account, @PathVariable UUID id,
			@AuthenticationPrincipal FirebreakUser user) {
		var row = methods.test(whose(account, user), id);
		return ResponseEntity.status(HttpStatus.CREATED).body(new TestView(row.id(), row.status(), row.contactType(),
				Addresses.mask(row.contactType(), row.address()), row.attempts(), row.providerAnswer(), row.createdAt(),
				row.sentAt()));
	}

	@GetMapping("/notification-rules")
	Page<RuleView> rules(@PathVariable String account, @AuthenticationPrincipal FirebreakUser user) {
		var accountId = whose(account, user);
		var byId = new HashMap<UUID, ContactMethod>();
		methods.of(accountId).forEach(m -> byId.put(m.id(), m));
		var items = methods.rules(accountId).stream().map(rule -> RuleView.of(rule, byId.get(rule.contactMethodId()))).toList();
		return new Page<>(items, items.size());
	}

	@PostMapping("/notification-rules")
	ResponseEntity<RuleView> addRule(@PathVariable String account, @RequestBody NewRule request,
			@AuthenticationPrincipal FirebreakUser user) {
		var accountId = whose(account, user);
		var rule = methods.addRule(accountId, request.urgency(), request.contactMethodId(), request.delayMinutes());
		return ResponseEntity.created(URI.create("/api/v1/accounts/" + accountId + "/notification-rules/" + rule.id()))
			.body(RuleView.of(rule, methods.owned(accountId, rule.contactMethodId())));
	}

	@DeleteMapping("/notification-rules/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteRule(@PathVariable String account, @PathVariable UUID id, @AuthenticationPrincipal FirebreakUser user) {
		methods.deleteRule(whose(account, user), id);
	}

	/** {@code me}, or another person's id, which only an administrator may name. */
	private UUID whose(String account, FirebreakUser user) {
		if ("me".equals(account)) {
			return user.id();
		}
		UUID id;
		try {
			id = UUID.fromString(account);
		}
		catch (IllegalArgumentException e) {
			throw Problems.notFound("No account " + account + "; use 'me' or an account id");
		}
		if (!id.equals(user.id()) && !user.isAdmin()) {
			throw Problems.problem(HttpStatus.FORBIDDEN, "Not allowed",
					"Only administrators manage another person's contact methods and rules; yours are under /api/v1/accounts/me",
					java.util.Map.of());
		}
		if (accounts.find(id).isEmpty()) {
			throw Problems.notFound("No account " + id + "; GET /api/v1/accounts lists them");
		}
		return id;
	}

	record NewContactMethod(ContactType type, String address, String label) {
	}

	record VerifyRequest(String code) {
	}

	record NewRule(Urgency urgency, UUID contactMethodId, Integer delayMinutes) {
	}

	/** @param secret a webhook's signing secret, in the answer that created it only */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ContactMethodView(UUID id, UUID accountId, ContactType type, String address, String label, boolean verified,
			Instant verifiedAt, Instant createdAt, String secret) {

		static ContactMethodView of(ContactMethod m, String secret) {
			return new ContactMethodView(m.id(), m.accountId(), m.type(), m.address(), m.label(), m.verified(),
					m.verifiedAt(), m.createdAt(), secret);
		}
	}

	record RuleView(UUID id, Urgency urgency, UUID contactMethodId, ContactType contactType, String label,
			int delayMinutes, Instant createdAt) {

		static RuleView of(NotificationRule rule, ContactMethod method) {
			return new RuleView(rule.id(), rule.urgency(), rule.contactMethodId(), method == null ? null : method.type(),
					method == null ? null : method.label(), rule.delayMinutes(), rule.createdAt());
		}
	}

	record TestView(UUID id, DeliveryStatus status, ContactType contactType, String address, int attempts,
			String providerAnswer, Instant createdAt, Instant sentAt) {
	}
}
