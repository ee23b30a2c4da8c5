package dev.firebreak.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Repository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.firebreak.identity.AuditLog;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Sql;

@Repository
class AuditStore implements AuditLog {

	static final String SIGN_IN_REFUSED = "sign_in.refused";

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void record(String action, String targetType, String targetId, String detail) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		var user = authentication != null && authentication.getPrincipal() instanceof FirebreakUser u ? u : null;
		record(user == null ? null : user.id(), user == null ? "system" : user.getUsername(), action, targetType,
				targetId, detail);
	}

	/** For the moments before anyone is signed in: the first start, a sign-in itself. */
	void record(UUID actorId, String actor, String action, String targetType, String targetId, String detail) {
		jdbc.sql("""
				insert into identity_audit (id, at, actor_id, actor, action, target_type, target_id, detail, address)
				values (:id, :at, :actorId, :actor, :action, :targetType, :targetId, :detail, :address)""")
			.param("id", UUID.randomUUID())
			.param("at", Sql.timestamp(clock.instant()))
			.param("actorId", actorId)
			.param("actor", actor)
			.param("action", action)
			.param("targetType", targetType)
			.param("targetId", targetId)
			.param("detail", detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...")
			.param("address", currentAddress())
			.update();
	}

	Page<Entry> list(Page.Request page) {
		var items = jdbc.sql("select * from identity_audit order by seq desc limit :limit offset :offset")
			.param("limit", page.size()).param("offset", page.offset())
			.query((rs, n) -> new Entry(Sql.uuid(rs, "id"), Sql.instant(rs, "at"), Sql.uuid(rs, "actor_id"),
					rs.getString("actor"), rs.getString("action"), rs.getString("target_type"),
					rs.getString("target_id"), rs.getString("detail"), rs.getString("address")))
			.list();
		var total = jdbc.sql("select count(*) from identity_audit").query(Long.class).single();
		return new Page<>(items, total);
	}

	/** How often sign-ins for this e-mail from the current address were refused since {@code since}. */
	long refusedSignIns(String email, Instant since) {
		return jdbc.sql("""
				select count(*) from identity_audit
				where action = :action and target_id = :email and at >= :since and address = :address""")
			.param("action", SIGN_IN_REFUSED).param("email", email).param("since", Sql.timestamp(since))
			.param("address", currentAddress() == null ? "" : currentAddress())
			.query(Long.class).single();
	}

	void signInRefused(String email, String how) {
		record(null, "anonymous", SIGN_IN_REFUSED, "account", email, "wrong e-mail or password (" + how + ")");
	}

	static String currentAddress() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? address(attributes.getRequest()) : null;
	}

	private static String address(HttpServletRequest request) {
		return request.getRemoteAddr();
	}

	record Entry(UUID id, Instant at, UUID actorId, String actor, String action, String targetType, String targetId,
			String detail, String address) {
	}
}
