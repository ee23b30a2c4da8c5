package dev.firebreak.oncall.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.firebreak.identity.AuditLog;
import dev.firebreak.platform.Secrets;
import dev.firebreak.platform.Sql;

/**
 * The secret addresses of calendar feeds, one per schedule and one per person. The token in the
 * address is the credential (calendar apps cannot sign in): 256 random bits, found by its hash,
 * shown again to the people allowed to see it by decrypting it, replaced on request (the old
 * address stops working at once). A schedule's feed gets its address with the schedule; a
 * person's the first time they ask the API for it, or press the button on the on-call page.
 */
@Component
class CalendarFeeds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int TOKEN_BYTES = 32;

	private final JdbcClient jdbc;

	private final Secrets secrets;

	private final AuditLog audit;

	private final Clock clock;

	private final String baseUrl;

	CalendarFeeds(JdbcClient jdbc, Secrets secrets, AuditLog audit, Clock clock,
			@Value("${firebreak.base-url}") String baseUrl) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.audit = audit;
		this.clock = clock;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	enum Kind {
		SCHEDULE("schedules"), PERSON("people");

		final String path;

		Kind(String path) {
			this.path = path;
		}

		String key() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** A feed's address and when it was last replaced. */
	record FeedUrl(String url, Instant rotatedAt) {
	}

	/** The feed a token opens. */
	record Feed(Kind kind, UUID subjectId) {
	}

	/** The address of this feed, issued now (and audited) if it has none yet. */
	@Transactional
	FeedUrl url(Kind kind, UUID subjectId) {
		return existing(kind, subjectId).orElseGet(() -> {
			if (issue(kind, subjectId)) {
				audit.record("calendar.url_issued", targetType(kind), subjectId.toString(), "calendar feed of a " + what(kind));
			}
			return existing(kind, subjectId).orElseThrow();
		});
	}

	/** The address of this feed, if it has one: for pages, which never issue one while being read. */
	Optional<FeedUrl> existing(Kind kind, UUID subjectId) {
		return jdbc.sql("select token_ciphertext, rotated_at from oncall_calendar_feed where kind = :kind and subject_id = :subject")
			.param("kind", kind.key()).param("subject", subjectId)
			.query((rs, n) -> new FeedUrl(baseUrl + "/calendar/" + kind.path + "/"
					+ secrets.decrypt(rs.getString("token_ciphertext")) + ".ics", Sql.instant(rs, "rotated_at")))
			.optional();
	}

	/**
	 * Gives this feed an address unless it has one, in the caller's transaction (which audits it).
	 *
	 * @return whether this call issued it
	 */
	boolean issue(Kind kind, UUID subjectId) {
		var token = newToken();
		var now = clock.instant();
		// on conflict: someone else asked at the same moment, and their address stands
		return jdbc.sql("""
				insert into oncall_calendar_feed (id, kind, subject_id, token_hash, token_ciphertext, created_at, rotated_at)
				values (:id, :kind, :subject, :hash, :ciphertext, :now, :now) on conflict do nothing""")
			.param("id", UUID.randomUUID()).param("kind", kind.key()).param("subject", subjectId)
			.param("hash", Secrets.fingerprint(token)).param("ciphertext", secrets.encrypt(token))
			.param("now", Sql.timestamp(now)).update() == 1;
	}

	/** A new address for this feed (its first, if it has none); the old one stops working. Audited. */
	@Transactional
	FeedUrl rotate(Kind kind, UUID subjectId) {
		if (existing(kind, subjectId).isEmpty() && issue(kind, subjectId)) {
			audit.record("calendar.url_issued", targetType(kind), subjectId.toString(), "calendar feed of a " + what(kind));
			return existing(kind, subjectId).orElseThrow();
		}
		var token = newToken();
		jdbc.sql("""
				update oncall_calendar_feed set token_hash = :hash, token_ciphertext = :ciphertext, rotated_at = :now
				where kind = :kind and subject_id = :subject""")
			.param("kind", kind.key()).param("subject", subjectId).param("hash", Secrets.fingerprint(token))
			.param("ciphertext", secrets.encrypt(token)).param("now", Sql.timestamp(clock.instant())).update();
		audit.record("calendar.url_rotated", targetType(kind), subjectId.toString(),
				"calendar feed of a " + what(kind) + "; the old address stopped working");
		return existing(kind, subjectId).orElseThrow();
	}

	private static String targetType(Kind kind) {
		return kind == Kind.SCHEDULE ? "schedule" : "account";
	}

	private static String what(Kind kind) {
		return kind == Kind.SCHEDULE ? "schedule" : "person";
	}

	/** The feed this token opens, if any. */
	Optional<Feed> find(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("select kind, subject_id from oncall_calendar_feed where token_hash = :hash")
			.param("hash", Secrets.fingerprint(token))
			.query((rs, n) -> new Feed(Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
					Sql.uuid(rs, "subject_id")))
			.optional();
	}

	void forget(Kind kind, UUID subjectId) {
		jdbc.sql("delete from oncall_calendar_feed where kind = :kind and subject_id = :subject")
			.param("kind", kind.key()).param("subject", subjectId).update();
	}

	private static String newToken() {
		var bytes = new byte[TOKEN_BYTES];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
