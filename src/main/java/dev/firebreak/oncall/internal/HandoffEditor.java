package dev.firebreak.oncall.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.firebreak.identity.AuditLog;
import dev.firebreak.notification.ChatChannel;
import dev.firebreak.notification.Notifications;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Problems;
import dev.firebreak.platform.Text;

/**
 * Hand-off notes and a schedule's announce channel: each change checked in full before anything
 * is written, and written with its audit row in one transaction. The API and the pages both come here.
 */
@Component
class HandoffEditor {

	/** The longest hand-off note: a page of text, enough for what is going on and what to watch. */
	static final int NOTE_MAX = 4000;

	private final HandoffStore store;

	private final ScheduleStore schedules;

	private final OnCallService onCall;

	private final Notifications notifications;

	private final AuditLog audit;

	private final Clock clock;

	HandoffEditor(HandoffStore store, ScheduleStore schedules, OnCallService onCall, Notifications notifications,
			AuditLog audit, Clock clock) {
		this.store = store;
		this.schedules = schedules;
		this.onCall = onCall;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
	}

	/** A note as sent. */
	record NoteInput(String text) {
	}

	/** An announce channel as sent: the id of a chat channel ({@code GET /api/v1/notification-channels}). */
	record ChannelInput(UUID channelId) {
	}

	/** A schedule's announce channel; all null when it has none. */
	record AnnounceChannel(UUID channelId, String name, String type) {

		static final AnnounceChannel NONE = new AnnounceChannel(null, null, null);
	}

	@Transactional
	HandoffNote addNote(UUID scheduleId, NoteInput input, UUID author) {
		var schedule = onCall.get(scheduleId);
		if (input == null) {
			throw Problems.invalid("/text", "Send a note: {\"text\": \"what the next person should know\"}");
		}
		var text = Text.required("/text", input.text(), NOTE_MAX,
				"say what the next person on call should know: what is going on, what to watch");
		var note = new HandoffNote(UUID.randomUUID(), scheduleId, author, text, clock.instant());
		store.insert(note);
		audit.record("schedule.handoff_note_added", "schedule", scheduleId.toString(),
				"a hand-off note (" + text.length() + " characters) on " + schedule.name());
		return note;
	}

	Page<HandoffNote> notes(UUID scheduleId, Page.Request page) {
		onCall.get(scheduleId);
		return store.notes(scheduleId, page);
	}

	HandoffNote note(UUID scheduleId, UUID noteId) {
		onCall.get(scheduleId);
		return store.note(scheduleId, noteId).orElseThrow(() -> Problems.notFound("Schedule " + scheduleId
				+ " has no hand-off note " + noteId + "; GET /api/v1/schedules/" + scheduleId + "/handoff-notes lists them"));
	}

	AnnounceChannel channel(UUID scheduleId) {
		onCall.get(scheduleId);
		return store.channel(scheduleId).map(id -> describe(id, find(id))).orElse(AnnounceChannel.NONE);
	}

	@Transactional
	AnnounceChannel setChannel(UUID scheduleId, ChannelInput input, UUID by) {
		var schedule = onCall.get(scheduleId);
		if (input == null || input.channelId() == null) {
			throw Problems.invalid("/channel_id", "channel_id is required: the id of a chat channel; "
					+ "GET /api/v1/notification-channels lists them");
		}
		var channel = find(input.channelId()).orElseThrow(() -> Problems.invalid("/channel_id", "There is no chat channel "
				+ input.channelId() + "; GET /api/v1/notification-channels lists them (an administrator adds them)"));
		schedules.lock(scheduleId);
		store.setChannel(scheduleId, channel.id(), by, clock.instant());
		audit.record("schedule.announce_channel_set", "schedule", scheduleId.toString(),
				"changes of who is on call on " + schedule.name() + " go to " + channel.name());
		return describe(channel.id(), Optional.of(channel));
	}

	@Transactional
	void clearChannel(UUID scheduleId) {
		var schedule = onCall.get(scheduleId);
		schedules.lock(scheduleId);
		var previous = store.channel(scheduleId);
		if (store.clearChannel(scheduleId)) {
			audit.record("schedule.announce_channel_cleared", "schedule", scheduleId.toString(),
					"changes of who is on call on " + schedule.name() + " no longer go to "
							+ previous.flatMap(this::find).map(ChatChannel::name).orElse("a removed channel"));
		}
	}

	private Optional<ChatChannel> find(UUID channelId) {
		return notifications.channels().stream().filter(c -> c.id().equals(channelId)).findFirst();
	}

	private static AnnounceChannel describe(UUID id, Optional<ChatChannel> channel) {
		return new AnnounceChannel(id, channel.map(ChatChannel::name).orElse(null),
				channel.map(c -> c.type().toString()).orElse(null));
	}
}
