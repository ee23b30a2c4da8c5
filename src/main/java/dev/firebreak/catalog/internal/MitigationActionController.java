package dev.firebreak.catalog.internal;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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

import dev.firebreak.catalog.HttpCall;
import dev.firebreak.catalog.MitigationAction;
import dev.firebreak.identity.AdminOnly;
import dev.firebreak.platform.Page;

/**
 * The mitigation actions services register. Only admins see and change them: they name internal
 * endpoints, and their header values (shown masked) are credentials. Responders run them from an
 * incident.
 */
@RestController
@RequestMapping("/api/v1")
@AdminOnly
class MitigationActionController {

	private final MitigationActionEditor editor;

	MitigationActionController(MitigationActionEditor editor) {
		this.editor = editor;
	}

	@GetMapping("/services/{id}/mitigation-actions")
	Page<ActionView> list(@PathVariable UUID id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return Page.of(editor.ofService(id), Page.Request.of(page, size)).map(ActionView::of);
	}

	@PostMapping("/services/{id}/mitigation-actions")
	ResponseEntity<ActionView> create(@PathVariable UUID id, @Valid @RequestBody ActionRequest request) {
		var action = editor.create(id, request.draft());
		return ResponseEntity.created(URI.create("/api/v1/mitigation-actions/" + action.id())).body(ActionView.of(action));
	}

	@GetMapping("/mitigation-actions/{id}")
	ActionView get(@PathVariable UUID id) {
		return ActionView.of(editor.action(id));
	}

	/** Replaces the action; a header value sent back as {@code ••••} keeps the stored one. */
	@PutMapping("/mitigation-actions/{id}")
	ActionView update(@PathVariable UUID id, @Valid @RequestBody ActionRequest request) {
		return ActionView.of(editor.update(id, request.draft()));
	}

	@DeleteMapping("/mitigation-actions/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID id) {
		editor.delete(id);
	}

	/** An action; {@code rollback} null or left out when it cannot be undone by a call. */
	record ActionRequest(@NotBlank @Size(max = MitigationActionEditor.NAME_MAX) String name, @NotBlank String lever,
			@NotNull @Valid CallRequest run, @Valid CallRequest rollback) {

		MitigationActionEditor.Draft draft() {
			return new MitigationActionEditor.Draft(name, lever, run.call(), rollback == null ? null : rollback.call());
		}
	}

	record CallRequest(@NotBlank String method, @NotBlank @Size(max = MitigationActionEditor.URL_MAX) String url,
			@Size(max = MitigationActionEditor.HEADERS_MAX) Map<String, String> headers,
			@Size(max = MitigationActionEditor.BODY_MAX) String body) {

		HttpCall call() {
			return new HttpCall(method, url, headers, body);
		}
	}

	record ActionView(UUID id, UUID serviceId, String name, String lever, CallView run, CallView rollback,
			Instant createdAt) {

		static ActionView of(MitigationAction action) {
			return new ActionView(action.id(), action.serviceId(), action.name(), action.lever(), CallView.of(action.run()),
					action.rollback() == null ? null : CallView.of(action.rollback()), action.createdAt());
		}
	}

	/** A call as the API shows it: every header value masked, since any of them may be a credential. */
	record CallView(String method, String url, Map<String, String> headers, String body) {

		static CallView of(HttpCall call) {
			var masked = new LinkedHashMap<String, String>();
			call.headers().keySet().forEach(name -> masked.put(name, MitigationActionEditor.MASK));
			return new CallView(call.method(), call.url(), masked, call.body());
		}
	}
}
