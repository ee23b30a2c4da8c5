package dev.firebreak.escalation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.firebreak.catalog.Catalog;
import dev.firebreak.escalation.EscalationLevel;
import dev.firebreak.oncall.OnCall;
import dev.firebreak.oncall.Schedule;

/**
 * Turns a level's targets into the people to page at an instant: a schedule means whoever is on
 * call on it then (an override in force included); a team means whoever is on call on the team's
 * schedules, or every member when the team has no schedule. Each person once, in target order.
 */
@Component
class TargetResolver {

	private final OnCall onCall;

	private final Catalog catalog;

	TargetResolver(OnCall onCall, Catalog catalog) {
		this.onCall = onCall;
		this.catalog = catalog;
	}

	Resolved resolve(EscalationLevel level, Instant at) {
		var people = new LinkedHashSet<UUID>();
		var channels = new ArrayList<UUID>();
		var gaps = new ArrayList<String>();
		for (var target : level.targets()) {
			switch (target.type()) {
				case PERSON -> people.add(target.id());
				case SCHEDULE -> onCall.schedule(target.id()).ifPresent(schedule -> onCallOn(schedule, at, people, gaps));
				case TEAM -> catalog.team(target.id()).ifPresent(team -> {
					var schedules = onCall.schedules().stream().filter(s -> team.id().equals(s.teamId())).toList();
					if (schedules.isEmpty()) {
						people.addAll(team.memberIds());
					}
					schedules.forEach(schedule -> onCallOn(schedule, at, people, gaps));
				});
				case CHANNEL -> channels.add(target.id());
			}
		}
		return new Resolved(List.copyOf(people), List.copyOf(channels), List.copyOf(gaps));
	}

	private void onCallOn(Schedule schedule, Instant at, LinkedHashSet<UUID> people, List<String> gaps) {
		var now = onCall.onCallAt(schedule.id(), at);
		if (now.isEmpty()) {
			gaps.add(schedule.name());
		}
		people.addAll(now);
	}

	/**
	 * @param gaps the schedules that had nobody on call
	 */
	record Resolved(List<UUID> people, List<UUID> channels, List<String> gaps) {

		boolean nobody() {
			return people.isEmpty() && channels.isEmpty();
		}
	}

}
