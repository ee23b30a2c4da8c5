package dev.firebreak.oncall.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.notification.ChatChannel;
import dev.firebreak.notification.Notifications;
import dev.firebreak.oncall.Schedule;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.PageProblems;

/**
 * The hand-off part of a schedule's page: the latest notes, a form to write one, and the channel
 * told when who is on call changes. The forms go through the same audited code as the API; a
 * refusal comes back on the schedule's page with its message and what was typed.
 */
@Controller
class HandoffPages {

	/** How many of the latest notes the schedule's page shows. */
	static final int LATEST_NOTES = 3;

	private final HandoffEditor editor;

	private final OnCallService onCall;

	private final Notifications notifications;

	HandoffPages(HandoffEditor editor, OnCallService onCall, Notifications notifications) {
		this.editor = editor;
		this.onCall = onCall;
		this.notifications = notifications;
	}

	/** What the schedule's page shows of hand-offs. */
	record Panel(List<NoteRow> notes, HandoffEditor.AnnounceChannel channel, List<ChatChannel> channels) {
	}

	record NoteRow(String who, String when, String text) {
	}

	Panel panel(Schedule schedule, Map<UUID, String> names) {
		var zone = ZoneId.of(schedule.timeZone());
		var notes = editor.notes(schedule.id(), new Page.Request(0, LATEST_NOTES)).items().stream()
			.map(note -> new NoteRow(names.getOrDefault(note.authorId(), "a removed account"),
					ScheduleWeek.WHEN.format(note.createdAt().atZone(zone)), note.text()))
			.toList();
		return new Panel(notes, editor.channel(schedule.id()), notifications.channels());
	}

	@PostMapping("/schedules/{id}/handoff-notes")
	@PreAuthorize("hasRole('RESPONDER')")
	String addNote(@PathVariable String id, @RequestParam(required = false) String text,
			@AuthenticationPrincipal FirebreakUser user, RedirectAttributes redirect) {
		var schedule = schedule(id);
		try {
			editor.addNote(schedule.id(), new HandoffEditor.NoteInput(text), user.id());
			redirect.addFlashAttribute("notice", "Saved your hand-off note. The next person on call gets it before "
					+ "their shift starts.");
		}
		catch (ErrorResponseException e) {
			redirect.addFlashAttribute("handoffError", PageProblems.detail(e));
			redirect.addFlashAttribute("handoffText", text);
		}
		return "redirect:/schedules/" + schedule.id() + "#handoff-heading";
	}

	/** Sets the announce channel, or with an empty choice clears it. */
	@PostMapping("/schedules/{id}/announce-channel")
	@PreAuthorize("hasRole('RESPONDER')")
	String setChannel(@PathVariable String id, @RequestParam(required = false) String channelId,
			@AuthenticationPrincipal FirebreakUser user, RedirectAttributes redirect) {
		var schedule = schedule(id);
		try {
			if (channelId == null || channelId.isBlank()) {
				editor.clearChannel(schedule.id());
				redirect.addFlashAttribute("notice", "Changes of who is on call are no longer posted to a channel.");
			}
			else {
				var channel = PageProblems.uuid(channelId.trim());
				if (channel == null) {
					throw dev.firebreak.platform.Problems.invalid("/channel_id", "'" + channelId + "' is not a channel; "
							+ "choose one of the channels listed");
				}
				var set = editor.setChannel(schedule.id(), new HandoffEditor.ChannelInput(channel), user.id());
				redirect.addFlashAttribute("notice", "Changes of who is on call are posted to " + set.name() + ".");
			}
		}
		catch (ErrorResponseException e) {
			redirect.addFlashAttribute("handoffError", PageProblems.detail(e));
		}
		return "redirect:/schedules/" + schedule.id() + "#handoff-heading";
	}

	private Schedule schedule(String id) {
		return onCall.forPage(id);
	}
}
