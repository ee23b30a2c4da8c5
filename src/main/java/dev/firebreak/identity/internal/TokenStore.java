package dev.firebreak.identity.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.firebreak.platform.Page;
import dev.firebreak.platform.Sql;

@Repository
class TokenStore {

	private final JdbcClient jdbc;

	TokenStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ApiToken token, String tokenHash) {
		jdbc.sql("""
				insert into identity_api_token (id, account_id, name, token_hash, created_at)
				values (:id, :accountId, :name, :hash, :createdAt)""")
			.param("id", token.id()).param("accountId", token.accountId()).param("name", token.name())
			.param("hash", tokenHash).param("createdAt", Sql.timestamp(token.createdAt()))
			.update();
	}

	/** The account behind a token that has not been revoked. */
	Optional<UUID> accountOf(String tokenHash) {
		return jdbc.sql("select account_id from identity_api_token where token_hash = :hash and revoked_at is null")
			.param("hash", tokenHash).query(UUID.class).optional();
	}

	/** One page of an account's tokens, newest first. */
	Page<ApiToken> listFor(UUID accountId, Page.Request page) {
		var items = jdbc.sql("""
				select * from identity_api_token where account_id = :accountId
				order by created_at desc, id limit :limit offset :offset""")
			.param("accountId", accountId).param("limit", page.size()).param("offset", page.offset())
			.query((rs, n) -> token(rs))
			.list();
		var total = jdbc.sql("select count(*) from identity_api_token where account_id = :accountId")
			.param("accountId", accountId).query(Long.class).single();
		return new Page<>(items, total);
	}

	Optional<ApiToken> find(UUID id) {
		return jdbc.sql("select * from identity_api_token where id = :id")
			.param("id", id).query((rs, n) -> token(rs))
			.optional();
	}

	boolean revoke(UUID id, Instant at) {
		return jdbc.sql("update identity_api_token set revoked_at = :at where id = :id and revoked_at is null")
			.param("id", id).param("at", Sql.timestamp(at)).update() == 1;
	}

	private static ApiToken token(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new ApiToken(Sql.uuid(rs, "id"), Sql.uuid(rs, "account_id"), rs.getString("name"),
				Sql.instant(rs, "created_at"), Sql.instant(rs, "revoked_at"));
	}

	/** A token as listed: never the secret itself, which is shown once when it is made. */
	record ApiToken(UUID id, UUID accountId, String name, Instant createdAt, Instant revokedAt) {
	}
}
