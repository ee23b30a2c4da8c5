package dev.firebreak.escalation;

import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Someone or something a level pages: a person; whoever is on call on a schedule; a team (whoever
 * is on call on the team's schedules, or every member when it has none); a chat channel (posted to).
 */
public record EscalationTarget(Type type, UUID id) {

	public enum Type {

		PERSON, SCHEDULE, TEAM, CHANNEL;

		@JsonValue
		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}
	}
}
