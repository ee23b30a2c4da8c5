package dev.firebreak.identity.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.firebreak.identity.WorkingHours;
import dev.firebreak.identity.WorkingHoursBook;
import dev.firebreak.platform.FirebreakPolicy;
import dev.firebreak.platform.Sql;

/** People's own working hours; the policy's business hours for everyone else. */
@Repository
class WorkingHoursStore implements WorkingHoursBook {

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	private final FirebreakPolicy policy;

	private final Clock clock;

	WorkingHoursStore(JdbcClient jdbc, FirebreakPolicy policy, Clock clock) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.clock = clock;
	}

	@Override
	public Map<UUID, WorkingHours> of(Collection<UUID> accountIds) {
		var ids = List.copyOf(new LinkedHashSet<>(accountIds));
		var found = new HashMap<UUID, WorkingHours>();
		for (int i = 0; i < ids.size(); i += CHUNK) {
			var chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
			jdbc.sql("select a.id, w.start_time, w.end_time, w.days from identity_account a "
					+ "left join identity_working_hours w on w.account_id = a.id where a.id in (:ids)")
				.param("ids", chunk)
				.query(rs -> {
					var start = rs.getString("start_time");
					found.put(Sql.uuid(rs, "id"), start == null ? defaults()
							: new WorkingHours(LocalTime.parse(start), LocalTime.parse(rs.getString("end_time")),
									days(rs.getString("days")), true));
				});
		}
		return found;
	}

	Optional<WorkingHours> own(UUID accountId) {
		return Optional.ofNullable(of(List.of(accountId)).get(accountId)).filter(WorkingHours::own);
	}

	WorkingHours defaults() {
		var hours = policy.businessHours();
		return new WorkingHours(hours.start(), hours.end(), hours.days(), false);
	}

	void save(UUID accountId, WorkingHours hours) {
		var days = hours.days().stream().map(DayOfWeek::getValue).sorted().map(String::valueOf)
			.collect(Collectors.joining(","));
		var updated = jdbc.sql("""
				update identity_working_hours set start_time = :start, end_time = :end, days = :days, updated_at = :at
				where account_id = :account""")
			.param("start", hours.start().toString()).param("end", hours.end().toString()).param("days", days)
			.param("at", Sql.timestamp(clock.instant())).param("account", accountId).update();
		if (updated == 0) {
			jdbc.sql("""
					insert into identity_working_hours (account_id, start_time, end_time, days, updated_at)
					values (:account, :start, :end, :days, :at)""")
				.param("start", hours.start().toString()).param("end", hours.end().toString()).param("days", days)
				.param("at", Sql.timestamp(clock.instant())).param("account", accountId).update();
		}
	}

	boolean clear(UUID accountId) {
		return jdbc.sql("delete from identity_working_hours where account_id = :account").param("account", accountId)
			.update() == 1;
	}

	private static Set<DayOfWeek> days(String stored) {
		return Arrays.stream(stored.split(",")).map(day -> DayOfWeek.of(Integer.parseInt(day))).collect(Collectors.toSet());
	}
}
