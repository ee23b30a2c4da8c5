package dev.firebreak.identity.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.firebreak.Problems;
import dev.firebreak.identity.Account;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.identity.Role;

/** Accounts and the API tokens people sign their requests with. */
@Service
class IdentityService {

	static final String TOKEN_PREFIX = "fbk_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccountStore accounts;

	private final TokenStore tokens;

	private final AuditStore audit;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final String dummyHash;

	IdentityService(AccountStore accounts, TokenStore tokens, AuditStore audit, PasswordEncoder passwords, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.audit = audit;
		this.passwords = passwords;
		this.clock = clock;
		this.dummyHash = passwords.encode(randomString(16));
	}

	@Transactional
	Account create(String email, String displayName, String timeZone, Role role, String password) {
		var zone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.trim();
		try {
			ZoneId.of(zone);
		}
		catch (DateTimeException e) {
			throw Problems.invalid("/time_zone", "'" + zone + "' is not a time zone; use an IANA name like Europe/Berlin or UTC");
		}
		if (accounts.emailTaken(email)) {
			throw Problems.conflict("An account with e-mail " + AccountStore.normalise(email) + " already exists");
		}
		var account = new Account(UUID.randomUUID(), AccountStore.normalise(email), displayName.trim(), zone, role,
				clock.instant());
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

	/** Checks a password and issues a new API token, whose secret is returned this once only. */
	@Transactional
	Optional<IssuedToken> issueToken(String email, String password, String name) {
		var user = accounts.findUserByEmail(email)
			.filter(candidate -> passwords.matches(password, candidate.getPassword()));
		if (user.isEmpty()) {
			// the same work whether or not the account exists, so timing does not reveal it
			passwords.matches(password, dummyHash);
			return Optional.empty();
		}
		var secret = TOKEN_PREFIX + randomString(32);
		var token = new TokenStore.ApiToken(UUID.randomUUID(), user.get().id(),
				name == null || name.isBlank() ? "API token" : name.trim(), clock.instant(), null);
		tokens.insert(token, hash(secret));
		audit.record(user.get().id(), user.get().getUsername(), "token.created", "api_token", token.id().toString(),
				token.name());
		return Optional.of(new IssuedToken(token, secret));
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

	/** Tokens are long random secrets, so one round of SHA-256 protects them; BCrypt is for passwords. */
	static String hash(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	record IssuedToken(TokenStore.ApiToken token, String secret) {
	}
}
