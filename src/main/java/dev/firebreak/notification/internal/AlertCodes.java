package dev.firebreak.notification.internal;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.firebreak.platform.Sql;

/**
 * The code a reply names an alert by: {@code A} and a number from a sequence ({@code A7}), given
 * to an alert the first time a page about it is written, the same for every person and message.
 * The letter keeps it apart from an incident's number ("Reply 42" is INC-42).
 */
@Repository
class AlertCodes {

	static final String PREFIX = "A";

	/** {@code A7}, {@code a-7}, {@code alert 7}: how a person may type it. */
	static final Pattern CODE = Pattern.compile("a(?:lert)?\\s*-?\\s*(\\d{1,18})");

	private final JdbcClient jdbc;

	private final Clock clock;

	AlertCodes(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The alert's code, given now if it has none; two instances asking at once get the same one. */
	String codeOf(UUID alertId) {
		jdbc.sql("""
				insert into notification_alert_code (alert_id, code, created_at)
				values (:alert, nextval('notification_alert_code_seq'), :at) on conflict do nothing""")
			.param("alert", alertId).param("at", Sql.timestamp(clock.instant())).update();
		return PREFIX + jdbc.sql("select code from notification_alert_code where alert_id = :alert").param("alert", alertId)
			.query(Long.class).single();
	}

	/** The alert a code names ({@code A7}, {@code a7}); empty for a code never given or not one of ours. */
	Optional<UUID> alertOf(String code) {
		var matcher = CODE.matcher(code == null ? "" : code.strip().toLowerCase(Locale.ROOT));
		if (!matcher.matches()) {
			return Optional.empty();
		}
		// at most 18 digits: always a long
		return jdbc.sql("select alert_id from notification_alert_code where code = :code")
			.param("code", Long.parseLong(matcher.group(1)))
			.query(UUID.class).optional();
	}
}
