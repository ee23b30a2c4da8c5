package dev.firebreak.oncall.internal;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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

import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.platform.Page;

/**
 * Hand-offs: the notes the person going off call leaves for the next, and the chat channel told
 * when who is on call on a schedule changes. Everyone reads; responders and administrators write.
 */
@RestController
@RequestMapping("/api/v1/schedules/{id}")
class HandoffController {

	private final HandoffEditor editor;

	HandoffController(HandoffEditor editor) {
		this.editor = editor;
	}

	/** A schedule's hand-off notes, newest first. */
	@GetMapping("/handoff-notes")
	Page<HandoffNote> notes(@PathVariable UUID id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return editor.notes(id, Page.Request.of(page, size));
	}

	@GetMapping("/handoff-notes/{noteId}")
	HandoffNote note(@PathVariable UUID id, @PathVariable UUID noteId) {
		return editor.note(id, noteId);
	}

	@PostMapping("/handoff-notes")
	@PreAuthorize("hasRole('RESPONDER')")
	ResponseEntity<HandoffNote> addNote(@PathVariable UUID id, @RequestBody(required = false) HandoffEditor.NoteInput input,
			@AuthenticationPrincipal FirebreakUser user) {
		var note = editor.addNote(id, input, user.id());
		return ResponseEntity.created(URI.create("/api/v1/schedules/" + id + "/handoff-notes/" + note.id())).body(note);
	}

	/** The chat channel told when who is on call changes; {@code channel_id} null for none. */
	@GetMapping("/announce-channel")
	HandoffEditor.AnnounceChannel channel(@PathVariable UUID id) {
		return editor.channel(id);
	}

	@PutMapping("/announce-channel")
	@PreAuthorize("hasRole('RESPONDER')")
	HandoffEditor.AnnounceChannel setChannel(@PathVariable UUID id,
			@RequestBody(required = false) HandoffEditor.ChannelInput input, @AuthenticationPrincipal FirebreakUser user) {
		return editor.setChannel(id, input, user.id());
	}

	@DeleteMapping("/announce-channel")
	@PreAuthorize("hasRole('RESPONDER')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void clearChannel(@PathVariable UUID id) {
		editor.clearChannel(id);
	}
}
