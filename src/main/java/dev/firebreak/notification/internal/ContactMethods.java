package dev.firebreak.notification.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.ErrorResponseException;

import dev.firebreak.identity.AuditLog;
import dev.firebreak.notification.ContactType;
import dev.firebreak.notification.DeliveryStatus;
import dev.firebreak.notification.Urgency;
import dev.firebreak.platform.Problems;
import dev.firebreak.platform.Secrets;
import dev.firebreak.platform.StandardWebhooks;
import dev.firebreak.platform.Text;

/**
 * A person's contact methods and rules: added, verified with a code sent through the method
 * itself, tested, removed. Every change is audited in its transaction.
 */
@Component
class ContactMethods {

	static final int LABEL_MAX = 100;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int CODE_DIGITS = 6;

	private final ContactMethodStore store;

	private final DeliveryStore deliveries;

	private final ChannelDirectory directory;

	private final NotificationSettings settings;

	private final Secrets secrets;

	private final AuditLog audit;

	private final Clock clock;

	private final TransactionOperations transactions;

	ContactMethods(ContactMethodStore store, DeliveryStore deliveries, ChannelDirectory directory,
			NotificationSettings settings, Secrets secrets, AuditLog audit, Clock clock, TransactionOperations transactions) {
		this.store = store;
		this.deliveries = deliveries;
		this.directory = directory;
		this.settings = settings;
		this.secrets = secrets;
		this.audit = audit;
		this.clock = clock;
		this.transactions = transactions;
	}

	/** A new method and, for a webhook, its signing secret (shown this once). */
	record Created(ContactMethod method, String secret) {
	}

	/**
	 * Adds a method and sends it a verification code through its own channel. When there is no
	 * channel for the type, or it cannot take the code, nothing is kept.
	 */
	@Transactional
	Created create(UUID accountId, ContactType type, String address, String label) {
		if (type == null) {
			throw Problems.invalid("/type", "type is required: one of email, sms, voice, slack_dm, webhook");
		}
		var valid = Addresses.valid(type, address);
		var name = Text.optional("/label", label, LABEL_MAX);
		var channel = directory.channel(type)
			.orElseThrow(() -> Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "No channel", ChannelDirectory.noChannel(type),
					Map.of()));
		if (store.exists(accountId, type, valid)) {
			throw Problems.conflict("You already have this " + type + " contact method (" + valid + ")");
		}
		var secret = type == ContactType.WEBHOOK ? StandardWebhooks.newSecret(RANDOM) : null;
		var now = clock.instant();
		var id = UUID.randomUUID();
		var code = code();
		var method = new ContactMethod(id, accountId, type, valid, name == null || name.isEmpty() ? type.toString() : name,
				secret == null ? null : secrets.encrypt(secret), null, codeHash(id, code),
				now.plus(settings.verification().codeValidFor()), 0, now);
		store.insert(method);
		audit.record("contact_method.created", "contact_method", id.toString(),
				type + " " + Addresses.mask(type, valid) + " of account " + accountId);
		try {
			channel.send(new Destination(type, valid, secret), MessageWriter.verification(code));
		}
		catch (DeliveryException e) {
			throw Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Code not sent",
					"The verification code could not be sent to " + valid + " (" + e.getMessage()
							+ "); nothing was saved. Check the address and try again.",
					Map.of());
		}
		return new Created(method, secret);
	}

	/** Sends a new code (the old one stops working), with a fresh count of tries. */
	@Transactional
	ContactMethod newCode(UUID accountId, UUID id) {
		var method = owned(accountId, id);
		if (method.verified()) {
			throw Problems.conflict("This contact method is verified already");
		}
		var channel = directory.channel(method.type())
			.orElseThrow(() -> Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "No channel",
					ChannelDirectory.noChannel(method.type()), Map.of()));
		var code = code();
		store.newCode(id, codeHash(id, code), clock.instant().plus(settings.verification().codeValidFor()));
		audit.record("contact_method.code_sent", "contact_method", id.toString(), "a new verification code");
		try {
			channel.send(destination(method), MessageWriter.verification(code));
		}
		catch (DeliveryException e) {
			throw Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Code not sent",
					"The code could not be sent (" + e.getMessage() + "); try again.", Map.of());
		}
		return store.find(id).orElseThrow();
	}

	/**
	 * Checks a code. A wrong one counts against the tries even though it is refused, so this
	 * commits on refusal too.
	 */
	@Transactional(noRollbackFor = ErrorResponseException.class)
	ContactMethod verify(UUID accountId, UUID id, String code) {
		owned(accountId, id);
		var method = store.lock(id).orElseThrow();
		if (method.verified()) {
			return method;
		}
		if (code == null || code.isBlank()) {
			throw Problems.invalid("/code", "code is required: the " + CODE_DIGITS + "-digit code sent to " + method.address());
		}
		var max = settings.verification().maxAttempts();
		if (method.codeHash() == null || method.codeAttempts() >= max) {
			throw Problems.invalid("/code", "Too many wrong codes; ask for a new one (POST …/contact-methods/" + id + "/code)");
		}
		if (!clock.instant().isBefore(method.codeExpiresAt())) {
			throw Problems.invalid("/code", "The code expired; ask for a new one (POST …/contact-methods/" + id + "/code)");
		}
		if (!codeHash(id, code.strip()).equals(method.codeHash())) {
			store.wrongCode(id);
			audit.record("contact_method.verification_failed", "contact_method", id.toString(), "a wrong code");
			var left = max - method.codeAttempts() - 1;
			throw Problems.invalid("/code", "That is not the code that was sent; " + (left > 0 ? left + " tries left"
					: "no tries left, ask for a new one (POST …/contact-methods/" + id + "/code)"));
		}
		store.verified(id, clock.instant());
		audit.record("contact_method.verified", "contact_method", id.toString(),
				method.type() + " " + Addresses.mask(method.type(), method.address()));
		return store.find(id).orElseThrow();
	}

	@Transactional
	void delete(UUID accountId, UUID id) {
		var method = owned(accountId, id);
		store.delete(id);
		audit.record("contact_method.deleted", "contact_method", id.toString(),
				method.type() + " " + Addresses.mask(method.type(), method.address()) + " of account " + accountId);
	}

	/** Sends a test message now, to any method of the person's (verified or not), and logs it. */
	DeliveryRow test(UUID accountId, UUID id) {
		var method = owned(accountId, id);
		var channel = directory.channel(method.type())
			.orElseThrow(() -> Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "No channel",
					ChannelDirectory.noChannel(method.type()), Map.of()));
		var now = clock.instant();
		var row = new DeliveryRow(UUID.randomUUID(), "test:" + id + ":" + UUID.randomUUID(), DeliveryRow.Kind.TEST, null, 0,
				null, null, accountId, null, id, method.type(), method.address(), "Firebreak test message",
				"This is a test message from Firebreak to your contact method '" + method.label()
						+ "'. Pages will reach you here" + (method.verified() ? "." : " once it is verified."),
				null, null, null, DeliveryStatus.SENDING, 1, null, null, now, now, null, null);
		transactions.executeWithoutResult(tx -> {
			deliveries.insert(row);
			audit.record("contact_method.tested", "contact_method", id.toString(),
					method.type() + " " + Addresses.mask(method.type(), method.address()));
		});
		try {
			var answer = channel.send(destination(method), new OutboundMessage(row.title(), row.body(), row.body(), null,
					null, null));
			deliveries.sent(List.of(row.id()), answer, UUID.randomUUID(), clock.instant());
		}
		catch (DeliveryException e) {
			deliveries.failed(row.id(), DeliveryStatus.SENDING, e.getMessage());
		}
		return deliveries.find(row.id()).orElseThrow();
	}

	List<ContactMethod> of(UUID accountId) {
		return store.of(accountId);
	}

	// ---- rules ----

	@Transactional
	NotificationRule addRule(UUID accountId, Urgency urgency, UUID methodId, Integer delayMinutes) {
		if (urgency == null) {
			throw Problems.invalid("/urgency", "urgency is required: high or low");
		}
		if (methodId == null) {
			throw Problems.invalid("/contact_method_id", "contact_method_id is required: GET …/contact-methods lists yours");
		}
		var max = settings.maxRuleDelay().toMinutes();
		if (delayMinutes == null || delayMinutes < 0 || delayMinutes > max) {
			throw Problems.invalid("/delay_minutes", "delay_minutes must be between 0 (at once) and " + max);
		}
		var method = store.find(methodId).filter(m -> m.accountId().equals(accountId)).orElseThrow(() -> Problems
			.invalid("/contact_method_id", "No contact method " + methodId + " of this person; GET …/contact-methods lists them"));
		if (store.ruleExists(accountId, urgency, methodId, delayMinutes)) {
			throw Problems.conflict("This rule exists already");
		}
		var rule = new NotificationRule(UUID.randomUUID(), accountId, urgency, methodId, delayMinutes, clock.instant());
		store.insert(rule);
		audit.record("notification_rule.created", "notification_rule", rule.id().toString(),
				urgency + ": " + method.type() + " '" + method.label() + "' after " + delayMinutes + " min");
		return rule;
	}

	@Transactional
	void deleteRule(UUID accountId, UUID id) {
		var rule = store.rule(id).filter(r -> r.accountId().equals(accountId))
			.orElseThrow(() -> Problems.notFound("No notification rule " + id + " of this person"));
		store.deleteRule(id);
		audit.record("notification_rule.deleted", "notification_rule", id.toString(),
				rule.urgency() + " after " + rule.delayMinutes() + " min");
	}

	List<NotificationRule> rules(UUID accountId) {
		return store.rules(accountId);
	}

	ContactMethod owned(UUID accountId, UUID id) {
		return store.find(id).filter(m -> m.accountId().equals(accountId))
			.orElseThrow(() -> Problems.notFound("No contact method " + id + " of this person; GET …/contact-methods lists them"));
	}

	private Destination destination(ContactMethod method) {
		return new Destination(method.type(), method.address(),
				method.secret() == null ? null : secrets.decrypt(method.secret()));
	}

	private static String codeHash(UUID id, String code) {
		return Secrets.fingerprint(id + ":" + code);
	}

	private static String code() {
		var bound = (int) Math.pow(10, CODE_DIGITS);
		return String.format("%0" + CODE_DIGITS + "d", RANDOM.nextInt(bound));
	}

}
