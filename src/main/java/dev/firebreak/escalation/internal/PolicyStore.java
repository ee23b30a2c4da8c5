package dev.firebreak.escalation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.firebreak.escalation.EscalationLevel;
import dev.firebreak.escalation.EscalationPolicy;
import dev.firebreak.escalation.EscalationTarget;
import dev.firebreak.platform.Sql;

/** Escalation policies, their levels, targets and services, in the {@code escalation_*} tables. */
@Component
class PolicyStore {

	private final JdbcClient jdbc;

	PolicyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<EscalationPolicy> all() {
		return load(jdbc.sql("select id from escalation_policy order by name_key").query(UUID.class).list());
	}

	Optional<EscalationPolicy> find(UUID id) {
		return load(List.of(id)).stream().findFirst();
	}

	Optional<EscalationPolicy> forService(UUID serviceId) {
		return jdbc.sql("select policy_id from escalation_service_policy where service_id = :service")
			.param("service", serviceId)
			.query(UUID.class)
			.optional()
			.flatMap(this::find);
	}

	boolean nameTaken(String name, UUID except) {
		return jdbc.sql("select count(*) from escalation_policy where name_key = :key and id <> :except")
			.param("key", name.toLowerCase(java.util.Locale.ROOT))
			.param("except", except)
			.query(Long.class)
			.single() > 0;
	}

	/** The policies the services are attached to now, other than {@code except}: service id → policy name. */
	Map<UUID, String> attachedElsewhere(Collection<UUID> serviceIds, UUID except) {
		var attached = new LinkedHashMap<UUID, String>();
		if (serviceIds.isEmpty()) {
			return attached;
		}
		jdbc.sql("""
				select s.service_id, p.name from escalation_service_policy s join escalation_policy p on p.id = s.policy_id
				where s.service_id in (:services) and s.policy_id <> :except""")
			.param("services", serviceIds)
			.param("except", except)
			.query((rs, n) -> attached.put(Sql.uuid(rs, "service_id"), rs.getString("name")))
			.list();
		return attached;
	}

	void save(EscalationPolicy policy, Instant now, boolean isNew) {
		if (isNew) {
			jdbc.sql("""
					insert into escalation_policy (id, name, name_key, description, repeat, created_at, updated_at)
					values (:id, :name, :key, :description, :repeat, :now, :now)""")
				.param("id", policy.id())
				.param("name", policy.name())
				.param("key", policy.name().toLowerCase(java.util.Locale.ROOT))
				.param("description", policy.description())
				.param("repeat", policy.repeat())
				.param("now", Sql.timestamp(now))
				.update();
		}
		else {
			jdbc.sql("update escalation_policy set name = :name, name_key = :key, description = :description, repeat = :repeat, updated_at = :now where id = :id")
				.param("id", policy.id())
				.param("name", policy.name())
				.param("key", policy.name().toLowerCase(java.util.Locale.ROOT))
				.param("description", policy.description())
				.param("repeat", policy.repeat())
				.param("now", Sql.timestamp(now))
				.update();
			jdbc.sql("delete from escalation_target where policy_id = :id").param("id", policy.id()).update();
			jdbc.sql("delete from escalation_level where policy_id = :id").param("id", policy.id()).update();
			jdbc.sql("delete from escalation_service_policy where policy_id = :id").param("id", policy.id()).update();
		}
		for (int position = 0; position < policy.levels().size(); position++) {
			var level = policy.levels().get(position);
			jdbc.sql("insert into escalation_level (policy_id, position, delay_seconds) values (:policy, :position, :delay)")
				.param("policy", policy.id())
				.param("position", position)
				.param("delay", level.delay() == null ? null : level.delay().toSeconds())
				.update();
			for (var target : level.targets()) {
				jdbc.sql("""
						insert into escalation_target (policy_id, position, target_type, target_id)
						values (:policy, :position, :type, :target)""")
					.param("policy", policy.id())
					.param("position", position)
					.param("type", target.type().toString())
					.param("target", target.id())
					.update();
			}
		}
		for (var service : policy.serviceIds()) {
			jdbc.sql("delete from escalation_service_policy where service_id = :service").param("service", service).update();
			jdbc.sql("insert into escalation_service_policy (service_id, policy_id) values (:service, :policy)")
				.param("service", service)
				.param("policy", policy.id())
				.update();
		}
	}

	boolean delete(UUID id) {
		return jdbc.sql("delete from escalation_policy where id = :id").param("id", id).update() > 0;
	}

	private List<EscalationPolicy> load(List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		record Head(UUID id, String name, String description, int repeat, Instant createdAt) {
		}
		var heads = jdbc.sql("select * from escalation_policy where id in (:ids)")
			.param("ids", ids)
			.query((rs, n) -> new Head(Sql.uuid(rs, "id"), rs.getString("name"), rs.getString("description"),
					rs.getInt("repeat"), Sql.instant(rs, "created_at")))
			.list();
		var delays = new LinkedHashMap<UUID, List<Duration>>();
		jdbc.sql("select policy_id, position, delay_seconds from escalation_level where policy_id in (:ids) order by policy_id, position")
			.param("ids", ids)
			.query((rs, n) -> {
				var seconds = rs.getLong("delay_seconds");
				var delay = rs.wasNull() ? null : Duration.ofSeconds(seconds);
				delays.computeIfAbsent(Sql.uuid(rs, "policy_id"), k -> new ArrayList<>()).add(delay);
				return null;
			})
			.list();
		var targets = new LinkedHashMap<String, List<EscalationTarget>>();
		jdbc.sql("select * from escalation_target where policy_id in (:ids) order by policy_id, position, target_type, target_id")
			.param("ids", ids)
			.query((rs, n) -> targets.computeIfAbsent(Sql.uuid(rs, "policy_id") + "/" + rs.getInt("position"), k -> new ArrayList<>())
				.add(new EscalationTarget(EscalationTarget.Type.valueOf(rs.getString("target_type").toUpperCase()),
						Sql.uuid(rs, "target_id"))))
			.list();
		var services = new LinkedHashMap<UUID, List<UUID>>();
		jdbc.sql("select policy_id, service_id from escalation_service_policy where policy_id in (:ids) order by service_id")
			.param("ids", ids)
			.query((rs, n) -> services.computeIfAbsent(Sql.uuid(rs, "policy_id"), k -> new ArrayList<>())
				.add(Sql.uuid(rs, "service_id")))
			.list();
		var byId = new LinkedHashMap<UUID, EscalationPolicy>();
		for (var head : heads) {
			var levels = new ArrayList<EscalationLevel>();
			var levelDelays = delays.getOrDefault(head.id(), List.of());
			for (int position = 0; position < levelDelays.size(); position++) {
				levels.add(new EscalationLevel(levelDelays.get(position),
						List.copyOf(targets.getOrDefault(head.id() + "/" + position, List.of()))));
			}
			byId.put(head.id(), new EscalationPolicy(head.id(), head.name(), head.description(), head.repeat(),
					List.copyOf(levels), List.copyOf(services.getOrDefault(head.id(), List.of())), head.createdAt()));
		}
		return ids.stream().map(byId::get).filter(p -> p != null).toList();
	}
}
