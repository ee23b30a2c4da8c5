package dev.firebreak.statuspage.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.identity.AdminOnly;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Problems;

/**
 * The status page's administration: settings, groups and components (admins); a component's
 * status by a person's word and scheduled maintenance (responders). The public page itself is
 * served by {@link StatusPageServer}.
 */
@RestController
@RequestMapping("/api/v1/status-page")
class StatusPageController {

	private final PageEditor editor;

	private final StatusPageStore store;

	private final Maintenances maintenances;

	private final MaintenanceStore maintenanceStore;

	StatusPageController(PageEditor editor, StatusPageStore store, Maintenances maintenances,
			MaintenanceStore maintenanceStore) {
		this.editor = editor;
		this.store = store;
		this.maintenances = maintenances;
		this.maintenanceStore = maintenanceStore;
	}

	@GetMapping("/settings")
	PageSettings settings() {
		return store.settings();
	}

	@AdminOnly
	@PutMapping("/settings")
	PageSettings saveSettings(@RequestBody PageEditor.SettingsChange change) {
		return editor.saveSettings(change);
	}

	@GetMapping("/groups")
	Page<Group> groups(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return Page.of(store.groups(), Page.Request.of(page, size));
	}

	@AdminOnly
	@PostMapping("/groups")
	ResponseEntity<Group> createGroup(@RequestBody PageEditor.GroupChange change) {
		var group = editor.saveGroup(null, change);
		return ResponseEntity.created(URI.create("/api/v1/status-page/groups/" + group.id())).body(group);
	}

	@GetMapping("/groups/{id}")
	Group group(@PathVariable UUID id) {
		return editor.group(id);
	}

	@AdminOnly
	@PutMapping("/groups/{id}")
	Group saveGroup(@PathVariable UUID id, @RequestBody PageEditor.GroupChange change) {
		editor.group(id);
		return editor.saveGroup(id, change);
	}

	@AdminOnly
	@DeleteMapping("/groups/{id}")
	ResponseEntity<Void> deleteGroup(@PathVariable UUID id) {
		editor.deleteGroup(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/components")
	Page<PageComponent> components(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return Page.of(store.components(), Page.Request.of(page, size));
	}

	@AdminOnly
	@PostMapping("/components")
	ResponseEntity<PageComponent> createComponent(@RequestBody PageEditor.ComponentChange change) {
		var component = editor.saveComponent(null, change);
		return ResponseEntity.created(URI.create("/api/v1/status-page/components/" + component.id())).body(component);
	}

	@GetMapping("/components/{id}")
	PageComponent component(@PathVariable UUID id) {
		return editor.component(id);
	}

	@AdminOnly
	@PutMapping("/components/{id}")
	PageComponent saveComponent(@PathVariable UUID id, @RequestBody PageEditor.ComponentChange change) {
		editor.component(id);
		return editor.saveComponent(id, change);
	}

	@AdminOnly
	@DeleteMapping("/components/{id}")
	ResponseEntity<Void> deleteComponent(@PathVariable UUID id) {
		editor.deleteComponent(id);
		return ResponseEntity.noContent().build();
	}

	/** {@code {"status": "degraded_performance", "reason": "…"}}; {@code "status": null} follows incidents again. */
	@PutMapping("/components/{id}/status")
	PageComponent setStatus(@PathVariable UUID id, @RequestBody StatusWord word) {
		return editor.setStatus(id, word.status(), word.reason());
	}

	@GetMapping("/maintenances")
	Page<Maintenance> maintenances(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		var request = Page.Request.of(page, size);
		return Page.of(maintenanceStore.recent((int) Math.min(Integer.MAX_VALUE, request.offset() + request.size())),
				request);
	}

	@PostMapping("/maintenances")
	ResponseEntity<Maintenance> plan(@RequestBody PlanRequest plan, @AuthenticationPrincipal FirebreakUser user) {
		var maintenance = maintenances.plan(plan.plan(), user.id());
		return ResponseEntity.created(URI.create("/api/v1/status-page/maintenances/" + maintenance.id()))
			.body(maintenance);
	}

	@GetMapping("/maintenances/{id}")
	Maintenance maintenance(@PathVariable UUID id) {
		return maintenanceStore.get(id).orElseThrow(() -> Problems.notFound("No scheduled maintenance " + id));
	}

	@PutMapping("/maintenances/{id}")
	Maintenance edit(@PathVariable UUID id, @RequestBody PlanRequest plan, @AuthenticationPrincipal FirebreakUser user) {
		return maintenances.edit(id, plan.plan(), user.id());
	}

	/** Moves it on by hand: {@code {"status": "in_progress"|"verifying"|"completed", "body": "…"}}. */
	@PostMapping("/maintenances/{id}/status")
	Maintenance move(@PathVariable UUID id, @RequestBody Move move) {
		var status = MaintenanceStatus.parse(move.status());
		if (status == null && move.status() != null) {
			throw Problems.invalid("/status", "status must be in_progress, verifying or completed");
		}
		return maintenances.move(id, status, move.body());
	}

	@PostMapping("/maintenances/{id}/updates")
	Maintenance comment(@PathVariable UUID id, @RequestBody Comment comment) {
		return maintenances.comment(id, comment.body());
	}

	/** Calls off a maintenance that has not started. */
	@DeleteMapping("/maintenances/{id}")
	ResponseEntity<Void> cancel(@PathVariable UUID id) {
		maintenances.cancel(id);
		return ResponseEntity.noContent().build();
	}

	record StatusWord(String status, String reason) {
	}

	record PlanRequest(String name, Instant scheduledFor, Instant scheduledUntil, List<UUID> componentIds,
			String body) {

		Maintenances.Plan plan() {
			return new Maintenances.Plan(name, scheduledFor, scheduledUntil, componentIds, body);
		}
	}

	record Move(String status, String body) {
	}

	record Comment(String body) {
	}
}
