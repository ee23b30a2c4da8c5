package dev.firebreak.postmortem.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.PageProblems;
import dev.firebreak.platform.Problems;
import dev.firebreak.postmortem.Postmortem;
import dev.firebreak.postmortem.PostmortemStatus;

/** Post-mortems over the API. Responders write, review and publish; viewers read; private incidents' stay private. */
@RestController
@RequestMapping("/api/v1")
class PostmortemController {

	private final PostmortemService postmortems;

	private final PostmortemViews views;

	private final Incidents incidents;

	PostmortemController(PostmortemService postmortems, PostmortemViews views, Incidents incidents) {
		this.postmortems = postmortems;
		this.views = views;
		this.incidents = incidents;
	}

	@GetMapping("/postmortems")
	Page<PostmortemViews.Item> list(@RequestParam(required = false) PostmortemStatus status,
			@RequestParam(required = false) UUID owner, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal FirebreakUser user) {
		var request = Page.Request.of(page, size);
		var shown = Page.of(postmortems.list(status, owner, user), request);
		return new Page<>(views.items(shown.items()), shown.total());
	}

	@GetMapping("/postmortems/{id}")
	PostmortemViews.View get(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user) {
		return views.view(postmortems.visible(uuid(id), user));
	}

	@GetMapping(value = "/postmortems/{id}/postmortem.md", produces = "text/markdown;charset=UTF-8")
	String markdown(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user) {
		return MarkdownExport.write(views.view(postmortems.visible(uuid(id), user)));
	}

	@PutMapping("/postmortems/{id}")
	PostmortemViews.View save(@PathVariable String id, @RequestBody SectionsRequest request,
			@AuthenticationPrincipal FirebreakUser user) {
		if (request == null) {
			throw Problems.invalid("/", "Send the sections as a JSON object");
		}
		var sections = new Postmortem.Sections(request.whatHappened(), request.why(), request.notDetectedSooner(),
				request.slowedResponse(), request.preventsRecurrence(), request.wentWell(), request.wentPoorly());
		return views.view(postmortems.save(uuid(id), sections, user));
	}

	@PostMapping("/postmortems/{id}/status")
	PostmortemViews.View move(@PathVariable String id, @RequestBody StatusRequest request,
			@AuthenticationPrincipal FirebreakUser user) {
		return views.view(postmortems.move(uuid(id), request == null ? null : request.status(), user));
	}

	@PostMapping("/postmortems/{id}/review")
	PostmortemViews.View review(@PathVariable String id, @RequestBody ReviewRequest request,
			@AuthenticationPrincipal FirebreakUser user) {
		if (request == null) {
			throw Problems.invalid("/held_at", "held_at is required: when the review meeting was held");
		}
		return views.view(postmortems.recordReview(uuid(id),
				new Postmortem.Review(request.heldAt(), request.attendees(), request.notes(), null, null), user));
	}

	@PutMapping("/postmortems/{id}/owner")
	PostmortemViews.View owner(@PathVariable String id, @RequestBody OwnerRequest request,
			@AuthenticationPrincipal FirebreakUser user) {
		return views.view(postmortems.reassign(uuid(id), request == null ? null : request.ownerId(), user));
	}

	@GetMapping("/incidents/{id}/postmortem")
	PostmortemViews.View ofIncident(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user) {
		var incident = incidents.visible(id, user);
		return postmortems.ofIncident(incident.number()).map(views::view)
			.orElseThrow(() -> Problems.notFound(incident.id() + " has no post-mortem; POST to this address starts one once it is resolved"));
	}

	/** Starts one by hand for a resolved or closed incident: 201 when started, 200 with the one it has. */
	@PostMapping("/incidents/{id}/postmortem")
	ResponseEntity<PostmortemViews.View> start(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user) {
		var started = postmortems.start(id, user);
		var view = views.view(started.postmortem());
		return started.created()
				? ResponseEntity.created(URI.create("/api/v1/postmortems/" + view.id())).body(view)
				: ResponseEntity.ok(view);
	}

	private static UUID uuid(String id) {
		var uuid = PageProblems.uuid(id);
		if (uuid == null) {
			throw Problems.notFound("'" + id + "' is not a post-mortem id; GET /api/v1/postmortems lists them");
		}
		return uuid;
	}

	/** Every section; one left out (null) is cleared, as a PUT replaces the whole text. */
	record SectionsRequest(String whatHappened, List<String> why, String notDetectedSooner, String slowedResponse,
			String preventsRecurrence, String wentWell, String wentPoorly) {
	}

	record StatusRequest(PostmortemStatus status) {
	}

	record ReviewRequest(Instant heldAt, String attendees, String notes) {
	}

	record OwnerRequest(UUID ownerId) {
	}
}
