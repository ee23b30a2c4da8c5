package dev.firebreak.statuspage.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import dev.firebreak.identity.AuditLog;
import dev.firebreak.platform.Problems;
import dev.firebreak.platform.Secrets;
import dev.firebreak.platform.StandardWebhooks;
import dev.firebreak.platform.Text;

/**
 * Who hears of the page's changes. E-mail by double opt-in: asking stores a request and mails a
 * confirmation link, and only following it (a POST: mail scanners open links) makes a subscriber;
 * asking again answers the same whether or not the address is known, and confirms a new choice of
 * components the same way. Webhooks are added by administrators, which confirms them. Anyone
 * leaves by the one-click link every mail and webhook carries.
 */
@Component
class Subscribers {

	static final int EMAIL_MAX = 254;

	static final int URL_MAX = 2000;

	static final int DESCRIPTION_MAX = 200;

	private final SubscriberStore store;

	private final StatusPageStore page;

	private final SubscriberDeliveries deliveries;

	private final SubscriberLinks links;

	private final Secrets secrets;

	private final AuditLog audit;

	private final SubscriberPolicy policy;

	private final Clock clock;

	Subscribers(SubscriberStore store, StatusPageStore page, SubscriberDeliveries deliveries, SubscriberLinks links,
			Secrets secrets, AuditLog audit, SubscriberPolicy policy, Clock clock) {
		this.store = store;
		this.page = page;
		this.deliveries = deliveries;
		this.links = links;
		this.secrets = secrets;
		this.audit = audit;
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * A reader asks for updates at an address. The answer never says whether the address was known;
	 * a confirmation link is mailed unless one was mailed to it a moment ago.
	 *
	 * @param componentIds the components to hear of; empty for everything
	 * @param address the client's address, for the throttle
	 */
	@Transactional(noRollbackFor = { Throttled.class, ErrorResponseException.class })
	void subscribe(String email, List<UUID> componentIds, String address) {
		// counted even when refused (nothing else is written before the checks)
		throttle(address);
		var checked = email(email);
		var components = components(componentIds, "/component_ids");
		var now = clock.instant();
		store.forgetUnconfirmed(now);
		var key = checked.toLowerCase(Locale.ROOT);
		var existing = store.lockByEmail(key).orElse(null);
		var fresh = existing == null || existing.pending() == null
				|| !now.isBefore(existing.pending().sentAt().plus(policy.resendConfirmationAfter()));
		var pending = new Subscriber.Pending(fresh ? SubscriberLinks.nonce() : existing.pending().nonce(),
				fresh ? now : existing.pending().sentAt(), now.plus(policy.confirmWithin()), components);
		UUID id;
		if (existing == null) {
			id = UUID.randomUUID();
			store.insert(new Subscriber(id, Subscriber.Kind.EMAIL, checked, null, null, components.isEmpty(), List.of(),
					null, pending, now, now), key, null);
		}
		else {
			id = existing.id();
			store.pending(id, pending, now);
		}
		if (fresh) {
			deliveries.add(Delivery.of(id, "confirm:" + pending.nonce(), Delivery.Kind.CONFIRMATION, null, null, now));
		}
		audit.record("statuspage.subscription_requested", "status_page_subscriber", id.toString(),
				"e-mail, " + (components.isEmpty() ? "every component" : components.size() + " component(s)")
						+ (fresh ? "; confirmation mailed" : "; a confirmation was mailed moments ago"));
	}

	/** What a confirmation link would confirm, or why it no longer works. */
	Subscriber confirmable(String token) {
		var subscriber = links.subscriber(token).flatMap(store::get).orElse(null);
		if (subscriber == null || subscriber.pending() == null
				|| !links.confirms(token, subscriber.id(), subscriber.pending().nonce())) {
			throw Problems.problem(HttpStatus.NOT_FOUND, "This link does not work (any more)",
					"It was confirmed already, replaced by a newer link, or never made here. "
							+ "To subscribe, fill in the form again.", Map.of());
		}
		if (!clock.instant().isBefore(subscriber.pending().expiresAt())) {
			throw Problems.problem(HttpStatus.GONE, "This link has expired",
					"Confirmation links work for a limited time. Fill in the form again for a new one.", Map.of());
		}
		return subscriber;
	}

	@Transactional
	Subscriber confirm(String token) {
		var subscriber = confirmable(token);
		store.lock(subscriber.id());
		subscriber = confirmable(token);
		var components = subscriber.pending().componentIds().stream()
			.filter(id -> page.component(id).isPresent()).toList();
		store.confirm(subscriber.id(), components, clock.instant());
		audit.record("statuspage.subscription_confirmed", "status_page_subscriber", subscriber.id().toString(),
				"e-mail, " + (components.isEmpty() ? "every component" : components.size() + " component(s)"));
		return store.get(subscriber.id()).orElseThrow();
	}

	/** Ends a subscription by its one-click link; answers false when the link is not one of ours. */
	@Transactional
	boolean unsubscribe(String token) {
		var id = links.unsubscribing(token).orElse(null);
		if (id == null) {
			return false;
		}
		if (store.delete(id)) {
			audit.record("statuspage.unsubscribed", "status_page_subscriber", id.toString(), "by the one-click link");
		}
		return true;
	}

	/** An administrator adds a webhook; the answer holds its signing secret, shown this once. */
	@Transactional
	Added addWebhook(String endpointUrl, List<UUID> componentIds, String description) {
		var url = url(endpointUrl);
		var components = components(componentIds, "/component_ids");
		var about = Text.optional("/description", description, DESCRIPTION_MAX);
		var secret = StandardWebhooks.newSecret();
		var now = clock.instant();
		var subscriber = new Subscriber(UUID.randomUUID(), Subscriber.Kind.WEBHOOK, null, url,
				about == null || about.isBlank() ? null : about, components.isEmpty(), components, now, null, now, now);
		store.insert(subscriber, null, secrets.encrypt(secret));
		audit.record("statuspage.webhook_subscriber_added", "status_page_subscriber", subscriber.id().toString(),
				URI.create(url).getHost() + ", " + (components.isEmpty() ? "every component" : components.size() + " component(s)"));
		return new Added(subscriber, secret);
	}

	record Added(Subscriber subscriber, String signingSecret) {
	}

	@Transactional
	void remove(UUID id) {
		var subscriber = store.lock(id).orElseThrow(() -> Problems.notFound("No subscriber " + id));
		store.delete(id);
		audit.record("statuspage.subscriber_removed", "status_page_subscriber", id.toString(),
				subscriber.kind() == Subscriber.Kind.EMAIL ? "e-mail" : "webhook " + URI.create(subscriber.endpointUrl()).getHost());
	}

	Subscriber get(UUID id) {
		return store.get(id).orElseThrow(() -> Problems.notFound("No subscriber " + id));
	}

	List<Subscriber> all() {
		return store.all();
	}

	/** Refusal of a client that asked too often: 429, counted all the same. */
	static final class Throttled extends RuntimeException {

		Throttled(String message) {
			super(message, null, false, false);
		}
	}

	private void throttle(String address) {
		var now = clock.instant();
		var client = address == null || address.isBlank() ? "unknown" : address.length() > 64 ? address.substring(0, 64) : address;
		if (store.countRequest(client, now, now.minus(policy.requestWindow())) > policy.requestsPerAddress()) {
			throw new Throttled("Too many requests to subscribe from your address; try again in "
					+ Math.max(1, policy.requestWindow().toMinutes()) + " minutes.");
		}
	}

	/** A plain address, {@code name@example.com}: no display name, no list, no route. */
	static String email(String email) {
		var text = Text.required("/email", email, EMAIL_MAX, "the address updates should go to, e.g. you@example.com");
		try {
			var parsed = new InternetAddress(text, true);
			var address = parsed.getAddress();
			if (parsed.getPersonal() != null || !address.equals(text) || address.indexOf('@') < 1
					|| !address.substring(address.indexOf('@') + 1).contains(".") || address.contains(" ")) {
				throw new AddressException(text);
			}
			return address;
		}
		catch (AddressException e) {
			throw Problems.invalid("/email", "'" + text + "' is not an e-mail address; write it like you@example.com");
		}
	}

	private List<UUID> components(List<UUID> ids, String pointer) {
		if (ids == null || ids.isEmpty()) {
			return List.of();
		}
		var known = page.components().stream().map(PageComponent::id).toList();
		if (ids.size() > known.size()) {
			throw Problems.invalid(pointer, "more components than the page has (" + known.size() + ")");
		}
		for (var id : ids) {
			if (id == null || !known.contains(id)) {
				throw Problems.invalid(pointer, "no component " + id + " on the status page");
			}
		}
		return List.copyOf(new LinkedHashSet<>(ids));
	}

	private static String url(String endpointUrl) {
		var text = Text.required("/endpoint_url", endpointUrl, URL_MAX, "where to post, e.g. https://example.com/hooks/status");
		try {
			var uri = new URI(text);
			var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getRawUserInfo() != null) {
				throw Problems.invalid("/endpoint_url",
						"endpoint_url must be an absolute http(s) URL with a host and no user:password, e.g. https://example.com/hooks/status");
			}
			return uri.toString();
		}
		catch (URISyntaxException e) {
			throw Problems.invalid("/endpoint_url", "endpoint_url is not a URL: " + e.getReason());
		}
	}
}
