package dev.firebreak.drill.internal;

import java.util.Arrays;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.firebreak.catalog.Catalog;
import dev.firebreak.drill.Drills;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.identity.Role;
import dev.firebreak.incident.Severity;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.PageProblems;

/** Fire drills in the browser: the list with a "Start a drill" form, and each drill's report. */
@Controller
class DrillPages {

	static final String LIST_VIEW = "drill/drills";

	static final String REPORT_VIEW = "drill/drill";

	private final Drills drills;

	private final DrillReports reports;

	private final Catalog catalog;

	DrillPages(Drills drills, DrillReports reports, Catalog catalog) {
		this.drills = drills;
		this.reports = reports;
		this.catalog = catalog;
	}

	@GetMapping("/drills")
	String list(@RequestParam(name = "service_id", required = false) String serviceId,
			@AuthenticationPrincipal FirebreakUser user, Model model) {
		return list(PageProblems.uuid(serviceId), new Form(serviceId, "", ""), null, user, model);
	}

	@PostMapping("/drills")
	@PreAuthorize("hasRole('RESPONDER')")
	String start(@RequestParam(name = "service_id", required = false) String serviceId,
			@RequestParam(required = false) String severity, @RequestParam(required = false) String summary,
			@AuthenticationPrincipal FirebreakUser user, HttpServletResponse response, Model model) {
		var form = new Form(serviceId, severity, summary);
		try {
			var service = PageProblems.uuid(serviceId);
			if (service == null) {
				throw new IllegalArgumentException("Choose the service whose response you want to practise.");
			}
			var chosen = severity == null || severity.isBlank() ? null : Severity.valueOf(severity.strip());
			var drill = drills.start(service, chosen, summary, user.id());
			return "redirect:/drills/" + drill.id();
		}
		catch (ErrorResponseException e) {
			response.setStatus(422);
			return list(null, form, PageProblems.detail(e), user, model);
		}
		catch (IllegalArgumentException e) {
			response.setStatus(422);
			return list(null, form, e.getMessage().startsWith("No enum") ? "Choose a severity: SEV1, SEV2, SEV3 or SEV4."
					: e.getMessage(), user, model);
		}
	}

	@GetMapping("/drills/{id}")
	String report(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user, Model model) {
		var drill = drills.find(PageProblems.uuid(id) == null ? new UUID(0, 0) : PageProblems.uuid(id))
			.orElseThrow(() -> new PageProblems.NotFound("No such drill", "There is no drill " + id
					+ ". The list of drills is under Drills."));
		model.addAttribute("report", reports.report(drill));
		model.addAttribute("words", Words.INSTANCE);
		model.addAttribute("canRespond", canRespond(user));
		return REPORT_VIEW;
	}

	@PostMapping("/drills/{id}/end")
	@PreAuthorize("hasRole('RESPONDER')")
	String end(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user) {
		var drillId = PageProblems.uuid(id);
		if (drillId == null || drills.find(drillId).isEmpty()) {
			throw new PageProblems.NotFound("No such drill", "There is no drill " + id + ".");
		}
		drills.end(drillId, user.id());
		return "redirect:/drills/" + drillId;
	}

	private String list(UUID serviceId, Form form, String error, FirebreakUser user, Model model) {
		model.addAttribute("rows", reports.views(drills.list(serviceId, Page.Request.of(0, Page.DEFAULT_SIZE)).items()));
		model.addAttribute("services", catalog.allServices());
		model.addAttribute("severities", Arrays.stream(Severity.values()).map(Enum::name).toList());
		model.addAttribute("form", form);
		model.addAttribute("error", error);
		model.addAttribute("canRespond", canRespond(user));
		model.addAttribute("words", Words.INSTANCE);
		return LIST_VIEW;
	}

	private static boolean canRespond(FirebreakUser user) {
		return user != null && user.role() != Role.VIEWER;
	}

	/** Times and durations as the pages say them: "2026-03-02 10:00:00 UTC", "3 min 20 s". */
	static final class Words {

		static final Words INSTANCE = new Words();

		private static final java.time.format.DateTimeFormatter FORMAT = java.time.format.DateTimeFormatter
			.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC);

		public String at(java.time.Instant at) {
			return at == null ? "—" : FORMAT.format(at);
		}

		public String took(java.time.Duration took) {
			if (took == null) {
				return "—";
			}
			var text = new StringBuilder();
			if (took.toHours() > 0) {
				text.append(took.toHours()).append(" h ");
			}
			if (took.toMinutesPart() > 0 || took.toHours() > 0) {
				text.append(took.toMinutesPart()).append(" min ");
			}
			if (took.toSecondsPart() > 0 || took.toMinutes() == 0) {
				text.append(took.toSecondsPart()).append(" s");
			}
			return text.toString().strip();
		}

		public String verdict(Boolean met) {
			return met == null ? "running" : met ? "met" : "missed";
		}
	}

	/** What the start form was sent with, to show again beside its error. */
	record Form(String serviceId, String severity, String summary) {
	}
}
