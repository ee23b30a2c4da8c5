package dev.firebreak.catalog.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.firebreak.catalog.Service;
import dev.firebreak.catalog.Team;
import dev.firebreak.identity.Account;
import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.AuditLog;
import dev.firebreak.platform.Problems;
import dev.firebreak.platform.Text;

/** Changes to the catalog: checked, stored and audited in one transaction. */
@Component
class CatalogEditor {

	private final CatalogStore store;

	private final Accounts accounts;

	private final AuditLog audit;

	private final Clock clock;

	CatalogEditor(CatalogStore store, Accounts accounts, AuditLog audit, Clock clock) {
		this.store = store;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	Team createTeam(String name, String description, String timeZone) {
		var team = new Team(UUID.randomUUID(), name.trim(), description, zone(timeZone), List.of(), clock.instant());
		if (store.teamNameTaken(team.name(), null)) {
			throw Problems.conflict("A team named '" + team.name() + "' already exists");
		}
		store.insert(team);
		audit.record("team.created", "team", team.id().toString(), team.name());
		return team;
	}

	@Transactional
	Team updateTeam(UUID id, String name, String description, String timeZone) {
		var existing = team(id);
		var team = new Team(id, name.trim(), description, zone(timeZone), existing.memberIds(), existing.createdAt());
		if (store.teamNameTaken(team.name(), id)) {
			throw Problems.conflict("Another team is already named '" + team.name() + "'");
		}
		store.update(team);
		audit.record("team.updated", "team", id.toString(), team.name());
		return team;
	}

	@Transactional
	void deleteTeam(UUID id) {
		var team = team(id);
		var owned = store.servicesOwnedBy(id);
		if (!owned.isEmpty()) {
			throw Problems.conflict("Team '" + team.name() + "' still owns " + String.join(", ", owned)
					+ "; give those services another owner first");
		}
		store.deleteTeam(id);
		audit.record("team.deleted", "team", id.toString(), team.name());
	}

	@Transactional
	Team addMember(UUID teamId, UUID accountId) {
		var team = team(teamId);
		var account = account(accountId);
		if (store.addMember(teamId, accountId)) {
			audit.record("team.member_added", "team", teamId.toString(), account.email() + " joined " + team.name());
		}
		return team(teamId);
	}

	/** Removing someone who is not a member changes nothing; naming an account that does not exist is a mistake. */
	@Transactional
	Team removeMember(UUID teamId, UUID accountId) {
		var team = team(teamId);
		var account = account(accountId);
		if (store.removeMember(teamId, accountId)) {
			audit.record("team.member_removed", "team", teamId.toString(), account.email() + " left " + team.name());
		}
		return team(teamId);
	}

	@Transactional
	Service createService(String name, String description, UUID ownerTeamId, Integer tier) {
		var service = new Service(UUID.randomUUID(), name.trim(), description, owner(ownerTeamId), tier(tier),
				clock.instant());
		if (store.serviceNameTaken(service.name(), null)) {
			throw Problems.conflict("A service named '" + service.name() + "' already exists");
		}
		store.insert(service);
		audit.record("service.created", "service", service.id().toString(), service.name());
		return service;
	}

	@Transactional
	Service updateService(UUID id, String name, String description, UUID ownerTeamId, Integer tier) {
		var existing = service(id);
		var service = new Service(id, name.trim(), description, owner(ownerTeamId), tier(tier), existing.createdAt());
		if (store.serviceNameTaken(service.name(), id)) {
			throw Problems.conflict("Another service is already named '" + service.name() + "'");
		}
		store.update(service);
		audit.record("service.updated", "service", id.toString(), service.name());
		return service;
	}

	@Transactional
	void deleteService(UUID id) {
		var service = service(id);
		store.deleteService(id);
		audit.record("service.deleted", "service", id.toString(), service.name());
	}

	Team team(UUID id) {
		return store.team(id).orElseThrow(() -> Problems.notFound("No team " + id + "; GET /api/v1/teams lists them"));
	}

	Service service(UUID id) {
		return store.service(id)
			.orElseThrow(() -> Problems.notFound("No service " + id + "; GET /api/v1/services lists them"));
	}

	private Account account(UUID id) {
		return accounts.find(id)
			.orElseThrow(() -> Problems.notFound("No account " + id + "; GET /api/v1/accounts lists them"));
	}

	private UUID owner(UUID teamId) {
		if (teamId != null && store.team(teamId).isEmpty()) {
			throw Problems.invalid("/owner_team_id", "No team " + teamId + "; GET /api/v1/teams lists them");
		}
		return teamId;
	}

	private static int tier(Integer tier) {
		return tier == null ? 2 : tier;
	}

	private static String zone(String timeZone) {
		return Text.timeZone("/time_zone", timeZone);
	}
}
