package dev.firebreak.incident.internal;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.identity.Role;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.Obligations;
import dev.firebreak.platform.PageProblems;

/**
 * The war-room parts of the incident page: what the incident owes (with the commander's "set
 * aside"), the war room with its checkpoint and decisions, and the live timeline. The panels are
 * part of the page and refresh themselves with htmx; every form is a plain POST answered with a
 * redirect, or with the page again and its problem.
 */
@Controller
class WarRoomPages extends PageProblems {

	static final String OBLIGATIONS_FRAGMENT = "incident/partials/obligations :: obligations";

	static final String WAR_ROOM_FRAGMENT = "incident/partials/war-room :: war-room";

	private final Incidents incidents;

	private final Obligations obligations;

	private final WarRooms warRooms;

	private final IncidentPageView view;

	private final LiveTimeline live;

	private final TimelineStore timeline;

	WarRoomPages(Incidents incidents, Obligations obligations, WarRooms warRooms, IncidentPageView view,
			LiveTimeline live, TimelineStore timeline) {
		super("/", "Back to the incidents");
		this.incidents = incidents;
		this.obligations = obligations;
		this.warRooms = warRooms;
		this.view = view;
		this.live = live;
		this.timeline = timeline;
	}

	@ModelAttribute
	void common(@AuthenticationPrincipal FirebreakUser user, Model model) {
		model.addAttribute("utc", IncidentPageModels.UtcTime.INSTANCE);
		model.addAttribute("canRespond", user != null && user.role() != Role.VIEWER);
	}

	@GetMapping("/incidents/{id}/obligations")
	String obligations(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user, Model model) {
		view.obligations(visible(id, user), user, model);
		return OBLIGATIONS_FRAGMENT;
	}

	@GetMapping("/incidents/{id}/war-room")
	String warRoom(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user, Model model) {
		view.warRoom(visible(id, user), user, model);
		return WAR_ROOM_FRAGMENT;
	}

	/** The commander sets an obligation aside, with a reason that goes on the timeline. */
	@PostMapping("/incidents/{id}/obligations/waive")
	String waive(@PathVariable String id, @RequestParam(defaultValue = "") String key,
			@RequestParam(defaultValue = "") String reason, @AuthenticationPrincipal FirebreakUser user, Model model,
			HttpServletResponse response) {
		var incident = visible(id, user);
		return act(incident, user, model, response, "obligationsError", "#obligations",
				() -> obligations.waive(incident.number(), key, reason, user.id()));
	}

	@PostMapping("/incidents/{id}/war-room")
	String openWarRoom(@PathVariable String id, @RequestParam(defaultValue = "") String reason,
			@AuthenticationPrincipal FirebreakUser user, Model model, HttpServletResponse response) {
		var incident = visible(id, user);
		return act(incident, user, model, response, "warRoomError", "#war-room",
				() -> warRooms.open(incident.number(), reason, user.id()));
	}

	@PostMapping("/incidents/{id}/checkpoints")
	String answerCheckpoint(@PathVariable String id, WarRoomPageModels.CheckpointForm form,
			@AuthenticationPrincipal FirebreakUser user, Model model, HttpServletResponse response) {
		var incident = visible(id, user);
		// typed answers come back with a problem, so nobody writes them twice
		model.addAttribute("checkpoint", form);
		return act(incident, user, model, response, "checkpointError", "#war-room",
				() -> warRooms.answerCheckpoint(incident.number(),
						new WarRooms.Answers(form.known(), form.next(), form.escalate(), form.statusPage()), user.id()));
	}

	@PostMapping("/incidents/{id}/decisions")
	String decide(@PathVariable String id, @RequestParam(defaultValue = "") String decision,
			@RequestParam(required = false) String rationale, @AuthenticationPrincipal FirebreakUser user, Model model,
			HttpServletResponse response) {
		var incident = visible(id, user);
		model.addAttribute("decisionText", decision);
		model.addAttribute("rationaleText", rationale);
		return act(incident, user, model, response, "decisionError", "#war-room",
				() -> warRooms.decide(incident.number(), decision, IncidentPages.blankToNull(rationale), user.id()));
	}

	/**
	 * The timeline's new entries as server-sent events, for whoever may see the incident. A browser
	 * reconnecting sends the last id it received ({@code Last-Event-ID}); a page opening the stream
	 * names the last entry it shows ({@code after}); otherwise the stream starts now.
	 */
	@GetMapping(value = "/incidents/{id}/timeline/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter stream(@PathVariable String id, @RequestParam(required = false) Long after,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
			@AuthenticationPrincipal FirebreakUser user) {
		var incident = visible(id, user);
		var from = Optional.ofNullable(lastEventId).map(WarRoomPages::place).or(() -> Optional.ofNullable(after))
			.filter(place -> place >= 0).orElseGet(() -> timeline.lastSeq(incident.number()));
		return live.subscribe(incident, user, from);
	}

	private String act(Incident incident, FirebreakUser user, Model model, HttpServletResponse response,
			String errorAttribute, String anchor, Supplier<?> change) {
		try {
			change.get();
			return "redirect:/incidents/" + incident.id() + anchor;
		}
		catch (ErrorResponseException e) {
			response.setStatus(e.getStatusCode().value());
			model.addAttribute(errorAttribute, PageProblems.detail(e));
			view.show(incidents.find(incident.number(), user).orElse(incident), user, model);
			return IncidentPages.INCIDENT_VIEW;
		}
	}

	private static Long place(String lastEventId) {
		try {
			return Long.parseLong(lastEventId.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private Incident visible(String id, FirebreakUser user) {
		var number = Incident.parseNumber(id);
		return (number < 0 ? Optional.<Incident>empty() : incidents.find(number, user))
			.orElseThrow(() -> new NotFound("Incident not found", "There is no incident " + id
					+ " that you can see. Private incidents are shown only to administrators and the people on them."));
	}
}
