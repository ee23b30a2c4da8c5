package dev.firebreak.oncall.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.firebreak.catalog.Catalog;
import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.AuditLog;
import dev.firebreak.oncall.Schedule;
import dev.firebreak.platform.Problems;
import dev.firebreak.platform.Text;

/**
 * Changes schedules, their layers and overrides: each change checked in full before anything is
 * written, written in one transaction with its audit row. The API and the pages both come here.
 */
@Component
class ScheduleEditor {

	private final ScheduleStore store;

	private final OnCallService onCall;

	private final Catalog catalog;

	private final Accounts accounts;

	private final AuditLog audit;

	private final CalendarFeeds feeds;

	private final Clock clock;

	ScheduleEditor(ScheduleStore store, OnCallService onCall, Catalog catalog, Accounts accounts, AuditLog audit,
			CalendarFeeds feeds, Clock clock) {
		this.store = store;
		this.onCall = onCall;
		this.catalog = catalog;
		this.accounts = accounts;
		this.audit = audit;
		this.feeds = feeds;
		this.clock = clock;
	}

	/** A schedule as sent: a name, a time zone, and what else a person may say about it. */
	record ScheduleInput(String name, String description, String timeZone, UUID teamId) {
	}

	/** An override as sent. */
	record OverrideInput(UUID accountId, UUID replacedAccountId, Instant start, Instant end) {
	}

	@Transactional
	Schedule create(ScheduleInput input) {
		var schedule = checked(null, input, clock.instant());
		store.insert(schedule);
		feeds.issue(CalendarFeeds.Kind.SCHEDULE, schedule.id());
		audit.record("schedule.created", "schedule", schedule.id().toString(),
				schedule.name() + " (" + schedule.timeZone() + ")");
		return schedule;
	}

	@Transactional
	Schedule update(UUID id, ScheduleInput input) {
		var existing = onCall.get(id);
		var schedule = checked(id, input, existing.createdAt());
		store.update(schedule);
		audit.record("schedule.updated", "schedule", id.toString(), schedule.name() + " (" + schedule.timeZone() + ")");
		return schedule;
	}

	@Transactional
	void delete(UUID id) {
		var schedule = onCall.get(id);
		feeds.forget(CalendarFeeds.Kind.SCHEDULE, id);
		store.delete(id);
		audit.record("schedule.deleted", "schedule", id.toString(), schedule.name());
	}

	private Schedule checked(UUID id, ScheduleInput input, Instant createdAt) {
		if (input == null) {
			throw Problems.invalid("", "Send a schedule: {\"name\": ..., \"time_zone\": ...}");
		}
		var name = Text.required("/name", input.name(), 100, "give the schedule a name, like Payments primary");
		var description = Text.optional("/description", input.description(), 2000);
		if (input.timeZone() == null || input.timeZone().isBlank()) {
			throw Problems.invalid("/time_zone", "time_zone is required: an IANA name like Europe/Berlin, in which "
					+ "hand-offs and restrictions are read");
		}
		var zone = Text.timeZone("/time_zone", input.timeZone());
		// an offset (+02:00) is no time zone: it would keep its offset across daylight saving
		if (!java.time.ZoneId.getAvailableZoneIds().contains(zone)) {
			throw Problems.invalid("/time_zone", "'" + zone + "' is an offset, not a time zone; use an IANA name like "
					+ "Europe/Berlin, whose clocks change with daylight saving");
		}
		if (input.teamId() != null && catalog.team(input.teamId()).isEmpty()) {
			throw Problems.invalid("/team_id", "There is no team " + input.teamId() + "; GET /api/v1/teams lists them");
		}
		if (store.nameTaken(name, id)) {
			throw Problems.conflict("There is already a schedule named " + name + "; choose another name");
		}
		return new Schedule(id == null ? UUID.randomUUID() : id, name, description, zone, input.teamId(), createdAt);
	}

	// ---- layers ----

	@Transactional
	Layer addLayer(UUID scheduleId, LayerInput input) {
		var schedule = onCall.get(scheduleId);
		store.lock(scheduleId);
		var layers = store.layers(scheduleId);
		var checked = input.checked(UUID.randomUUID(), scheduleId, layers.size() + 1, clock.instant());
		participantsExist(checked.participants());
		store.insert(checked);
		var placed = reorder(layers, checked, input.position());
		audit.record("schedule.layer_added", "schedule", scheduleId.toString(),
				describe(placed) + " on " + schedule.name());
		return placed;
	}

	@Transactional
	Layer updateLayer(UUID scheduleId, UUID layerId, LayerInput input) {
		var schedule = onCall.get(scheduleId);
		store.lock(scheduleId);
		var layers = store.layers(scheduleId);
		var existing = layers.stream().filter(l -> l.id().equals(layerId)).findFirst()
			.orElseThrow(() -> layerNotFound(scheduleId, layerId));
		var checked = input.checked(layerId, scheduleId, existing.position(), existing.createdAt());
		participantsExist(checked.participants());
		store.update(checked);
		var others = layers.stream().filter(l -> !l.id().equals(layerId)).toList();
		var placed = reorder(others, checked, input.position());
		audit.record("schedule.layer_updated", "schedule", scheduleId.toString(),
				describe(placed) + " on " + schedule.name());
		return placed;
	}

	@Transactional
	void deleteLayer(UUID scheduleId, UUID layerId) {
		var schedule = onCall.get(scheduleId);
		store.lock(scheduleId);
		var layers = store.layers(scheduleId);
		var layer = layers.stream().filter(l -> l.id().equals(layerId)).findFirst()
			.orElseThrow(() -> layerNotFound(scheduleId, layerId));
		store.deleteLayer(layerId);
		var rest = layers.stream().filter(l -> !l.id().equals(layerId)).toList();
		for (var i = 0; i < rest.size(); i++) {
			if (rest.get(i).position() != i + 1) {
				store.position(rest.get(i).id(), i + 1);
			}
		}
		audit.record("schedule.layer_removed", "schedule", scheduleId.toString(),
				"layer " + layer.name() + " from " + schedule.name());
	}

	/**
	 * Puts {@code layer} among {@code others} at {@code position} (1 is the bottom; null keeps its
	 * place, and a new layer's place is the top) and numbers them all 1..n again.
	 */
	private Layer reorder(List<Layer> others, Layer layer, Integer position) {
		var ordered = new ArrayList<>(others);
		var index = position == null ? Math.min(layer.position() - 1, ordered.size())
				: Math.max(0, Math.min(position - 1, ordered.size()));
		ordered.add(index, layer);
		Layer placed = layer;
		for (var i = 0; i < ordered.size(); i++) {
			var current = ordered.get(i);
			if (current.position() != i + 1 || current.id().equals(layer.id())) {
				store.position(current.id(), i + 1);
			}
			if (current.id().equals(layer.id())) {
				placed = current.at(i + 1);
			}
		}
		return placed;
	}

	private void participantsExist(List<UUID> participants) {
		var known = accounts.findAll(participants);
		for (var i = 0; i < participants.size(); i++) {
			if (!known.containsKey(participants.get(i))) {
				throw Problems.invalid("/participants/" + i, "There is no account " + participants.get(i)
						+ "; GET /api/v1/accounts lists the people who can be on call");
			}
		}
	}

	private static String describe(Layer layer) {
		return "layer " + layer.name() + " (" + layer.participants().size() + " participants, shifts of "
				+ layer.shiftCount() + " " + layer.shiftUnit() + ", position " + layer.position() + ")";
	}

	private static RuntimeException layerNotFound(UUID scheduleId, UUID layerId) {
		return Problems.notFound("Schedule " + scheduleId + " has no layer " + layerId
				+ "; GET /api/v1/schedules/" + scheduleId + " lists its layers");
	}

	// ---- overrides ----

	@Transactional
	ScheduleOverride addOverride(UUID scheduleId, OverrideInput input, UUID createdBy) {
		var schedule = onCall.get(scheduleId);
		if (input == null) {
			throw Problems.invalid("", "Send an override: {\"account_id\": ..., \"start\": ..., \"end\": ...}");
		}
		if (input.accountId() == null) {
			throw Problems.invalid("/account_id", "account_id is required: the person who covers");
		}
		if (accounts.find(input.accountId()).isEmpty()) {
			throw Problems.invalid("/account_id", "There is no account " + input.accountId());
		}
		if (input.replacedAccountId() != null) {
			if (input.replacedAccountId().equals(input.accountId())) {
				throw Problems.invalid("/replaced_account_id", "A person cannot cover for themselves; "
						+ "leave replaced_account_id out to put them on call for the whole range");
			}
			if (accounts.find(input.replacedAccountId()).isEmpty()) {
				throw Problems.invalid("/replaced_account_id", "There is no account " + input.replacedAccountId());
			}
		}
		if (input.start() == null) {
			throw Problems.invalid("/start", "start is required: when the cover begins, like 2026-03-02T09:00:00Z");
		}
		if (input.end() == null) {
			throw Problems.invalid("/end", "end is required: when the cover ends, like 2026-03-03T09:00:00Z");
		}
		if (!input.end().isAfter(input.start())) {
			throw Problems.invalid("/end", "end must be after start");
		}
		var override = new ScheduleOverride(UUID.randomUUID(), scheduleId, input.accountId(), input.replacedAccountId(),
				input.start(), input.end(), createdBy, clock.instant());
		store.insert(override);
		audit.record("schedule.override_added", "schedule", scheduleId.toString(),
				onCall.name(input.accountId()) + " covers "
						+ (input.replacedAccountId() == null ? "everyone" : onCall.name(input.replacedAccountId()))
						+ " from " + input.start() + " to " + input.end() + " on " + schedule.name());
		return override;
	}

	@Transactional
	void deleteOverride(UUID scheduleId, UUID overrideId) {
		var schedule = onCall.get(scheduleId);
		var override = store.override(scheduleId, overrideId).orElseThrow(() -> Problems.notFound(
				"Schedule " + scheduleId + " has no override " + overrideId));
		store.deleteOverride(overrideId);
		audit.record("schedule.override_removed", "schedule", scheduleId.toString(),
				onCall.name(override.accountId()) + " from " + override.start() + " to " + override.end() + " on "
						+ schedule.name());
	}
}
