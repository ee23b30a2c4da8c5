package dev.firebreak.escalation.internal;

import java.net.URI;
import java.util.UUID;

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

import dev.firebreak.escalation.EscalationPolicy;
import dev.firebreak.identity.AdminOnly;
import dev.firebreak.platform.Page;

/** Escalation policies. Everyone reads them; only admins change them. */
@RestController
@RequestMapping("/api/v1/escalation-policies")
class PolicyController {

	private final PolicyEditor editor;

	private final PolicyStore store;

	PolicyController(PolicyEditor editor, PolicyStore store) {
		this.editor = editor;
		this.store = store;
	}

	@GetMapping
	Page<EscalationPolicy> all(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return Page.of(store.all(), Page.Request.of(page, size));
	}

	@GetMapping("/{id}")
	EscalationPolicy one(@PathVariable UUID id) {
		return editor.get(id);
	}

	@PostMapping
	@AdminOnly
	ResponseEntity<EscalationPolicy> create(@RequestBody PolicyEditor.Draft draft) {
		var policy = editor.create(draft);
		return ResponseEntity.created(URI.create("/api/v1/escalation-policies/" + policy.id())).body(policy);
	}

	@PutMapping("/{id}")
	@AdminOnly
	EscalationPolicy update(@PathVariable UUID id, @RequestBody PolicyEditor.Draft draft) {
		return editor.update(id, draft);
	}

	@DeleteMapping("/{id}")
	@AdminOnly
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID id) {
		editor.delete(id);
	}
}
