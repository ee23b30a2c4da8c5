package dev.firebreak.postmortem.internal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.incident.Incidents;

/** The day-30 action-item review of an incident: read it; a responder records that it was held. */
@RestController
class ActionItemReviewController {

	private final ActionItemReview reviews;

	private final Incidents incidents;

	ActionItemReviewController(ActionItemReview reviews, Incidents incidents) {
		this.reviews = reviews;
		this.incidents = incidents;
	}

	@GetMapping("/api/v1/incidents/{id}/action-review")
	ActionItemReview.Review get(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user) {
		return reviews.of(incidents.visible(id, user));
	}

	@PostMapping("/api/v1/incidents/{id}/action-review")
	ActionItemReview.Review hold(@PathVariable String id, @RequestBody Held request,
			@AuthenticationPrincipal FirebreakUser user) {
		return reviews.hold(incidents.visible(id, user), request.notes(), user.id());
	}

	record Held(String notes) {
	}
}
