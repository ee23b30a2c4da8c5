package dev.firebreak.statuspage.internal;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.firebreak.comms.Audience;
import dev.firebreak.comms.Phase;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.PageProblems;
import dev.firebreak.platform.Problems;

/**
 * "Preview on the status page" from the incident's composer: the composer's form (incident,
 * phase, components, text) posted here in a new tab answers the public page as it would look if the
 * update were posted, under a banner saying it is not published. Nothing is written.
 */
@Controller
class PreviewPages {

	static final String PAGE_VIEW = "statuspage/page";

	private final PagePreview preview;

	private final Incidents incidents;

	PreviewPages(PagePreview preview, Incidents incidents) {
		this.preview = preview;
		this.incidents = incidents;
	}

	@PreAuthorize("hasRole('RESPONDER')")
	@PostMapping("/status-page/preview")
	String preview(@RequestParam(defaultValue = "") String incident, @RequestParam(required = false) String audience,
			@RequestParam(required = false) String phase, @RequestParam(defaultValue = "") String text,
			@RequestParam(defaultValue = "") String components, @AuthenticationPrincipal FirebreakUser user,
			Model model, HttpServletResponse response) {
		var found = visible(incident, user);
		if (audience != null && !audience.isBlank() && !Audience.PUBLIC.toString().equalsIgnoreCase(audience.strip())) {
			throw Problems.invalid("/audience", "only public updates reach the status page; choose the public "
					+ "audience to preview one (this draft is for the " + audience.strip() + " audience)");
		}
		var names = Arrays.stream(components.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		var view = preview.preview(found, phase(phase), text, names);
		// a draft: never kept by a browser or a proxy, never indexed
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("X-Robots-Tag", "noindex");
		model.addAttribute("view", view);
		model.addAttribute("preview", "Preview — not published. This is the status page as it would look if this "
				+ "update of " + found.id() + " were posted; nothing has been posted or changed.");
		return PAGE_VIEW;
	}

	private Incident visible(String id, FirebreakUser user) {
		var number = Incident.parseNumber(id.strip());
		return (number < 0 ? java.util.Optional.<Incident>empty() : incidents.find(number, user))
			.orElseThrow(() -> new PageProblems.NotFound("No such incident",
					"There is no incident " + id + " that you can see."));
	}

	private static Phase phase(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return Arrays.stream(Phase.values()).filter(p -> p.toString().equalsIgnoreCase(text.strip())).findFirst()
			.orElseThrow(() -> Problems.invalid("/phase",
					"'" + text + "' is not a phase; choose investigating, identified, monitoring or resolved"));
	}
}
