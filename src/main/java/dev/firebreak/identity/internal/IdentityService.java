package dev.firebreak.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

import dev.firebreak.identity.Account;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.identity.Role;
import dev.firebreak.platform.Problems;
import dev.firebreak.platform.Secrets;
import dev.firebreak.platform.Text;

/** Accounts and the API tokens people sign their requests with. */
@Service
class IdentityService {

	static final String TOKEN_PREFIX = "fbk_";

	static final int BCRYPT_MAX_BYTES = 72;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccountStore accounts;

	private final TokenStore tokens;

	private final AuditStore audit;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final TransactionOperations transactions;

	private final SignInThrottle throttle;

	private final String dummyHash;

	IdentityService(AccountStore accounts, TokenStore tokens, AuditStore audit, PasswordEncoder passwords, Clock clock,
			TransactionOperations transactions, SignInThrottle throttle) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.audit = audit;
		this.passwords = passwords;
		this.clock = clock;
		this.transactions = transactions;
		this.throttle = throttle;
		this.dummyHash = passwords.encode(randomString(16));
	}

	@Transactional
	Account create(String email, String displayName, String timeZone, Role role, String password) {
		var zone = Text.timeZone("/time_zone", timeZone);
		var name = Text.required("/display_name", displayName, 200, "the name people see on incidents");
		checkPasswordLength("/password", password);
		if (accounts.emailTaken(email)) {
			throw Problems.conflict("An account with e-mail " + AccountStore.normalise(email) + " already exists");
		}
		var account = new Account(UUID.randomUUID(), AccountStore.normalise(email), name, zone, role, clock.instant());
		accounts.insert(account, passwords.encode(password));
		audit.record("account.created", "account", account.id().toString(),
				account.email() + " as " + role);
		return account;
	}

	/** The admin of a fresh installation: nobody is signed in yet, so the system is the actor. */
	@Transactional
	Optional<Account> createFirstAdmin(String email, String password) {
		if (accounts.count() > 0) {
			return Optional.empty();
		}
		var account = new Account(UUID.randomUUID(), AccountStore.normalise(email), "Administrator", "UTC", Role.ADMIN,
				clock.instant());
		accounts.insert(account, passwords.encode(password));
		audit.record(null, "system", "account.created", "account", account.id().toString(),
				"first administrator " + account.email());
		return Optional.of(account);
	}

	/**
	 * Checks a password and issues a new API token, whose secret is returned this once only. The
	 * password is checked outside any transaction: BCrypt is slow on purpose, and a stream of
	 * wrong guesses must not hold database connections. Refusals are audited, so guessing shows.
	 */
	Optional<IssuedToken> issueToken(String email, String password, String name) {
		throttle.check(AccountStore.normalise(email));
		var tooLong = password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES;
		var user = accounts.findUserByEmail(email)
			.filter(candidate -> !tooLong && passwords.matches(password, candidate.getPassword()));
		if (user.isEmpty()) {
			// the same work whether or not the account exists, so timing does not reveal it
			if (!tooLong) {
				passwords.matches(password, dummyHash);
			}
			transactions.executeWithoutResult(status -> audit.signInRefused(AccountStore.normalise(email), "API token"));
			return Optional.empty();
		}
		var secret = TOKEN_PREFIX + randomString(32);
		var token = new TokenStore.ApiToken(UUID.randomUUID(), user.get().id(),
				name == null || name.isBlank() ? "API token" : name.trim(), clock.instant(), null);
		transactions.executeWithoutResult(status -> {
			tokens.insert(token, hash(secret));
			audit.record(user.get().id(), user.get().getUsername(), "token.created", "api_token",
					token.id().toString(), token.name());
		});
		return Optional.of(new IssuedToken(token, secret));
	}

	/** BCrypt reads at most 72 bytes of a password; a longer one is refused rather than cut short. */
	static void checkPasswordLength(String pointer, String password) {
		if (password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
			throw Problems.invalid(pointer, "password is longer than " + BCRYPT_MAX_BYTES
					+ " bytes, the most that is used of it; choose a shorter passphrase");
		}
	}

	Optional<FirebreakUser> authenticate(String secret) {
		return tokens.accountOf(hash(secret))
			.flatMap(accounts::find)
			.map(account -> new FirebreakUser(account, ""));
	}

	@Transactional
	void revoke(UUID tokenId, FirebreakUser by) {
		var token = tokens.find(tokenId).filter(t -> by.isAdmin() || t.accountId().equals(by.id()))
			.orElseThrow(() -> Problems.notFound("No API token " + tokenId + " of yours; GET /api/v1/tokens lists them"));
		if (tokens.revoke(token.id(), clock.instant())) {
			audit.record("token.revoked", "api_token", token.id().toString(), token.name());
		}
	}

	static String randomString(int bytes) {
		var buffer = new byte[bytes];
		RANDOM.nextBytes(buffer);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
	}

	static String hash(String secret) {
		return Secrets.fingerprint(secret);
	}

	record IssuedToken(TokenStore.ApiToken token, String secret) {
	}
}
