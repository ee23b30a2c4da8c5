package dev.firebreak.statuspage.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.firebreak.platform.PageProblems;

/**
 * The public side of subscribing, in the page's own look and without a session: the form (with
 * its CSRF token, since it is rendered per request), the confirmation link's page (GET asks, the
 * button's POST confirms, so a mail scanner opening the link confirms nothing) and the
 * unsubscribe link's page (a mail client's one-click POST, RFC 8058, needs neither session nor
 * token: the signed link is the credential).
 */
@Controller
class SubscribePages {

	static final String FORM = "statuspage/subscribe";

	static final String LINK = "statuspage/subscribe-link";

	private final Subscribers subscribers;

	private final SubscriberLinks links;

	private final StatusSnapshots snapshots;

	SubscribePages(Subscribers subscribers, SubscriberLinks links, StatusSnapshots snapshots) {
		this.subscribers = subscribers;
		this.links = links;
		this.snapshots = snapshots;
	}

	/** A component to tick on the form, under its group's name (null for those in no group). */
	record Choice(String group, String id, String name, boolean chosen) {
	}

	@GetMapping(SubscriberLinks.SUBSCRIBE)
	String form(CsrfToken csrf, Model model) {
		show(csrf, model, "", List.of(), null);
		return FORM;
	}

	@PostMapping(SubscriberLinks.SUBSCRIBE)
	String subscribe(@RequestParam(required = false) String email,
			@RequestParam(name = "component", required = false) List<String> components, CsrfToken csrf,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		var chosen = components == null ? List.<String>of() : components;
		var ids = new ArrayList<UUID>();
		for (var id : chosen) {
			var parsed = PageProblems.uuid(id);
			if (parsed == null) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				show(csrf, model, email, chosen, "Choose components from the list.");
				return FORM;
			}
			ids.add(parsed);
		}
		try {
			subscribers.subscribe(email, ids, request.getRemoteAddr());
		}
		catch (Subscribers.Throttled e) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			show(csrf, model, email, chosen, e.getMessage());
			return FORM;
		}
		catch (ErrorResponseException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			show(csrf, model, email, chosen, PageProblems.detail(e));
			return FORM;
		}
		// the same words whether the address was new, waiting or subscribed already
		return link(model, "requested", "Check your inbox",
				"If " + email.strip() + " can receive mail, a link to confirm your subscription is on its way. "
						+ "Nothing else is sent until you confirm.", null);
	}

	@GetMapping(SubscriberLinks.CONFIRM + "{token}")
	String confirming(@PathVariable String token, HttpServletResponse response, Model model) {
		try {
			subscribers.confirmable(token);
		}
		catch (ErrorResponseException e) {
			return refused(e, response, model);
		}
		return link(model, "confirm", "Confirm your subscription",
				"Press the button to start getting updates of this page by e-mail.", SubscriberLinks.CONFIRM + token);
	}

	@PostMapping(SubscriberLinks.CONFIRM + "{token}")
	String confirm(@PathVariable String token, HttpServletResponse response, Model model) {
		Subscriber subscriber;
		try {
			subscriber = subscribers.confirm(token);
		}
		catch (ErrorResponseException e) {
			return refused(e, response, model);
		}
		return link(model, "confirmed", "You are subscribed",
				"Updates go to " + subscriber.email() + (subscriber.everything() ? "" : " about the components you chose")
						+ ". Every mail has a link to unsubscribe with one click.", null);
	}

	@GetMapping(SubscriberLinks.UNSUBSCRIBE + "{token}")
	String unsubscribing(@PathVariable String token, HttpServletResponse response, Model model) {
		if (links.unsubscribing(token).isEmpty()) {
			return unknownLink(response, model);
		}
		return link(model, "unsubscribe", "Unsubscribe",
				"Press the button to stop getting updates of this page.", SubscriberLinks.UNSUBSCRIBE + token);
	}

	/** The button's POST, and a mail client's one-click POST ({@code List-Unsubscribe=One-Click}). */
	@PostMapping(SubscriberLinks.UNSUBSCRIBE + "{token}")
	String unsubscribe(@PathVariable String token, HttpServletResponse response, Model model) {
		if (!subscribers.unsubscribe(token)) {
			return unknownLink(response, model);
		}
		return link(model, "unsubscribed", "You are unsubscribed",
				"Nothing more will be sent. You can subscribe again at any time.", null);
	}

	private String unknownLink(HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return link(model, "refused", "This link does not work",
				"It was not made here, or it was cut short when it was copied.", null);
	}

	private String refused(ErrorResponseException e, HttpServletResponse response, Model model) {
		response.setStatus(e.getStatusCode().value());
		var title = e.getBody().getTitle();
		return link(model, "refused", title == null ? "This link does not work" : title, PageProblems.detail(e), null);
	}

	private String link(Model model, String state, String title, String detail, String action) {
		model.addAttribute("view", view());
		model.addAttribute("state", state);
		model.addAttribute("title", title);
		model.addAttribute("detail", detail);
		model.addAttribute("action", action);
		model.addAttribute("subscribe", SubscriberLinks.SUBSCRIBE);
		return LINK;
	}

	private void show(CsrfToken csrf, Model model, String email, List<String> chosen, String error) {
		// the token lives in the session: make both now, before the page is written and its response committed
		if (csrf != null) {
			csrf.getToken();
		}
		var snapshot = snapshots.get(StatusSnapshots.BASE);
		var data = snapshot.data();
		var choices = new ArrayList<Choice>();
		for (var group : data.groups()) {
			data.components().stream().filter(c -> group.id().equals(c.groupId())).forEach(c -> choices
				.add(new Choice(group.name(), c.id().toString(), c.name(), chosen.contains(c.id().toString()))));
		}
		data.components().stream().filter(c -> c.groupId() == null).forEach(
				c -> choices.add(new Choice(null, c.id().toString(), c.name(), chosen.contains(c.id().toString()))));
		model.addAttribute("view", PublicView.page(data, StatusSnapshots.BASE));
		model.addAttribute("email", email == null ? "" : email);
		model.addAttribute("choices", choices);
		model.addAttribute("error", error);
		model.addAttribute("action", SubscriberLinks.SUBSCRIBE);
		model.addAttribute("maxEmail", Subscribers.EMAIL_MAX);
	}

	private PublicView.Page view() {
		return PublicView.page(snapshots.get(StatusSnapshots.BASE).data(), StatusSnapshots.BASE);
	}
}
