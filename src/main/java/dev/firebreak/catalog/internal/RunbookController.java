package dev.firebreak.catalog.internal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.catalog.Runbook;
import dev.firebreak.catalog.RunbookMatcher;
import dev.firebreak.identity.AdminOnly;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.platform.Page;

/**
 * Runbooks. Everyone reads them. Unlike the rest of the catalog, responders write, change and
 * review them: they are the people who learn, at 3 a.m., what a runbook lacks. Only admins delete
 * one, since that takes knowledge away from whoever is paged next.
 */
@RestController
@RequestMapping("/api/v1/runbooks")
class RunbookController {

	private final RunbookEditor editor;

	private final RunbookService runbooks;

	RunbookController(RunbookEditor editor, RunbookService runbooks) {
		this.editor = editor;
		this.runbooks = runbooks;
	}

	@GetMapping
	Page<Runbook> list(@RequestParam(name = "service_id", required = false) UUID serviceId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return runbooks.list(serviceId, Page.Request.of(page, size));
	}

	@PostMapping
	ResponseEntity<Runbook> create(@RequestBody RunbookRequest request, @AuthenticationPrincipal FirebreakUser user) {
		var runbook = editor.create(request.draft(), user.id());
		return ResponseEntity.created(URI.create("/api/v1/runbooks/" + runbook.id())).body(runbook);
	}

	@GetMapping("/{id}")
	Runbook get(@PathVariable UUID id) {
		return editor.runbook(id);
	}

	@PutMapping("/{id}")
	Runbook update(@PathVariable UUID id, @RequestBody RunbookRequest request) {
		return editor.update(id, request.draft());
	}

	/** Someone read it through and it still holds: records who and when, and it is no longer stale. */
	@PostMapping("/{id}/reviewed")
	Runbook reviewed(@PathVariable UUID id, @AuthenticationPrincipal FirebreakUser user) {
		return editor.reviewed(id, user.id());
	}

	@DeleteMapping("/{id}")
	@AdminOnly
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID id) {
		editor.delete(id);
	}

	/** A runbook as written; every field is checked by the editor so that all problems are named at once. */
	record RunbookRequest(String title, String markdown, List<UUID> serviceIds, List<RunbookMatcher> matchers) {

		RunbookEditor.Draft draft() {
			return new RunbookEditor.Draft(title, markdown, serviceIds, matchers);
		}
	}
}
