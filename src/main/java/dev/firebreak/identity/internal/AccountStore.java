package dev.firebreak.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.firebreak.identity.Account;
import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.identity.Role;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Sql;

@Repository
public class AccountStore implements Accounts {

	private static final String COLUMNS = "id, email, display_name, time_zone, role, password_hash, created_at";

	private final JdbcClient jdbc;

	AccountStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Account account, String passwordHash) {
		jdbc.sql("""
				insert into identity_account (id, email, display_name, time_zone, role, password_hash, created_at)
				values (:id, :email, :displayName, :timeZone, :role, :passwordHash, :createdAt)""")
			.param("id", account.id())
			.param("email", normalise(account.email()))
			.param("displayName", account.displayName())
			.param("timeZone", account.timeZone())
			.param("role", account.role().name())
			.param("passwordHash", passwordHash)
			.param("createdAt", Sql.timestamp(account.createdAt()))
			.update();
	}

	long count() {
		return jdbc.sql("select count(*) from identity_account").query(Long.class).single();
	}

	boolean emailTaken(String email) {
		return jdbc.sql("select count(*) from identity_account where email = :email")
			.param("email", normalise(email)).query(Long.class).single() > 0;
	}

	Optional<FirebreakUser> findUserByEmail(String email) {
		return jdbc.sql("select " + COLUMNS + " from identity_account where email = :email")
			.param("email", normalise(email))
			.query((rs, n) -> new FirebreakUser(account(rs), rs.getString("password_hash")))
			.optional();
	}

	@Override
	public Optional<Account> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from identity_account where id = :id")
			.param("id", id).query((rs, n) -> account(rs)).optional();
	}

	@Override
	public Map<UUID, Account> findAll(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select " + COLUMNS + " from identity_account where id in (:ids)")
			.param("ids", List.copyOf(ids))
			.query((rs, n) -> account(rs)).list().stream()
			.collect(Collectors.toMap(Account::id, Function.identity()));
	}

	@Override
	public List<Account> all() {
		return jdbc.sql("select " + COLUMNS + " from identity_account order by display_name, email")
			.query((rs, n) -> account(rs)).list();
	}

	Page<Account> list(Page.Request page) {
		var items = jdbc.sql("select " + COLUMNS + " from identity_account order by display_name, email limit :limit offset :offset")
			.param("limit", page.size()).param("offset", page.offset())
			.query((rs, n) -> account(rs)).list();
		return new Page<>(items, count());
	}

	static String normalise(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

	private static Account account(ResultSet rs) throws SQLException {
		return new Account(Sql.uuid(rs, "id"), rs.getString("email"), rs.getString("display_name"),
				rs.getString("time_zone"), Role.valueOf(rs.getString("role")), Sql.instant(rs, "created_at"));
	}
}
