package dev.firebreak.catalog.internal;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.catalog.Service;
import dev.firebreak.catalog.Team;
import dev.firebreak.identity.AdminOnly;
import dev.firebreak.platform.Page;

/** Teams and services. Everyone reads them; only admins change them. */
@RestController
@RequestMapping("/api/v1")
class CatalogController {

	private final CatalogEditor editor;

	private final CatalogStore store;

	CatalogController(CatalogEditor editor, CatalogStore store) {
		this.editor = editor;
		this.store = store;
	}

	@GetMapping("/teams")
	Page<Team> teams(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return store.teams(Page.Request.of(page, size));
	}

	@GetMapping("/teams/{id}")
	Team team(@PathVariable UUID id) {
		return editor.team(id);
	}

	@PostMapping("/teams")
	@AdminOnly
	ResponseEntity<Team> createTeam(@Valid @RequestBody TeamRequest request) {
		var team = editor.createTeam(request.name(), request.description(), request.timeZone());
		return ResponseEntity.created(URI.create("/api/v1/teams/" + team.id())).body(team);
	}

	@PutMapping("/teams/{id}")
	@AdminOnly
	Team updateTeam(@PathVariable UUID id, @Valid @RequestBody TeamRequest request) {
		return editor.updateTeam(id, request.name(), request.description(), request.timeZone());
	}

	@DeleteMapping("/teams/{id}")
	@AdminOnly
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteTeam(@PathVariable UUID id) {
		editor.deleteTeam(id);
	}

	@PutMapping("/teams/{id}/members/{account_id}")
	@AdminOnly
	Team addMember(@PathVariable UUID id, @PathVariable("account_id") UUID accountId) {
		return editor.addMember(id, accountId);
	}

	@DeleteMapping("/teams/{id}/members/{account_id}")
	@AdminOnly
	Team removeMember(@PathVariable UUID id, @PathVariable("account_id") UUID accountId) {
		return editor.removeMember(id, accountId);
	}

	@GetMapping("/services")
	Page<Service> services(@RequestParam(name = "owner_team_id", required = false) UUID ownerTeamId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return store.services(ownerTeamId, Page.Request.of(page, size));
	}

	@GetMapping("/services/{id}")
	Service service(@PathVariable UUID id) {
		return editor.service(id);
	}

	@PostMapping("/services")
	@AdminOnly
	ResponseEntity<Service> createService(@Valid @RequestBody ServiceRequest request) {
		var service = editor.createService(request.name(), request.description(), request.ownerTeamId(), request.tier());
		return ResponseEntity.created(URI.create("/api/v1/services/" + service.id())).body(service);
	}

	@PutMapping("/services/{id}")
	@AdminOnly
	Service updateService(@PathVariable UUID id, @Valid @RequestBody ServiceRequest request) {
		return editor.updateService(id, request.name(), request.description(), request.ownerTeamId(), request.tier());
	}

	@DeleteMapping("/services/{id}")
	@AdminOnly
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteService(@PathVariable UUID id) {
		editor.deleteService(id);
	}

	record TeamRequest(@NotBlank @Size(max = 100) String name, @Size(max = 2000) String description,
			@Size(max = 64) String timeZone) {
	}

	/** A service; {@code tier} defaults to 2. */
	record ServiceRequest(@NotBlank @Size(max = 100) String name, @Size(max = 2000) String description,
			UUID ownerTeamId,
			@Min(value = Service.MOST_CRITICAL_TIER, message = "must be 1 (most critical), 2 or 3")
			@Max(value = Service.LEAST_CRITICAL_TIER, message = "must be 1 (most critical), 2 or 3") Integer tier) {
	}
}
