package dev.firebreak.statuspage.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.firebreak.identity.AdminOnly;
import dev.firebreak.platform.PageProblems;
import dev.firebreak.platform.Problems;

/**
 * The subscribers page for administrators: who is subscribed, a button to remove each, and the
 * form adding a webhook subscriber (its signing secret shown on the answer, once). Through the same
 * audited code as the API.
 */
@Controller
@AdminOnly
class SubscriberPages {

	static final String VIEW = "statuspage/admin-subscribers";

	static final String PATH = "/status-page/subscribers";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final Subscribers subscribers;

	private final StatusPageStore page;

	SubscriberPages(Subscribers subscribers, StatusPageStore page) {
		this.subscribers = subscribers;
		this.page = page;
	}

	record Row(String id, String type, String address, String description, String components, String status,
			String created, String createdIso) {
	}

	record Choice(String id, String name, boolean chosen) {
	}

	@GetMapping(PATH)
	String list(Model model) {
		show(model, "", "", List.of(), null, null);
		return VIEW;
	}

	@PostMapping(PATH)
	String addWebhook(@RequestParam(name = "endpoint_url", required = false) String url,
			@RequestParam(required = false) String description,
			@RequestParam(name = "component", required = false) List<String> components, HttpServletResponse response,
			Model model) {
		var chosen = components == null ? List.<String>of() : components;
		var ids = chosen.stream().map(PageProblems::uuid).toList();
		try {
			if (ids.contains(null)) {
				throw Problems.invalid("/component_ids", "Choose components from the list.");
			}
			var added = subscribers.addWebhook(url, ids, description);
			response.setStatus(HttpStatus.CREATED.value());
			show(model, "", "", List.of(), null, new Notice(added.subscriber().endpointUrl(), added.signingSecret()));
		}
		catch (ErrorResponseException e) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			show(model, url, description, chosen, PageProblems.detail(e), null);
		}
		return VIEW;
	}

	@PostMapping(PATH + "/{id}/remove")
	String remove(@PathVariable String id, RedirectAttributes redirect) {
		var uuid = PageProblems.uuid(id);
		if (uuid == null) {
			throw new PageProblems.NotFound("Subscriber not found", "There is no subscriber " + id + ".");
		}
		try {
			subscribers.remove(uuid);
		}
		catch (ErrorResponseException e) {
			throw new PageProblems.NotFound("Subscriber not found", PageProblems.detail(e));
		}
		redirect.addFlashAttribute("removed", "Removed the subscriber; nothing more is sent to it.");
		return "redirect:" + PATH;
	}

	/** The webhook just added, with the secret its receiver verifies signatures with. */
	record Notice(String url, String secret) {
	}

	private void show(Model model, String url, String description, List<String> chosen, String error, Notice added) {
		var components = page.components();
		var rows = new ArrayList<Row>();
		for (var s : subscribers.all()) {
			var names = components.stream().filter(c -> s.componentIds().contains(c.id())).map(PageComponent::name)
				.toList();
			rows.add(new Row(s.id().toString(), s.kind().toString(),
					s.kind() == Subscriber.Kind.EMAIL ? s.email() : s.endpointUrl(),
					s.description() == null ? "" : s.description(),
					s.everything() ? "All components" : names.isEmpty() ? "(its components were removed)" : String.join(", ", names),
					s.isConfirmed() ? "confirmed" : "waiting for confirmation", time(s.createdAt()),
					s.createdAt().toString()));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("choices", components.stream()
			.map(c -> new Choice(c.id().toString(), c.name(), chosen.contains(c.id().toString()))).toList());
		model.addAttribute("url", url == null ? "" : url);
		model.addAttribute("description", description == null ? "" : description);
		model.addAttribute("error", error);
		model.addAttribute("added", added);
		model.addAttribute("maxUrl", Subscribers.URL_MAX);
		model.addAttribute("maxDescription", Subscribers.DESCRIPTION_MAX);
	}

	private static String time(Instant at) {
		return TIME.format(at);
	}

}
