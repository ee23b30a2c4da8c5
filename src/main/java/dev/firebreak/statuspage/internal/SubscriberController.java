package dev.firebreak.statuspage.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.identity.AdminOnly;
import dev.firebreak.platform.Page;

/**
 * The page's subscribers, for administrators: e-mail addresses are personal data, so only they see
 * the list. They add webhook subscribers here (the answer holds the signing secret, shown once);
 * e-mail subscribers confirm themselves through the public form.
 */
@RestController
@RequestMapping("/api/v1/status-page/subscribers")
class SubscriberController {

	private final Subscribers subscribers;

	private final SubscriberDeliveries deliveries;

	SubscriberController(Subscribers subscribers, SubscriberDeliveries deliveries) {
		this.subscribers = subscribers;
		this.deliveries = deliveries;
	}

	/**
	 * @param status {@code pending} (an e-mail address not confirmed yet) or {@code confirmed}
	 * @param componentIds what it hears of; empty with {@code allComponents}
	 * @param signingSecret only in the answer that created a webhook subscriber
	 */
	record SubscriberJson(UUID id, Subscriber.Kind type, String email, String endpointUrl, String description,
			String status, boolean allComponents, List<UUID> componentIds, Instant createdAt, Instant confirmedAt,
			@JsonInclude(JsonInclude.Include.NON_NULL) String signingSecret) {

		static SubscriberJson of(Subscriber s, String secret) {
			return new SubscriberJson(s.id(), s.kind(), s.email(), s.endpointUrl(), s.description(),
					s.isConfirmed() ? "confirmed" : "pending", s.everything(), s.componentIds(), s.createdAt(),
					s.confirmedAt(), secret);
		}
	}

	record NewWebhook(String endpointUrl, List<UUID> componentIds, String description) {
	}

	@AdminOnly
	@GetMapping
	Page<SubscriberJson> list(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return Page.of(subscribers.all(), Page.Request.of(page, size)).map(s -> SubscriberJson.of(s, null));
	}

	@AdminOnly
	@PostMapping
	ResponseEntity<SubscriberJson> add(@RequestBody NewWebhook webhook) {
		var added = subscribers.addWebhook(webhook.endpointUrl(), webhook.componentIds(), webhook.description());
		return ResponseEntity.created(URI.create("/api/v1/status-page/subscribers/" + added.subscriber().id()))
			.body(SubscriberJson.of(added.subscriber(), added.signingSecret()));
	}

	@AdminOnly
	@GetMapping("/{id}")
	SubscriberJson get(@PathVariable UUID id) {
		return SubscriberJson.of(subscribers.get(id), null);
	}

	/** What the subscriber was told: each delivery with its status and attempts. */
	@AdminOnly
	@GetMapping("/{id}/deliveries")
	Page<Delivery> deliveries(@PathVariable UUID id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		subscribers.get(id);
		return Page.of(deliveries.of(id), Page.Request.of(page, size));
	}

	@AdminOnly
	@DeleteMapping("/{id}")
	ResponseEntity<Void> remove(@PathVariable UUID id) {
		subscribers.remove(id);
		return ResponseEntity.noContent().build();
	}
}
