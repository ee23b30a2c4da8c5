package dev.firebreak.catalog.internal;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import dev.firebreak.catalog.Catalog;
import dev.firebreak.catalog.Change;
import dev.firebreak.catalog.ChangeRecorded;
import dev.firebreak.catalog.MitigationAction;
import dev.firebreak.catalog.Service;
import dev.firebreak.catalog.Team;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Sql;

@Repository
public class CatalogStore implements Catalog {

	/** Stands for "no id to except" where SQL needs a value of type uuid. */
	private static final UUID NOBODY = new UUID(0, 0);

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final MitigationActionStore actions;

	CatalogStore(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, MitigationActionStore actions) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.actions = actions;
	}

	@Override
	public Optional<Service> service(UUID id) {
		return jdbc.sql("select * from catalog_service where id = :id").param("id", id)
			.query((rs, n) -> service(rs)).optional();
	}

	@Override
	public Map<UUID, Service> services(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select * from catalog_service where id in (:ids)").param("ids", List.copyOf(ids))
			.query((rs, n) -> service(rs)).list().stream()
			.collect(Collectors.toMap(Service::id, Function.identity()));
	}

	@Override
	public Optional<Team> team(UUID id) {
		// members are read after the team's row is closed: a query inside a row mapper would hold
		// a second pooled connection outside a transaction, and enough such readers exhaust the pool
		return jdbc.sql("select * from catalog_team where id = :id").param("id", id)
			.query((rs, n) -> team(rs, List.of())).optional()
			.map(team -> new Team(team.id(), team.name(), team.description(), team.timeZone(), members(id),
					team.createdAt()));
	}

	@Override
	public List<Team> teamsOf(UUID accountId) {
		var rows = jdbc.sql("""
				select t.* from catalog_team t join catalog_team_member m on m.team_id = t.id
				where m.account_id = :account order by t.name""")
			.param("account", accountId).query((rs, n) -> team(rs, List.of())).list();
		return rows.stream().map(t -> new Team(t.id(), t.name(), t.description(), t.timeZone(), members(t.id()),
				t.createdAt())).toList();
	}

	@Override
	@Transactional
	public Change recordChange(UUID serviceId, String summary, String source, Instant happenedAt, String payload) {
		var now = clock.instant();
		var change = new Change(UUID.randomUUID(), serviceId, summary, source, happenedAt == null ? now : happenedAt);
		jdbc.sql("""
				insert into catalog_change (id, service_id, summary, source, happened_at, received_at, payload)
				values (:id, :service, :summary, :source, :happenedAt, :receivedAt, :payload)""")
			.param("id", change.id()).param("service", serviceId).param("summary", summary).param("source", source)
			.param("happenedAt", Sql.timestamp(change.happenedAt())).param("receivedAt", Sql.timestamp(now))
			.param("payload", payload)
			.update();
		events.publishEvent(new ChangeRecorded(change.id(), serviceId, change.happenedAt()));
		return change;
	}

	@Override
	public Set<UUID> inMaintenance(Collection<UUID> serviceIds, Instant instant) {
		if (serviceIds.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc.sql("""
				select distinct service_id from catalog_maintenance
				where service_id in (:services) and starts_at <= :at and ends_at > :at""")
			.param("services", List.copyOf(serviceIds)).param("at", Sql.timestamp(instant))
			.query(UUID.class).list());
	}

	@Override
	public Optional<Change> lastChangeBefore(Collection<UUID> serviceIds, Instant instant) {
		if (serviceIds.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select * from catalog_change where service_id in (:services) and happened_at <= :at
				order by happened_at desc, received_at desc limit 1""")
			.param("services", List.copyOf(serviceIds)).param("at", Sql.timestamp(instant))
			.query((rs, n) -> new Change(Sql.uuid(rs, "id"), Sql.uuid(rs, "service_id"), rs.getString("summary"),
					rs.getString("source"), Sql.instant(rs, "happened_at")))
			.optional();
	}

	@Override
	public List<Service> allServices() {
		return jdbc.sql("select * from catalog_service order by name").query((rs, n) -> service(rs)).list();
	}

	@Override
	public List<MitigationAction> mitigationActions(Collection<UUID> serviceIds) {
		return actions.ofServices(serviceIds);
	}

	@Override
	public Optional<MitigationAction> mitigationAction(UUID id) {
		return actions.find(id);
	}

	Page<Team> teams(Page.Request page) {
		var rows = jdbc.sql("select * from catalog_team order by name limit :limit offset :offset")
			.param("limit", page.size()).param("offset", page.offset())
			.query((rs, n) -> team(rs, List.of())).list();
		var items = rows.stream().map(t -> new Team(t.id(), t.name(), t.description(), t.timeZone(), members(t.id()),
				t.createdAt())).toList();
		return new Page<>(items, jdbc.sql("select count(*) from catalog_team").query(Long.class).single());
	}

	Page<Service> services(UUID ownerTeamId, Page.Request page) {
		var where = ownerTeamId == null ? "" : " where owner_team_id = :team";
		var items = jdbc.sql("select * from catalog_service" + where + " order by name limit :limit offset :offset")
			.paramSource(params(ownerTeamId, page)).query((rs, n) -> service(rs)).list();
		var total = jdbc.sql("select count(*) from catalog_service" + where)
			.paramSource(params(ownerTeamId, page)).query(Long.class).single();
		return new Page<>(items, total);
	}

	private static Map<String, Object> params(UUID team, Page.Request page) {
		var params = new java.util.HashMap<String, Object>();
		params.put("team", team);
		params.put("limit", page.size());
		params.put("offset", page.offset());
		return params;
	}

	boolean teamNameTaken(String name, UUID except) {
		return jdbc.sql("select count(*) from catalog_team where name_key = :key and id <> :except")
			.param("key", key(name)).param("except", except == null ? NOBODY : except).query(Long.class).single() > 0;
	}

	boolean serviceNameTaken(String name, UUID except) {
		return jdbc.sql("select count(*) from catalog_service where name_key = :key and id <> :except")
			.param("key", key(name)).param("except", except == null ? NOBODY : except).query(Long.class).single() > 0;
	}

	void insert(Team team) {
		jdbc.sql("insert into catalog_team (id, name, name_key, description, time_zone, created_at) values (:id, :name, :key, :description, :timeZone, :createdAt)")
			.param("id", team.id()).param("name", team.name()).param("key", key(team.name())).param("description", team.description())
			.param("timeZone", team.timeZone()).param("createdAt", Sql.timestamp(team.createdAt()))
			.update();
	}

	boolean update(Team team) {
		return jdbc.sql("update catalog_team set name = :name, name_key = :key, description = :description, time_zone = :timeZone where id = :id")
			.param("id", team.id()).param("name", team.name()).param("key", key(team.name())).param("description", team.description())
			.param("timeZone", team.timeZone()).update() == 1;
	}

	boolean deleteTeam(UUID id) {
		return jdbc.sql("delete from catalog_team where id = :id").param("id", id).update() == 1;
	}

	List<String> servicesOwnedBy(UUID teamId) {
		return jdbc.sql("select name from catalog_service where owner_team_id = :team order by name")
			.param("team", teamId).query(String.class).list();
	}

	boolean addMember(UUID teamId, UUID accountId) {
		var present = jdbc.sql("select count(*) from catalog_team_member where team_id = :team and account_id = :account")
			.param("team", teamId).param("account", accountId).query(Long.class).single() > 0;
		if (present) {
			return false;
		}
		jdbc.sql("insert into catalog_team_member (team_id, account_id) values (:team, :account)")
			.param("team", teamId).param("account", accountId).update();
		return true;
	}

	boolean removeMember(UUID teamId, UUID accountId) {
		return jdbc.sql("delete from catalog_team_member where team_id = :team and account_id = :account")
			.param("team", teamId).param("account", accountId).update() == 1;
	}

	void insert(Service service) {
		jdbc.sql("""
				insert into catalog_service (id, name, name_key, description, owner_team_id, tier, created_at)
				values (:id, :name, :key, :description, :owner, :tier, :createdAt)""")
			.param("id", service.id()).param("name", service.name()).param("key", key(service.name())).param("description", service.description())
			.param("owner", service.ownerTeamId()).param("tier", service.tier())
			.param("createdAt", Sql.timestamp(service.createdAt()))
			.update();
	}

	boolean update(Service service) {
		return jdbc.sql("update catalog_service set name = :name, name_key = :key, description = :description, owner_team_id = :owner, tier = :tier where id = :id")
			.param("id", service.id()).param("name", service.name()).param("key", key(service.name())).param("description", service.description())
			.param("owner", service.ownerTeamId()).param("tier", service.tier())
			.update() == 1;
	}

	boolean deleteService(UUID id) {
		return jdbc.sql("delete from catalog_service where id = :id").param("id", id).update() == 1;
	}

	private List<UUID> members(UUID teamId) {
		return jdbc.sql("select account_id from catalog_team_member where team_id = :team order by account_id")
			.param("team", teamId).query(UUID.class).list();
	}

	private static String key(String name) {
		return name.toLowerCase(java.util.Locale.ROOT);
	}

	private static Service service(ResultSet rs) throws SQLException {
		return new Service(Sql.uuid(rs, "id"), rs.getString("name"), rs.getString("description"),
				Sql.uuid(rs, "owner_team_id"), rs.getInt("tier"), Sql.instant(rs, "created_at"));
	}

	private static Team team(ResultSet rs, List<UUID> members) throws SQLException {
		return new Team(Sql.uuid(rs, "id"), rs.getString("name"), rs.getString("description"),
				rs.getString("time_zone"), members, Sql.instant(rs, "created_at"));
	}
}
